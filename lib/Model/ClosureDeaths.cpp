//===--- ClosureDeaths.cpp - async-lint -----------------------------------===//

#include "ClosureDeaths.h"
#include "Awaitables.h"
#include "InlineSpawnStarts.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

std::optional<LambdaDeath>
closureDeath(const CallExpr &Call, const CXXMethodDecl &Op,
             const TaskFlow &Flow, WaitsOutTask WaitedOut, CaptureUses &Uses,
             const LibraryAnalyses &A) {
  if (copiesClosure(Op) || Call.getNumArgs() == 0)
    return std::nullopt;
  LambdaDeath D{TaskFlow::referentOf(Call.getArg(0), false)};
  // A function object taken by value is reported where it is passed in.
  if (D.R.What == Referent::Kind::Other ||
      isa_and_nonnull<ParmVarDecl>(D.R.Var))
    return std::nullopt;
  Laziness L = lazinessOf(Op.getReturnType());
  D.Fate = Flow.fateOf(&Call);
  D.Dies = Flow.diesBeforeTask(D.R, &Call, D.Fate, L);
  if (D.Dies.isInvalid() ||
      (D.R.What == Referent::Kind::Local && WaitedOut(D.Fate, *D.R.Var)))
    return std::nullopt;
  D.Use = Uses.firstCaptureUse(Op, nullptr, L == Laziness::Lazy, A);
  if (!D.Use)
    return std::nullopt;
  return D;
}

std::optional<LambdaDeath>
capturedLocalDeath(const LambdaCapture &Capture, const CXXMethodDecl &Op,
                   const Expr &Origin, const TaskFate &F, Laziness L,
                   bool FromStart, const TaskFlow &Flow, WaitsOutTask WaitedOut,
                   CaptureUses &Uses, const LibraryAnalyses &A,
                   bool StartsInline) {
  if (!Capture.capturesVariable() || Capture.getCaptureKind() != LCK_ByRef)
    return std::nullopt;
  const auto *Var = dyn_cast_or_null<VarDecl>(Capture.getCapturedVar());
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      Var->isInitCapture())
    return std::nullopt;
  LambdaDeath D{Referent{Referent::Kind::Local, Var}, F};
  D.Dies = Flow.diesBeforeTask(D.R, &Origin, F, L);
  if (D.Dies.isInvalid() || WaitedOut(F, *Var))
    return std::nullopt;
  D.Use = Uses.firstCaptureUse(Op, Var, FromStart, A);
  if (!D.Use && StartsInline) {
    LentUse Lent = lentToCoroutine(Op, *Var, Uses, A);
    D.Use = Lent.Use;
    D.LentAs = Lent.Param;
    D.LentTo = Lent.Callee;
  }
  if (!D.Use)
    return std::nullopt;
  return D;
}

} // namespace clang::tidy::async::model

//===--- SyncWaitStarts.cpp - async-lint ----------------------------------===//

#include "SyncWaitStarts.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "PathFacts.h"
#include "TaskFlow.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

bool SyncWaitStarts::startedOnlyBySyncWait(
    const FunctionDecl &Coro, const NameMatcher &SyncWaitFunctions) {
  auto [It, New] = Started.try_emplace(&Coro, false);
  if (!New)
    return It->second;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coro);
  if (!Method || !Method->getParent()->isLambda())
    return false;
  const auto *Outer =
      dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext());
  if (!Outer || isCoroutine(*Outer))
    return false;
  // The local the lambda is stored in, and how it is used.
  const VarDecl *Holder = nullptr;
  unsigned Mentions = 0, SyncWaited = 0;
  forEachOwnStmt(getUserBody(*Outer), [&](const Stmt &S) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (const LambdaExpr *L = lambdaOf(VD->getInit());
              L && L->getLambdaClass() == Method->getParent())
            Holder = VD;
  });
  if (!Holder)
    return false;
  forEachOwnStmt(getUserBody(*Outer), [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        Ref && Ref->getDecl() == Holder)
      ++Mentions;
    const CallExpr *Call = callOfListed(S, SyncWaitFunctions);
    if (!Call)
      return;
    for (const Expr *Arg : Call->arguments()) {
      const auto *Start =
          dyn_cast<CXXOperatorCallExpr>(strip(Arg, Wrappers::Object));
      if (Start && Start->getOperator() == OO_Call &&
          referencedVariable(Start->getArg(0)) == Holder)
        ++SyncWaited;
    }
  });
  bool Only = Mentions > 0 && Mentions == SyncWaited;
  Started[&Coro] = Only;
  return Only;
}

} // namespace clang::tidy::async::model

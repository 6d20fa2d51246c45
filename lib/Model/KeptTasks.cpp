//===--- KeptTasks.cpp - async-lint ---------------------------------------===//

#include "KeptTasks.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CaptureUses.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "TaskFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::async::model {

namespace {

/// How a note names the capture \p Use reads, or 'this'.
std::string usedCapture(const Stmt &Use) {
  const auto *Ref = dyn_cast<DeclRefExpr>(&Use);
  return Ref ? "capture '" + Ref->getDecl()->getName().str() + "'"
             : std::string("captured 'this'");
}

/// The end of the full expression \p E is part of.
SourceLocation fullExpressionEndOf(const Expr &E, ASTContext &Ctx) {
  const Expr *Outer = &E;
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(*Outer);
    const auto *Parent = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!Parent)
      break;
    Outer = Parent;
  }
  return Outer->getEndLoc();
}

/// The capturing coroutine lambda that \p Arg calls in place, with the call;
/// null when \p Arg is no such call or the closure is not a temporary.
std::pair<const CXXOperatorCallExpr *, const CXXMethodDecl *>
lambdaCalledInPlace(const Expr *Arg) {
  const auto *Call =
      dyn_cast_or_null<CXXOperatorCallExpr>(strip(Arg, Wrappers::Object));
  if (!Call || Call->getOperator() != OO_Call || Call->getNumArgs() == 0 ||
      !lambdaOf(Call->getArg(0)) ||
      TaskFlow::referentOf(Call->getArg(0), false).What !=
          Referent::Kind::Temporary)
    return {};
  const auto *Op = dyn_cast_or_null<CXXMethodDecl>(calledDefinition(*Call));
  if (!Op || !capturingCoroutine(Op->getParent()) || copiesClosure(*Op))
    return {};
  return {Call, Op};
}

} // namespace

std::optional<LifetimeEvidence> keptTaskClosure(const CallExpr &Spawn,
                                                const NameMatcher &Keepers,
                                                const EnclosingFunction &Encl,
                                                const ClosureLifetimeRules &R,
                                                const OwnStmts *Own) {
  std::optional<CallInfo> Scratch;
  const CallInfo *Info = describeCall(Spawn, Own, Scratch);
  if (!Info || !anyNameMatches(Keepers, *Info))
    return std::nullopt;
  // A joinable handle awaited in the same full expression: the closure,
  // a temporary of it, lives until the task is done.
  const TaskFlow &Flow = R.A.flow(Encl.Decl);
  if (isTaskType(Spawn.getType()) &&
      Flow.fateOf(&Spawn).What == TaskFate::Kind::Awaited)
    return std::nullopt;
  for (const Expr *Arg : Spawn.arguments()) {
    auto [Call, Op] = lambdaCalledInPlace(Arg);
    if (!Op)
      continue;
    // A lazy task runs its whole body on the spawn's thread, after the
    // call; an eager one only what follows its first suspension.
    bool Lazy = lazinessOf(Op->getReturnType()) == Laziness::Lazy;
    const Stmt *Use = R.Uses.firstCaptureUse(*Op, nullptr, Lazy, R.A);
    if (!Use)
      continue;
    ASTContext &Ctx = Op->getASTContext();
    LifetimeEvidence E;
    E.add(Said::ClosureTemporary, Call->getArg(0)->getBeginLoc());
    TaskFate Kept{TaskFate::Kind::Escapes, Spawn.getBeginLoc(),
                  "kept here by the spawn, which keeps the task and not the "
                  "closure",
                  /*OnExecutor=*/true};
    addLifetimeSteps(E, Ctx.getSourceManager(), Kept,
                     {"the closure", nullptr, fullExpressionEndOf(Spawn, Ctx)},
                     Use, usedCapture(*Use), Lazy);
    return E;
  }
  return std::nullopt;
}

} // namespace clang::tidy::async::model

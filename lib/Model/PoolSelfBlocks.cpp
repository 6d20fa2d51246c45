//===--- PoolSelfBlocks.cpp - async-lint ----------------------------------===//

#include "PoolSelfBlocks.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FirstArrival.h"
#include "NameMatcher.h"
#include "StartedTogether.h"
#include "SuspensionFlow.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async::model {

namespace {

/// The pool whose schedule \p Point awaits, as named there; null otherwise.
const ValueDecl *scheduledOnto(const CoroutineSuspendExpr &Point,
                               const PoolKnowledge &Know) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
      strip(Point.getOperand(), Wrappers::Implicit));
  std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
  return isa<CoawaitExpr>(Point) && Info &&
                 anyNameMatches(Know.ScheduleMembers, *Info)
             ? namedDecl(Call->getImplicitObjectArgument())
             : nullptr;
}

/// True when \p D is a pool variable constructed with one thread.
bool hasOneThread(const ValueDecl *D, const PoolKnowledge &Know) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  if (!Var || isa<ParmVarDecl>(Var) || Var->getType()->isReferenceType() ||
      !Know.Types.matches(canonicalTypeName(Var->getType())))
    return false;
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr);
  Expr::EvalResult Count;
  return Construct && Construct->getNumArgs() >= 1 &&
         !Construct->getArg(0)->isValueDependent() &&
         Construct->getArg(0)->EvaluateAsInt(Count, Var->getASTContext()) &&
         Count.Val.getInt() == 1;
}

/// Where the coroutine that \p Work calls moves onto \p Pool on every path
/// to its end; null when it may end without.
const CoroutineSuspendExpr *workOnPool(
    const CallExpr &Work, const FunctionDecl &Caller, const VarDecl &Pool,
    const PoolKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf) {
  StartedCoroutine Started{calledDefinition(Work), &Work, &Work};
  const CFG *Graph = Started.Coroutine ? CFGOf(*Started.Coroutine) : nullptr;
  if (!Graph)
    return nullptr;
  for (const CoroutineSuspendExpr *Point : FlowOf(*Started.Coroutine).points())
    if (const ValueDecl *Key = scheduledOnto(*Point, Know))
      if (denotedInCaller(Key, Started, Caller).first == &Pool &&
          alwaysArrives(*Graph, *Point))
        return Point;
  return nullptr;
}

} // namespace

std::vector<PoolSelfBlock> poolSelfBlocks(
    const FunctionDecl &Coroutine, const Stmt &Body, const CFG &Graph,
    ArrayRef<const CoroutineSuspendExpr *> Points, const PoolKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf,
    const OwnStmts *Own) {
  std::vector<PoolSelfBlock> Blocks;
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    const auto *Wait = dyn_cast<CallExpr>(&S);
    std::optional<CallInfo> Scratch;
    const CallInfo *Info = Wait ? describeCall(*Wait, Own, Scratch) : nullptr;
    if (!Info || !anyNameMatches(Know.SyncWaits, *Info) ||
        Wait->getNumArgs() < 1)
      return;
    const CallExpr *Work = coroutineCall(Wait->getArg(0));
    FirstArrival Arrival = firstArrival(Graph, *Wait);
    for (const CoroutineSuspendExpr *OnPool : Points) {
      const auto *Pool =
          dyn_cast_or_null<VarDecl>(scheduledOnto(*OnPool, Know));
      if (!Work || !Arrival.Reached || !hasOneThread(Pool, Know) ||
          !passesFirst(Graph, *OnPool, *Wait))
        continue;
      // No other suspension between the move onto the pool and the wait:
      // the coroutine is still on the pool's thread when it blocks.
      if (llvm::any_of(Points, [&](const CoroutineSuspendExpr *Other) {
            return Other != OnPool && Arrival.Before.contains(Other) &&
                   mayRunAfter(Graph, *OnPool, *Other);
          }))
        continue;
      if (const CoroutineSuspendExpr *WorkOnPool =
              workOnPool(*Work, Coroutine, *Pool, Know, CFGOf, FlowOf))
        Blocks.push_back(
            {Wait, Pool, OnPool, calledDefinition(*Work), WorkOnPool});
    }
  });
  return Blocks;
}

} // namespace clang::tidy::async::model

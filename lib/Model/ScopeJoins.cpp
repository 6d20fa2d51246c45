//===--- ScopeJoins.cpp - async-lint --------------------------------------===//

#include "ScopeJoins.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "SuspensionFlow.h"

namespace clang::tidy::async::model {

namespace {

/// The scope whose join \p Point awaits, as the coroutine names it.
const ValueDecl *joinedScope(const CoroutineSuspendExpr &Point,
                             const ScopeKnowledge &Know) {
  if (!isa<CoawaitExpr>(Point))
    return nullptr;
  const Expr *Operand = strip(Point.getOperand(), Wrappers::Implicit);
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Operand)) {
    std::optional<CallInfo> Info = describeCall(*Call);
    return Info && anyNameMatches(Know.JoinMembers, *Info)
               ? namedDecl(Call->getImplicitObjectArgument())
               : nullptr;
  }
  if (Operand && Know.Types.matches(canonicalTypeName(Operand->getType())))
    return namedDecl(Operand);
  return nullptr;
}

} // namespace

std::vector<ScopeJoin> scopeJoins(
    const FunctionDecl &Caller, const Stmt &Body, const ScopeKnowledge &Know,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf,
    const OwnStmts *Own) {
  std::vector<ScopeJoin> Joins;
  auto Visit = [&](const Stmt &S) {
    const auto *Start = dyn_cast<CXXMemberCallExpr>(&S);
    std::optional<CallInfo> Scratch;
    const CallInfo *Info = Start ? describeCall(*Start, Own, Scratch) : nullptr;
    if (!Info || (!anyNameMatches(Know.StartMembers, *Info) &&
                  !anyNameMatches(Know.MoreStartMembers, *Info)))
      return;
    auto Scope = denotedInCaller(Start->getImplicitObjectArgument(), Caller);
    if (!Scope.first)
      return;
    for (const Expr *Arg : Start->arguments()) {
      const CallExpr *Coro = coroutineCall(Arg);
      if (!Coro)
        continue;
      StartedCoroutine Started{calledDefinition(*Coro), Coro, Start};
      for (const CoroutineSuspendExpr *Point :
           FlowOf(*Started.Coroutine).points())
        if (const ValueDecl *Key = joinedScope(*Point, Know))
          if (denotedInCaller(Key, Started, Caller) == Scope)
            Joins.push_back({Started, Scope.first, Point});
    }
  };
  // Only a member call starts a task into a scope: read from the body's
  // own-statement list, the other statements cost a class test.
  if (Own && Own->body() == &Body) {
    for (const Stmt *S : Own->all())
      if (isa<CXXMemberCallExpr>(S))
        Visit(*S);
  } else {
    forEachOwnStmt(Own, &Body, Visit);
  }
  return Joins;
}

Finding scopeJoinFinding(const ScopeJoin &J) {
  std::string Scope = "'" + J.Scope->getNameAsString() + "'";
  return {J.Join->getBeginLoc(),
          J.Join->getSourceRange(),
          "waits for every task of " + Scope +
              " to end, this coroutine included: it never resumes",
          {{J.Started.Start->getBeginLoc(),
            "the coroutine is started in " + Scope +
                " here, which counts it until it ends; join the scope from "
                "outside its tasks"}}};
}

} // namespace clang::tidy::async::model

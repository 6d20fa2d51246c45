//===--- LambdaCalls.cpp - async-lint -------------------------------------===//

#include "LambdaCalls.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The lambda \p E is, written in place or named by a local initialised by
/// one, when its body is a coroutine body exactly when \p Coroutine.
CalledLambda lambdaOf(const Expr *E, bool Coroutine) {
  CalledLambda Result;
  E = E ? E->IgnoreUnlessSpelledInSource() : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
        Var->getType()->isReferenceType() || !Var->getInit())
      return {};
    Result.Named = Ref;
    E = Var->getInit()->IgnoreUnlessSpelledInSource();
  }
  // A coroutine lambda's call makes a task: its body runs when that task
  // is started, which need not be at the call.
  const auto *Lambda = dyn_cast_or_null<LambdaExpr>(E);
  if (!Lambda || !Lambda->getBody() ||
      isa<CoroutineBodyStmt>(Lambda->getBody()) != Coroutine)
    return {};
  Result.Lambda = Lambda;
  Result.Started = Coroutine;
  return Result;
}

/// The object \p E calls through operator(), when it is such a call.
const Expr *calledObject(const Expr *E) {
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
  return Op && Op->getOperator() == OO_Call && Op->getNumArgs() >= 1
             ? Op->getArg(0)
             : nullptr;
}

} // namespace

llvm::SmallVector<CalledLambda, 1>
lambdasRunBy(const CallExpr &Call, const CallInfo *Info,
             const NameMatcher &InvokeFunctions,
             const NameMatcher &TaskStarters) {
  llvm::SmallVector<CalledLambda, 1> Found;
  const Expr *Callee = calledObject(&Call);
  if (!Callee && Info && Call.getNumArgs() >= 1 &&
      anyNameMatches(InvokeFunctions, *Info))
    Callee = Call.getArg(0);
  if (CalledLambda L = lambdaOf(Callee, false); L.Lambda)
    Found.push_back(L);
  if (!Info || !anyNameMatches(TaskStarters, *Info))
    return Found;
  for (const Expr *Arg : Call.arguments())
    if (CalledLambda L =
            lambdaOf(calledObject(Arg->IgnoreUnlessSpelledInSource()), true);
        L.Lambda)
      Found.push_back(L);
  return Found;
}

} // namespace clang::tidy::async::model

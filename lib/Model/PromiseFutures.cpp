//===--- PromiseFutures.cpp - async-lint ----------------------------------===//

#include "PromiseFutures.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

bool isFutureCall(const Expr *E, const NameMatcher &FutureMembers) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E);
  std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
  return Info && anyNameMatches(FutureMembers, *Info);
}

namespace {

/// True for a promise's future: a \p FutureMembers call, or a call of a
/// helper with a body that \p Helper says returns one.
bool isFutureValue(const Expr *E, const NameMatcher &FutureMembers,
                   llvm::function_ref<bool(const FunctionDecl &)> Helper) {
  if (isFutureCall(E, FutureMembers))
    return true;
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  return Def && Helper && Helper(*Def);
}

} // namespace

bool returnsPromiseFuture(
    const FunctionDecl &FD, const NameMatcher &FutureMembers,
    llvm::function_ref<bool(const FunctionDecl &)> HelperReturnsFuture) {
  const Stmt *Body = FD.getBody();
  if (!Body || isCoroutine(FD) || FutureMembers.empty())
    return false;
  unsigned Returns = 0;
  bool Other = false;
  // A local the returned value was copied or moved from, and whether some
  // statement assigns it after its initialiser.
  llvm::SmallPtrSet<const VarDecl *, 2> Futures, Assigned;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
        Assign && Assign->isAssignmentOp())
      if (const auto *Var = dyn_cast_or_null<VarDecl>(
              namedDecl(strip(Assign->getLHS(), Wrappers::Syntax))))
        Assigned.insert(Var);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
        Op && Op->isAssignmentOp())
      if (const auto *Var = dyn_cast_or_null<VarDecl>(
              namedDecl(strip(Op->getArg(0), Wrappers::Syntax))))
        Assigned.insert(Var);
    const auto *Return = dyn_cast<ReturnStmt>(&S);
    if (!Return)
      return;
    ++Returns;
    const Expr *Value = strip(Return->getRetValue(), Wrappers::Object);
    if (isFutureValue(Value, FutureMembers, HelperReturnsFuture))
      return;
    const auto *Var = dyn_cast_or_null<VarDecl>(namedDecl(Value));
    if (Var && Var->isLocalVarDecl() && !Var->isStaticLocal() &&
        !Var->getType()->isReferenceType() &&
        isFutureValue(strip(Var->getInit(), Wrappers::Object), FutureMembers,
                      HelperReturnsFuture))
      Futures.insert(Var);
    else
      Other = true;
  });
  if (Other || Returns == 0)
    return false;
  return llvm::none_of(
      Futures, [&](const VarDecl *Var) { return Assigned.contains(Var); });
}

} // namespace clang::tidy::async::model

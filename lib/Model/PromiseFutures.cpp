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

bool returnsPromiseFuture(const FunctionDecl &FD,
                          const NameMatcher &FutureMembers) {
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
    if (isFutureCall(Value, FutureMembers))
      return;
    const auto *Var = dyn_cast_or_null<VarDecl>(namedDecl(Value));
    if (Var && Var->isLocalVarDecl() && !Var->isStaticLocal() &&
        !Var->getType()->isReferenceType() &&
        isFutureCall(strip(Var->getInit(), Wrappers::Object), FutureMembers))
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

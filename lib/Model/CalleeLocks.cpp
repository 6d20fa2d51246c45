//===--- CalleeLocks.cpp - async-lint -------------------------------------===//

#include "CalleeLocks.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "LockOrder.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

namespace {

/// What \p Mutex, as \p Callee names it, is in the function that makes
/// \p Call; null when that function cannot name it.
const ValueDecl *inCaller(const Expr &Locked, const FunctionDecl &Callee,
                          const CallExpr &Call) {
  const ValueDecl *Mutex = namedDecl(&Locked);
  if (!Mutex)
    return nullptr;
  if (const auto *Param = dyn_cast<ParmVarDecl>(Mutex)) {
    // A copy of a mutex would be another mutex; only a reference or a
    // pointer is the caller's.
    if (Param->getDeclContext() != &Callee ||
        !(Param->getType()->isReferenceType() ||
          Param->getType()->isPointerType()))
      return nullptr;
    return namedDecl(argumentFor(Call, Param->getFunctionScopeIndex()));
  }
  if (isa<FieldDecl>(Mutex)) {
    // The callee's own member (not one of another object it reaches) is the
    // caller's only when it is called on the caller's own object.
    const auto *Field = dyn_cast<MemberExpr>(strip(&Locked, Wrappers::Object));
    if (!Field || !isa<CXXThisExpr>(Field->getBase()->IgnoreParenImpCasts()))
      return nullptr;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
    const Expr *Object = Member ? Member->getImplicitObjectArgument() : nullptr;
    return Object && isa<CXXThisExpr>(Object->IgnoreParenImpCasts()) ? Mutex
                                                                     : nullptr;
  }
  const auto *Var = dyn_cast<VarDecl>(Mutex);
  return Var && !Var->hasLocalStorage() ? Var : nullptr;
}

} // namespace

llvm::SmallVector<const ValueDecl *, 2>
calleeLocks(const CoroutineSuspendExpr &Point, const FunctionDecl &Caller,
            const NameMatcher &AsyncMutexes, const NameMatcher *LockFunctions) {
  llvm::SmallVector<const ValueDecl *, 2> Mutexes;
  const auto *Call =
      dyn_cast_or_null<CallExpr>(strip(Point.getOperand(), Wrappers::Implicit));
  const FunctionDecl *Callee = Call ? calledDefinition(*Call) : nullptr;
  if (!isa<CoawaitExpr>(Point) || !Callee ||
      Callee->getCanonicalDecl() == Caller.getCanonicalDecl() ||
      !isa_and_nonnull<CoroutineBodyStmt>(Callee->getBody()))
    return Mutexes;
  forEachOwnStmt(Callee->getBody(), [&](const Stmt &S) {
    const auto *Inner = dyn_cast<CoroutineSuspendExpr>(&S);
    const Expr *Locked =
        Inner ? lockedObject(*Inner, AsyncMutexes, LockFunctions) : nullptr;
    if (const ValueDecl *Named =
            Locked ? inCaller(*Locked, *Callee, *Call) : nullptr)
      if (!llvm::is_contained(Mutexes, Named))
        Mutexes.push_back(Named);
  });
  return Mutexes;
}

} // namespace clang::tidy::async::model

//===--- SpawnHandles.cpp - async-lint ------------------------------------===//

#include "SpawnHandles.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "Expressions.h"
#include "StdCalls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

const CXXRecordDecl *classOf(QualType T) {
  if (T.isNull() || T->isDependentType())
    return nullptr;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD ? RD->getCanonicalDecl() : nullptr;
}

} // namespace

bool isAwaitableResult(QualType T) {
  if (T.isNull() || T->isDependentType() || !classOf(T))
    return false;
  QualType Value = T.getNonReferenceType();
  return isAwaitableType(Value) || isTaskType(Value);
}

AwaitableMember awaitableMember(const CallExpr &Call, const Expr &Object) {
  QualType ObjectType = Object.getType();
  const CXXRecordDecl *Own = classOf(ObjectType);
  const CXXRecordDecl *Returned = classOf(Call.getType());
  if (!Own || !Returned || isTaskType(ObjectType.getNonReferenceType()))
    return AwaitableMember::Other;
  if (Own == Returned)
    return isAwaitableType(ObjectType.getNonReferenceType())
               ? AwaitableMember::Modifier
               : AwaitableMember::Other;
  return isAwaitableResult(Call.getType()) ? AwaitableMember::Handle
                                           : AwaitableMember::Other;
}

bool isSpawnResult(const Expr *E,
                   llvm::function_ref<bool(const CallExpr &)> IsSpawn,
                   unsigned Depth) {
  E = strip(E, Wrappers::Syntax);
  if (!E || Depth == 0)
    return false;
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return isSpawnResult(Temp->getSubExpr(), IsSpawn, Depth);
  const auto *Call = dyn_cast<CallExpr>(E);
  if (Call && Call->getNumArgs() == 1 &&
      isStdFunction(*Call, {"move", "forward"}))
    return isSpawnResult(Call->getArg(0), IsSpawn, Depth);
  if (Call && IsSpawn(*Call))
    return classOf(Call->getType()) != nullptr;
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Call)) {
    const Expr *Object = Member->getImplicitObjectArgument();
    return Object &&
           awaitableMember(*Member, *Object) != AwaitableMember::Other &&
           isSpawnResult(Object, IsSpawn, Depth - 1);
  }
  // A local kept from a spawn: `auto s = spawn(t); std::move(s).fork()`.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->hasLocalStorage() && !Var->getType()->isReferenceType())
      return isSpawnResult(Var->getInit(), IsSpawn, Depth - 1);
  return false;
}

bool standsForObject(const CallExpr &Call, const Expr &Object,
                     const NameMatcher &Spawns) {
  AwaitableMember M = awaitableMember(Call, Object);
  if (M != AwaitableMember::Handle)
    return M == AwaitableMember::Modifier;
  return isSpawnResult(&Object, [&](const CallExpr &C) {
    std::optional<CallInfo> Info = describeCall(C);
    return Info && anyNameMatches(Spawns, *Info);
  });
}

bool keptToJoin(const CallExpr &Spawn, const VarDecl *Holder) {
  return isAwaitableResult(Spawn.getType()) ||
         (Holder && isAwaitableResult(Holder->getType()));
}

} // namespace clang::tidy::async::model

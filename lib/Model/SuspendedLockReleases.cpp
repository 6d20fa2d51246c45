//===--- SuspendedLockReleases.cpp - async-lint ---------------------------===//

#include "SuspendedLockReleases.h"
#include "CoroutineModel.h"
#include "HeldLocks.h"
#include "ResolvedTypes.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p Awaiter's await_suspend releases a lock it keeps in a
/// member: it unlocks the member, or adopts it in a guard (a constructor
/// argument of a tag type named adopt_lock_t) that unlocks it on leaving.
bool awaitSuspendReleasesMember(const CXXRecordDecl &Awaiter) {
  for (const CXXMethodDecl *Method : Awaiter.methods()) {
    const FunctionDecl *Def = nullptr;
    if (!Method->getIdentifier() || Method->getName() != "await_suspend" ||
        !Method->hasBody(Def))
      continue;
    bool Releases = false;
    forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S)) {
        const CXXMethodDecl *Callee = Call->getMethodDecl();
        const Expr *Object = Call->getImplicitObjectArgument();
        Releases |= Callee && Callee->getIdentifier() &&
                    Callee->getName() == "unlock" && Object &&
                    isa<MemberExpr>(Object->IgnoreParenImpCasts());
      }
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
        bool Member = false, Adopts = false;
        for (const Expr *Arg : Construct->arguments()) {
          Member |= isa<MemberExpr>(Arg->IgnoreParenImpCasts());
          const CXXRecordDecl *Tag = recordOf(Arg->getType());
          Adopts |=
              Tag && Tag->getIdentifier() && Tag->getName() == "adopt_lock_t";
        }
        Releases |= Member && Adopts;
      }
    });
    if (Releases)
      return true;
  }
  return false;
}

/// True when the visible definition of \p Callee hands its parameter
/// numbered \p Index to an awaiter whose await_suspend releases it: the
/// shape of a coroutine condition variable's wait(lock, pred)
/// (async_simple's ConditionVariable::wait), which gives the lock up while
/// the caller is suspended and takes it back before the caller resumes.
bool releasesWhileSuspended(const FunctionDecl &Callee, unsigned Index) {
  const FunctionDecl *Def = nullptr;
  if (!Callee.hasBody(Def) || Index >= Def->getNumParams())
    return false;
  const ParmVarDecl *Param = Def->getParamDecl(Index);
  bool Releases = false;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Construct = dyn_cast<CXXConstructExpr>(&S);
    if (Releases || !Construct)
      return;
    bool Given = llvm::any_of(Construct->arguments(), [&](const Expr *Arg) {
      return mutexKey(Arg) == Param;
    });
    const CXXRecordDecl *Awaiter = recordOf(Construct->getType());
    Releases = Given && Awaiter && Awaiter->hasDefinition() &&
               awaitSuspendReleasesMember(*Awaiter->getDefinition());
  });
  return Releases;
}

/// True when \p Param, a parameter of a called function, receives a lock
/// the callee can give up: a non-const lvalue reference.
bool takesLockToRelease(const ParmVarDecl &Param) {
  QualType T = Param.getType();
  return T->isLValueReferenceType() &&
         !T.getNonReferenceType().isConstQualified();
}

/// True when the operation \p Callee returns may give up the lock it is
/// handed as its parameter numbered \p Index while the caller is suspended
/// on it: its visible definition hands the lock to an awaiter that releases
/// it, or hands it on by reference to such a function, a few calls deep;
/// or, unless \p Strict, no definition is visible (the wait of a coroutine
/// condition variable defined in the library's own .cpp), so nothing shows
/// that the lock stays held.
bool mayReleaseWhileSuspended(const FunctionDecl &Callee, unsigned Index,
                              bool Strict, unsigned Depth = 0) {
  const FunctionDecl *Def = nullptr;
  if (releasesWhileSuspended(Callee, Index))
    return true;
  if (Index >= Callee.getNumParams() ||
      !takesLockToRelease(*Callee.getParamDecl(Index)))
    return false;
  if (!Callee.hasBody(Def))
    return !Strict;
  if (Depth >= 3)
    return false;
  const ParmVarDecl *Param = Def->getParamDecl(Index);
  bool Releases = false;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Next = Call ? Call->getDirectCallee() : nullptr;
    if (Releases || !Next || Next == Def)
      return;
    unsigned Shift =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Next) ? 1 : 0;
    for (unsigned I = Shift; I < Call->getNumArgs(); ++I)
      if (mutexKey(Call->getArg(I)) == Param &&
          mayReleaseWhileSuspended(*Next, I - Shift, Strict, Depth + 1))
        Releases = true;
  });
  return Releases;
}

/// The mutexes the lock \p Key stands for: itself, and for a guard the
/// mutex it was constructed on.
llvm::SmallVector<const ValueDecl *, 2> locksOf(const void *Key) {
  llvm::SmallVector<const ValueDecl *, 2> Keys;
  const auto *D = static_cast<const Decl *>(Key);
  const auto *Var = dyn_cast_or_null<ValueDecl>(D);
  if (!Var)
    return Keys;
  Keys.push_back(Var);
  if (const auto *Guard = dyn_cast<VarDecl>(Var))
    if (const CXXConstructExpr *Construct = guardConstruction(*Guard))
      for (const Expr *Arg : Construct->arguments())
        if (const ValueDecl *Mutex = mutexKey(Arg))
          Keys.push_back(Mutex);
  return Keys;
}

} // namespace

bool awaitReleasesLock(const CoroutineSuspendExpr &Point, const void *Key,
                       bool StrictOpaque) {
  llvm::SmallVector<const ValueDecl *, 2> Locks = locksOf(Key);
  bool Releases = false;
  forEachOwnStmt(Point.getOperand(), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (Releases || !Callee)
      return;
    unsigned Shift =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
    for (unsigned I = Shift; I < Call->getNumArgs(); ++I)
      if (llvm::is_contained(Locks, mutexKey(Call->getArg(I))) &&
          mayReleaseWhileSuspended(*Callee, I - Shift, StrictOpaque))
        Releases = true;
  });
  return Releases;
}

} // namespace clang::tidy::async::model

//===--- JoiningTasks.cpp - async-lint ------------------------------------===//

#include "JoiningTasks.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

/// How many member calls deep the walk follows the destructor.
constexpr unsigned MaxDepth = 5;

/// True when \p Field's type points to, or refers to, \p Promise or one of
/// its bases: the task object's link to its coroutine's promise.
bool pointsToPromise(const FieldDecl &Field, const CXXRecordDecl *Promise) {
  QualType T = Field.getType();
  QualType Pointee = T->isPointerType() || T->isReferenceType()
                         ? T->getPointeeType()
                         : QualType();
  const CXXRecordDecl *RD =
      Pointee.isNull() ? nullptr : Pointee->getAsCXXRecordDecl();
  RD = RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
  return RD && Promise &&
         (RD == Promise->getDefinition() || Promise->isDerivedFrom(RD));
}

/// What reads the promise of the task's coroutine in the destructor of
/// \p Task: a call of std::coroutine_handle's promise(), a member of the
/// task object pointing to its promise (`promise->tid`), a local
/// initialised from either, or a call of a member function of the task
/// whose returned value reads it (`operator pthread_t() { return
/// promise->tid; }`).
struct PromiseReads {
  const CXXRecordDecl *Task;
  const CXXRecordDecl *Promise;

  bool reads(const Stmt *E, unsigned Depth) const {
    bool Found = false;
    forEachOwnStmt(
        E, [&](const Stmt &S) { Found = Found || readsHere(S, Depth); });
    return Found;
  }

  bool readsHere(const Stmt &S, unsigned Depth) const {
    if (const auto *Member = dyn_cast<MemberExpr>(&S))
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
        return pointsToPromise(*Field, Promise);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
      const auto *Local = dyn_cast<VarDecl>(Ref->getDecl());
      return Local && Local->isLocalVarDecl() && Local->getInit() &&
             Depth < MaxDepth && reads(Local->getInit(), Depth + 1);
    }
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
    if (!M)
      return false;
    if (canonicalName(*M) == "::std::coroutine_handle::promise")
      return true;
    const FunctionDecl *Def = M->getDefinition();
    if (!Def || M->getParent() != Task || Depth >= MaxDepth)
      return false;
    bool Returns = false;
    forEachOwnStmt(Def->getBody(), [&](const Stmt &Inner) {
      if (const auto *Ret = dyn_cast<ReturnStmt>(&Inner))
        Returns = Returns ||
                  (Ret->getRetValue() && reads(Ret->getRetValue(), Depth + 1));
    });
    return Returns;
  }
};

/// The object a member function is called on by \p Call; null otherwise.
const Expr *objectOf(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return Member->getImplicitObjectArgument();
  return nullptr;
}

struct Walk {
  const NameMatcher &Waits;
  PromiseReads Reads;
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen;

  /// True when \p Call's object or one of its arguments reads the promise.
  bool onPromise(const CallExpr &Call) const {
    const Expr *Object = objectOf(Call);
    if (Object && Reads.reads(Object, 0))
      return true;
    return llvm::any_of(Call.arguments(),
                        [&](const Expr *Arg) { return Reads.reads(Arg, 0); });
  }

  /// The wait \p Body, reached \p ViaPromise (on an object read through
  /// the promise) or not, calls on the promise's state; null when none.
  const CallExpr *waits(const Stmt *Body, bool ViaPromise, unsigned Depth) {
    const CallExpr *Found = nullptr;
    forEachOwnStmt(Body, [&](const Stmt &S) {
      const auto *Call = dyn_cast<CallExpr>(&S);
      if (Found || !Call)
        return;
      std::optional<CallInfo> Info = describeCall(*Call);
      if (Info && anyNameMatches(Waits, *Info)) {
        if (ViaPromise || onPromise(*Call))
          Found = Call;
        return;
      }
      const Expr *Object = objectOf(*Call);
      bool Promise = ViaPromise || (Object && Reads.reads(Object, 0));
      const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
      const FunctionDecl *Def = Method ? Method->getDefinition() : nullptr;
      if (Def && Depth < MaxDepth && Seen.insert(Def).second)
        Found = waits(Def->getBody(), Promise, Depth + 1);
    });
    return Found;
  }
};

} // namespace

const CallExpr *destructorWait(QualType Task, const NameMatcher &Waits) {
  const CXXRecordDecl *RD =
      Task.isNull() ? nullptr : Task->getAsCXXRecordDecl();
  RD = RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
  const CXXDestructorDecl *Dtor = RD ? RD->getDestructor() : nullptr;
  const FunctionDecl *Def = Dtor ? Dtor->getDefinition() : nullptr;
  if (!Def || !Def->getBody())
    return nullptr;
  Walk W{Waits, {RD, promiseTypeOf(Task)}, {}};
  return W.waits(Def->getBody(), /*ViaPromise=*/false, 0);
}

bool destructorWaitsForCoroutine(QualType Task, const NameMatcher &Waits) {
  return destructorWait(Task, Waits) != nullptr;
}

} // namespace clang::tidy::async::model

//===--- JoiningTasks.cpp - async-lint ------------------------------------===//

#include "JoiningTasks.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

/// How many member calls deep the walk follows the destructor.
constexpr unsigned MaxDepth = 5;

/// True when \p E reads the promise of a coroutine handle: it calls
/// std::coroutine_handle's promise().
bool readsPromise(const Expr *E) {
  bool Found = false;
  forEachOwnStmt(E, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
    Found |= M && canonicalName(*M) == "::std::coroutine_handle::promise";
  });
  return Found;
}

/// The object a member function is called on by \p Call; null otherwise.
const Expr *objectOf(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return Member->getImplicitObjectArgument();
  return nullptr;
}

struct Walk {
  const NameMatcher &Waits;
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen;

  /// True when \p Body, reached \p ViaPromise (on an object read through
  /// the promise) or not, calls a wait on the promise's state.
  bool waits(const Stmt *Body, bool ViaPromise, unsigned Depth) {
    bool Found = false;
    forEachOwnStmt(Body, [&](const Stmt &S) {
      const auto *Call = dyn_cast<CallExpr>(&S);
      if (Found || !Call)
        return;
      const Expr *Object = objectOf(*Call);
      bool Promise = ViaPromise || (Object && readsPromise(Object));
      std::optional<CallInfo> Info = describeCall(*Call);
      if (Info && anyNameMatches(Waits, *Info)) {
        Found = Promise;
        return;
      }
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

bool destructorWaitsForCoroutine(QualType Task, const NameMatcher &Waits) {
  const CXXRecordDecl *RD =
      Task.isNull() ? nullptr : Task->getAsCXXRecordDecl();
  RD = RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
  const CXXDestructorDecl *Dtor = RD ? RD->getDestructor() : nullptr;
  const FunctionDecl *Def = Dtor ? Dtor->getDefinition() : nullptr;
  if (!Def || !Def->getBody())
    return false;
  Walk W{Waits, {}};
  return W.waits(Def->getBody(), /*ViaPromise=*/false, 0);
}

} // namespace clang::tidy::async::model

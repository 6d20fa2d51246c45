//===--- SelfReferences.h - async-lint --------------------------*- C++ -*-===//
//
// What a member coroutine holds of its own object ('*this') while it runs: a
// strong reference (a shared_ptr to its class, a shared_from_this() copy, a
// locked weak reference) keeps the object alive from where it is taken until
// it is destroyed; a weak reference says that the author expects the object
// to die while the coroutine is suspended, so '*this' may only be reached
// after a suspension once the weak reference has been checked (locked, or
// tested for expiry) since.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SELFREFERENCES_H
#define ASYNC_LINT_MODEL_SELFREFERENCES_H

#include "LocalFlow.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class CFG;
class SourceManager;
} // namespace clang

namespace clang::tidy::async::model {

class NameMatcher;

/// A strong or weak reference to the object of a member coroutine that the
/// coroutine holds: a parameter or a local whose type is std::shared_ptr or
/// std::weak_ptr of the coroutine's class (or of a base or a derived class).
struct SelfReference {
  const VarDecl *Var = nullptr;
  bool Weak = false;
};

/// True when \p T (a reference to one included) is a std::shared_ptr (\p Weak
/// false) or std::weak_ptr (\p Weak true) of \p Class, of a base of it, or of
/// a class derived from it.
bool isSelfPointerType(QualType T, const CXXRecordDecl &Class, bool Weak);

/// The strong and weak references to its own object that the member
/// coroutine \p Coro holds, in declaration order: its parameters, then the
/// locals of its body \p Body.
llvm::SmallVector<SelfReference, 2> selfReferences(const CXXMethodDecl &Coro,
                                                   const Stmt &Body);

/// The weak reference that \p S checks, when \p S is a call of its lock()
/// or expired() member; null otherwise.
const VarDecl *checkedWeakReference(const Stmt &S);

/// What keeps '*this' alive along a path, for firstUnguardedUse.
struct SelfGuards {
  /// The object is known alive at \p S until the next suspension point (a
  /// weak reference checked there).
  llvm::function_ref<bool(const Stmt &)> Checks;
  /// \p V, declared at this point, holds the object until it is destroyed
  /// (a strong reference).
  llvm::function_ref<bool(const VarDecl &)> Holds;
};

/// The first statement, in source order, satisfying \p IsUse that may run
/// after a suspension point that can suspend (on \p Graph, the function's
/// shared CFG) with no strong reference held across that point and no
/// check since it, with that point. Empty when there is none.
LateUse firstUnguardedUse(const CFG &Graph,
                          llvm::function_ref<bool(const Stmt &)> IsUse,
                          const SelfGuards &Guards,
                          const NameMatcher *NonSuspending,
                          const SourceManager &SM);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SELFREFERENCES_H

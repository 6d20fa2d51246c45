//===--- PerThreadGuards.h - async-lint -------------------------*- C++ -*-===//
//
// Guards that record per-thread state: objects whose constructor captures
// state of the thread that makes them (the count of uncaught exceptions, a
// thread id, a thread_local's address) into a field that their destructor
// uses, and which of a coroutine's locals are such guards alive where it
// suspends. Read from the visible definitions of the constructor and the
// destructor.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_PERTHREADGUARDS_H
#define ASYNC_LINT_MODEL_PERTHREADGUARDS_H

#include "ThreadBoundState.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <vector>

namespace clang::tidy::async::model {

class SuspensionFlow;

/// What a guard's constructor captures and its destructor uses.
struct GuardCapture {
  const FieldDecl *Field = nullptr;
  const Expr *Capture = nullptr;
  const Stmt *DestructorUse = nullptr;
};

/// A guard alive at a suspension point (on some path).
struct GuardAtSuspension {
  const VarDecl *Var;
  GuardCapture Capture;
  const CoroutineSuspendExpr *Suspension;
};

/// Guards of per-thread state; remembers what constructors capture for a
/// translation unit.
class PerThreadGuards {
public:
  /// \p ThreadIdFunctions identify the calling thread; \p PerThreadValues
  /// return a per-thread value a guard may record.
  PerThreadGuards(ThreadBoundState &Bound, const NameMatcher &ThreadIdFunctions,
                  const NameMatcher &PerThreadValues)
      : Bound(Bound), ThreadIdFunctions(ThreadIdFunctions),
        PerThreadValues(PerThreadValues) {}

  /// What the object \p Var is initialised by captures; nullopt when it
  /// captures nothing its destructor uses. Memoised per constructor.
  std::optional<GuardCapture> guardOf(const VarDecl &Var);
  /// The guards among the locals of \p Body alive at the suspension points
  /// of \p Flow (the CFG of that body), in the order \p Flow finds them.
  /// \p Flow is not asked when \p Body has no guard.
  std::vector<GuardAtSuspension>
  atSuspensions(const Stmt &Body,
                llvm::function_ref<const SuspensionFlow &()> Flow,
                const OwnStmts *Own = nullptr);
  /// Forgets what was found (a new translation unit).
  void clear() { Captures.clear(); }

private:
  /// The per-thread state \p Init captures into a field; null otherwise.
  const Expr *perThreadCapture(const Expr *Init, QualType FieldType);
  /// What the constructor \p Ctor captures that the destructor uses.
  std::optional<GuardCapture> captureOf(const CXXConstructorDecl &Ctor);

  ThreadBoundState &Bound;
  const NameMatcher &ThreadIdFunctions;
  const NameMatcher &PerThreadValues;
  llvm::DenseMap<const CXXConstructorDecl *, std::optional<GuardCapture>>
      Captures;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_PERTHREADGUARDS_H

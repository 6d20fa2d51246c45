//===--- CaptureUses.h - async-lint -----------------------------*- C++ -*-===//
//
// Where a coroutine lambda uses its captures (or 'this') after it may have
// suspended, and which lambdas are such coroutines: the question behind
// every closure or captured local that dies while the lambda's task runs.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CAPTUREUSES_H
#define ASYNC_LINT_MODEL_CAPTUREUSES_H

#include "LibraryAnalyses.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::model {

/// The call operator of a coroutine lambda with captures (its definition),
/// or null.
const CXXMethodDecl *capturingCoroutine(const CXXRecordDecl *Closure);

/// True when the coroutine lambda \p Op copies its closure into its frame:
/// an explicit object parameter taken by value (C++23 'this auto self').
bool copiesClosure(const CXXMethodDecl &Op);

/// First late uses of captures and parameters, memoised for a unit.
class CaptureUses {
public:
  /// The first use in the coroutine lambda \p Op of a capture that may run
  /// after the coroutine has suspended (its suspension flow); with
  /// \p FromStart (a lazy task, suspended before its body runs), the first
  /// use at all. \p Var selects the capture: a captured variable, the
  /// closure type for 'this', null for any. Null when there is none.
  const Stmt *firstCaptureUse(const CXXMethodDecl &Op, const Decl *Var,
                              bool FromStart, const LibraryAnalyses &A);
  /// The first use of \p Param of the coroutine \p Coro that may run after
  /// it has suspended; null when there is none.
  const Stmt *lateParameterUse(const FunctionDecl &Coro,
                               const ParmVarDecl *Param,
                               const LibraryAnalyses &A);
  void clear();

private:
  /// After a suspension [0] and from the start [1].
  llvm::DenseMap<std::pair<const Decl *, const Decl *>, const Stmt *>
      FirstUses[2];
  llvm::DenseMap<const ParmVarDecl *, const Stmt *> ParamLateUses;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CAPTUREUSES_H

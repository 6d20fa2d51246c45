//===--- RunLoops.h - async-lint --------------------------------*- C++ -*-===//
//
// An executor's run loop: a function that resumes coroutine handles (itself,
// or through a member function whose body does) on a loop that also waits
// for work, a poll() or a sleep until the next timer. That wait is the
// loop's idle wait, taken between the tasks it runs. Re-entered from one of
// its own tasks (a runner's 'await' that runs the loop until a task is
// done), the loop goes on running the executor's other tasks: a nested
// loop, not a block of the executor's thread.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_RUNLOOPS_H
#define ASYNC_LINT_MODEL_RUNLOOPS_H

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

class RunLoops {
public:
  /// True when \p Wait, a call in \p FD's body, is on a loop of \p FD
  /// (a loop statement, or a label and a later goto back to it) that also
  /// resumes coroutine handles.
  bool isIdleWait(const FunctionDecl &FD, const Stmt &Wait,
                  const SourceManager &SM);
  void clear() { Loops.clear(); }

private:
  /// The loops of a function that resume coroutines, by their extent.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<SourceRange, 1>> Loops;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_RUNLOOPS_H

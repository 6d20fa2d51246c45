//===--- DroppedExceptions.h - async-lint -----------------------*- C++ -*-===//
//
// What a promise does with the exceptions of its coroutine: the
// unhandled_exception that drops them, and the function that runs a task
// handed to it under such a promise.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DROPPEDEXCEPTIONS_H
#define ASYNC_LINT_MODEL_DROPPEDEXCEPTIONS_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::async::model {

/// The definition of the 'unhandled_exception' member of \p Promise when it
/// drops the exception: it neither rethrows, nor stores it
/// (std::current_exception), nor terminates, nor calls a member function
/// whose body is not visible (which may store it), also through the visible
/// bodies of the functions it calls. Null otherwise.
const CXXMethodDecl *swallowingUnhandledException(const CXXRecordDecl *Promise);

/// How a function runs a task handed to it with the task's exceptions
/// dropped: the coroutine that awaits the task, whose promise drops what it
/// throws, and the call that hands the task on to it.
struct DroppingRun {
  /// The call, in the body of the function asked about or of one it hands
  /// the task on to, that hands the task to the runner; null when the
  /// function asked about is the runner itself.
  const CallExpr *HandedAt = nullptr;
  /// The coroutine that awaits the task.
  const FunctionDecl *Runner = nullptr;
  /// Its promise's 'unhandled_exception', which drops the exception.
  const CXXMethodDecl *Swallow = nullptr;
};

/// How \p Fn runs the task its parameter \p Param receives, with the task's
/// exceptions dropped: \p Fn itself, when it is a coroutine of a type that
/// \p Unawaited accepts (nothing awaits it), whose promise swallows the
/// exception (swallowingUnhandledException), and which awaits \p Param
/// outside the try block of a catch-all handler; else the one call of its
/// visible body that hands \p Param on (moved or copied) to a parameter of a
/// function that runs it so, through at most \p Depth functions between
/// \p Fn and the runner. Empty otherwise.
std::optional<DroppingRun>
droppingRun(const FunctionDecl &Fn, const ParmVarDecl &Param,
            llvm::function_ref<bool(QualType)> Unawaited, unsigned Depth = 1);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DROPPEDEXCEPTIONS_H

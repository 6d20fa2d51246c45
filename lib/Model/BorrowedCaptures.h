//===--- BorrowedCaptures.h - async-lint ------------------------*- C++ -*-===//
//
// Which eager coroutines a lambda (not a coroutine itself) starts and leaves
// running with a reference parameter bound to one of the lambda's copied
// captures: when whoever holds the lambda destroys it after the call, the
// coroutine's later uses of that parameter read a dead capture.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_BORROWEDCAPTURES_H
#define ASYNC_LINT_MODEL_BORROWEDCAPTURES_H

#include "CaptureUses.h"
#include "LibraryAnalyses.h"
#include "TaskFlow.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

/// A reference parameter of an eager coroutine bound to a copied capture.
struct BorrowedCapture {
  /// The argument naming the capture.
  const Expr *Arg;
  const ParmVarDecl *Param;
  const FunctionDecl *Coro;
  const VarDecl *Capture;
  /// The first use of Param that may run after the coroutine suspended.
  const Stmt *Use;
};

/// The captures of \p Lambda that \p S, a statement of its body, borrows:
/// \p S calls an eager coroutine whose task is dropped or handed back (its
/// fate in \p Flow, the lambda body's task flow, asked only for such a
/// call), binding a reference parameter to a capture the lambda copies, and
/// the coroutine uses that parameter after it may have suspended (\p Uses).
llvm::SmallVector<BorrowedCapture, 1>
borrowedCaptures(const Stmt &S, const LambdaExpr &Lambda,
                 llvm::function_ref<const TaskFlow &()> Flow, CaptureUses &Uses,
                 const LibraryAnalyses &A);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_BORROWEDCAPTURES_H

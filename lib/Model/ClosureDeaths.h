//===--- ClosureDeaths.h - async-lint ---------------------------*- C++ -*-===//
//
// Whether what a coroutine lambda's task uses dies before the task is done
// with it: the closure (a temporary, or a local of the caller, whose call
// operator the task runs), or a local the lambda captures by reference.
// Evidence: the caller's task flow (where the task goes, where the referent
// dies), the function's own waits, and the lambda's late capture uses.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CLOSUREDEATHS_H
#define ASYNC_LINT_MODEL_CLOSUREDEATHS_H

#include "CaptureUses.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::async::model {

/// Whether the calling function waits out a task (of the fate given)
/// before the local given dies.
using WaitsOutTask =
    llvm::function_ref<bool(const TaskFate &, const VarDecl &)>;

/// What dies before a coroutine lambda's task is done with it.
struct LambdaDeath {
  /// The closure, or (a Local) the captured variable.
  Referent R;
  TaskFate Fate;
  SourceLocation Dies;
  /// The lambda's first use of the capture that may come too late.
  const Stmt *Use = nullptr;
  /// Set when Use is that of a coroutine the lambda lends the local to,
  /// through this parameter (a start the spawn runs inline).
  const ParmVarDecl *LentAs = nullptr;
  const FunctionDecl *LentTo = nullptr;
};

/// The closure of the coroutine lambda \p Op that \p Call calls (a
/// temporary, or a local of the caller, not a parameter; a closure the
/// lambda copies into its frame is safe) dies before the task, whose fate
/// \p Flow gives, is done, the caller does not wait the task out first,
/// and the lambda uses a capture after it may have suspended (a lazy one:
/// at all); std::nullopt otherwise.
std::optional<LambdaDeath>
closureDeath(const CallExpr &Call, const CXXMethodDecl &Op,
             const TaskFlow &Flow, WaitsOutTask WaitedOut, CaptureUses &Uses,
             const LibraryAnalyses &A);

/// The local \p Capture of the coroutine lambda \p Op captures by
/// reference dies before the task created at \p Origin (of fate \p F and
/// laziness \p L; from its start with \p FromStart) is done, is not waited
/// out, and is used late; std::nullopt otherwise. With \p StartsInline (a
/// start the spawn runs at once), a use before the first suspension counts
/// when it lends the local to a coroutine that uses it late
/// (model::lentToCoroutine).
std::optional<LambdaDeath>
capturedLocalDeath(const LambdaCapture &Capture, const CXXMethodDecl &Op,
                   const Expr &Origin, const TaskFate &F, Laziness L,
                   bool FromStart, const TaskFlow &Flow, WaitsOutTask WaitedOut,
                   CaptureUses &Uses, const LibraryAnalyses &A,
                   bool StartsInline = false);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CLOSUREDEATHS_H

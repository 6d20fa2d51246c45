//===--- EarlyRunners.h - async-lint ----------------------------*- C++ -*-===//
//
// A thread started to run a local context before the context had any work.
// asio's io_context::run() returns as soon as the context has no work left
// (what a work guard is for): a thread that calls it on a context with
// nothing to do may end at once, and then the work handed over after it
// started is run by nobody. Found only when the function shows all of it:
// the context's mentions are the thread's lambda (whose body runs it once,
// outside any loop, and mentions it nowhere else), hand-offs made after the
// thread is started, and members of the context that neither run it nor
// make an executor of it (stop). Any other mention (a work guard, an I/O
// object, an executor kept in a variable, a call given the context) may keep
// it busy: nothing is found.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EARLYRUNNERS_H
#define ASYNC_LINT_MODEL_EARLYRUNNERS_H

#include "ContextUses.h"
#include "clang/AST/ExprCXX.h"
#include <optional>

namespace clang::tidy::async::model {

/// What tells an early runner, besides ContextKnowledge.
struct RunnerKnowledge {
  /// Runs that return as soon as the context has no work (asio's run and
  /// poll): a thread started with one before any work is handed over may
  /// be gone when the work comes.
  NameMatcher OutOfWorkRuns;
  /// Types whose construction calls the function object it is given on a
  /// new thread at once (std::thread, std::jthread).
  NameMatcher ThreadTypes;
};

/// The presets of RunnerKnowledge for \p Libraries (contextPresetLibraries
/// names), each as one ';'-separated value.
std::string outOfWorkRunsPreset(llvm::ArrayRef<std::string> Libraries);
std::string threadTypesPreset();

/// A thread that runs a context started before the context had work.
struct EarlyRunner {
  /// The construction of the thread (std::thread T([&] { Ctx.run(); })).
  const Expr *Thread = nullptr;
  /// The run in the thread's lambda.
  const CXXMemberCallExpr *Run = nullptr;
  /// The first hand-off, made after the thread is started.
  const Expr *HandOff = nullptr;
};

/// The early runner of the local context \p U of \p Body, when the function
/// shows that nothing but the work handed to it keeps it running.
/// \p Own: the function's own statements, when the caller has them.
std::optional<EarlyRunner> earlyRunner(const Stmt &Body, const ContextUses &U,
                                       const ContextKnowledge &K,
                                       const RunnerKnowledge &R,
                                       const OwnStmts *Own = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EARLYRUNNERS_H

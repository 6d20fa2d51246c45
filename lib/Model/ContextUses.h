//===--- ContextUses.h - async-lint -----------------------------*- C++ -*-===//
//
// What a function does with the execution contexts it owns: the locals of a
// type that runs the work handed to it only when someone runs it (asio's
// io_context, stdexec's run_loop, concurrencpp's manual_executor, cppcoro's
// io_service). For each: the calls that hand it work (co_spawn(ctx, ...),
// post(ctx.get_executor(), ...), a timer built on it starting a wait), the
// calls that run it (run, poll, loop_once, process_events), and the first
// mention that hands the context itself on to code that may run it (passed
// to a function, captured, its address taken, bound to a reference).
//
// Library knowledge is data (ContextKnowledge), with presets per library.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONTEXTUSES_H
#define ASYNC_LINT_MODEL_CONTEXTUSES_H

#include "CoroutineModel.h"
#include "NameMatcher.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace clang::tidy::async::model {

/// Which types are contexts that must be run and what is done with them.
struct ContextKnowledge {
  /// Context types whose work runs only when the owner runs them.
  NameMatcher ContextTypes;
  /// Calls that hand work to the context given as an argument or object, or
  /// to the context an executor or I/O object of the call stands for.
  NameMatcher HandOffFunctions;
  /// Members that run the context's work (run, poll, loop_once, ...).
  NameMatcher RunFunctions;
  /// Calls that make, from a context, an executor or scheduler of it
  /// (get_executor, get_scheduler, make_strand): not a way to run it.
  NameMatcher ExecutorAccessors;
  /// I/O object types built on a context (timers, sockets): building one
  /// does not run the context; the operations it starts are work for it.
  NameMatcher IoObjectTypes;
  /// Calls that make a new context and return the only owning pointer the
  /// program gets to it (concurrencpp's runtime::make_manual_executor,
  /// std::make_shared): a local initialised by one is the context's owner.
  NameMatcher ContextMakers;
};

/// The lists of ContextKnowledge, in the order of its fields.
enum class ContextList : unsigned {
  ContextTypes,
  HandOffFunctions,
  RunFunctions,
  ExecutorAccessors,
  IoObjectTypes,
  ContextMakers,
};
inline constexpr unsigned NumContextLists = 6;

/// The libraries that have a preset: asio, boost::asio, libcoro,
/// concurrencpp, cppcoro, async_simple, stdexec.
llvm::ArrayRef<llvm::StringLiteral> contextPresetLibraries();

/// The entries of \p List for the libraries \p Libraries (names from
/// contextPresetLibraries), as one ';'-separated value.
std::string contextPreset(ContextList List,
                          llvm::ArrayRef<std::string> Libraries);

/// The asio entries of \p List, each as "asio::<name>": one pattern that
/// matches both asio and boost::asio (the lists other models share).
std::string asioNames(ContextList List);

/// What one function does with one local context.
struct ContextUses {
  const VarDecl *Context = nullptr;
  /// Context is a smart pointer made by a ContextMakers call: the context
  /// is reached through it, and it is the function's only handle on it.
  bool ThroughPointer = false;
  /// The calls that hand it work, in source order.
  llvm::SmallVector<const Expr *, 2> HandOffs;
  /// The calls that run it.
  llvm::SmallPtrSet<const Stmt *, 2> Runs;
  /// The first mention that hands it on to other code; null when none.
  const Stmt *Escape = nullptr;
};

/// The local contexts of \p Body (a function's own statements, not those of
/// its lambdas) and their uses.
/// \p Own: the function's own statements, when the caller has them.
std::vector<ContextUses> contextUsesOf(const Stmt &Body,
                                       const ContextKnowledge &K,
                                       const OwnStmts *Own = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONTEXTUSES_H

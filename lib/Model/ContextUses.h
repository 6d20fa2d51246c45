//===--- ContextUses.h - async-lint -----------------------------*- C++ -*-===//
//
// What a function does with the execution contexts it owns: the locals of a
// type that runs the work handed to it only when someone runs it (asio's
// io_context, stdexec's run_loop, concurrencpp's manual_executor, cppcoro's
// io_service). For each: the calls that hand it work (co_spawn(ctx, ...),
// post(ctx.get_executor(), ...), a timer built on it starting a wait), the
// calls that run it (run, poll, loop_once, process_events), and the first
// mention that hands the context itself on to code that may run it (passed
// to a function, captured, its address taken, bound to a reference). The
// same for the contexts a function is given by reference, to summarise what
// it does with them for other units, and, by those units' summaries, for a
// call that leaves a context unrun in another unit.
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
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace clang::tidy::async::model {

struct SummaryStep;

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
  /// Makers of a context that needs running only in a mode its options
  /// select (libcoro's scheduler::make_unique): a local initialised by one
  /// is the context's owner when the options written at the call select
  /// that mode (ManualModes).
  NameMatcher ModeMakers;
  /// The enumerators that select that mode (thread_strategy_t::manual,
  /// execution_strategy_t::process_tasks_inline): each option field of an
  /// enumeration with a listed enumerator must hold one (ManualModes.h).
  NameMatcher ManualModes;
  /// Calls that call the function object they are given before they return
  /// (std::invoke): a lambda given to one runs its body there.
  NameMatcher InvokeFunctions;
  /// Members of a context whose awaiting hands the awaiting coroutine to
  /// it (cppcoro's io_service::schedule): work handed over only in the
  /// body of a coroutine lambda a TaskStarters call starts.
  NameMatcher AwaitedHandOffs;
  /// Calls that start the task they are given and wait for it
  /// (cppcoro::sync_wait): they return only once the task ends.
  NameMatcher TaskStarters;
};

/// The lists of ContextKnowledge, in the order of its fields.
enum class ContextList : unsigned {
  ContextTypes,
  HandOffFunctions,
  RunFunctions,
  ExecutorAccessors,
  IoObjectTypes,
  ContextMakers,
  ModeMakers,
  ManualModes,
  InvokeFunctions,
  AwaitedHandOffs,
  TaskStarters,
};
inline constexpr unsigned NumContextLists = 11;

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

/// What one function does with one local context, or with a context it is
/// given by reference.
struct ContextUses {
  const VarDecl *Context = nullptr;
  /// Context is a parameter: its uses are summarised, not reported.
  bool Parameter = false;
  /// Context is a smart pointer made by a ContextMakers call: the context
  /// is reached through it, and it is the function's only handle on it.
  bool ThroughPointer = false;
  /// The calls that hand it work, in source order. A call of a lambda
  /// whose body hands it work (called in place, by name, or through
  /// std::invoke) is one.
  llvm::SmallVector<const Expr *, 2> HandOffs;
  /// For such a call of a lambda: the hand-off in the lambda's body.
  llvm::DenseMap<const Expr *, const Expr *> InLambda;
  /// The hand-offs that start a coroutine awaiting the context and wait for
  /// it: they cannot return until something else runs the context.
  llvm::SmallPtrSet<const Expr *, 1> Blocking;
  /// The calls that run it.
  llvm::SmallPtrSet<const Stmt *, 2> Runs;
  /// The first mention that hands it on to other code; null when none.
  const Stmt *Escape = nullptr;
  /// The calls of functions of other units given the context whose summary
  /// says they neither run it nor hand it on, with the summary's step.
  llvm::SmallVector<std::pair<const CallExpr *, const SummaryStep *>, 1> LeftBy;
};

/// What another unit's summary says a function it defines does with the
/// context it is given as parameter \p Index: null when nothing is known
/// (a call given the context hands it on); else the step of the function's
/// `leaves` record, whose callee is the call handing the context work there
/// ("-" when none).
using LeftContexts =
    llvm::function_ref<const SummaryStep *(const FunctionDecl &, unsigned)>;

/// The local contexts of \p Body (a function's own statements, not those of
/// its lambdas) and their uses, then those of \p Params (parameters that
/// are references to contexts, followed as locals are).
/// \p Own: the function's own statements, when the caller has them.
/// \p Left: what other units' summaries say of their functions (null: a
/// call given a context hands it on).
std::vector<ContextUses>
contextUsesOf(const Stmt &Body, const ContextKnowledge &K,
              const OwnStmts *Own = nullptr,
              llvm::ArrayRef<const ParmVarDecl *> Params = {},
              LeftContexts Left = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONTEXTUSES_H

//===--- TaskFlow.h - async-lint --------------------------------*- C++ -*-===//
//
// Where the tasks a function creates go, and how long what they refer to
// lives. A task created in a full expression is awaited there, dropped,
// returned, spawned, or stored in a variable, a container or a member; a
// stored task's fate is that of the variable's uses. The lifetime checks
// compare the fate of a task with the lifetime of what its coroutine refers
// to: a temporary of the full expression, or a local of the function.
//
// One pass over the function body, top down, with no parent map, records
// how each expression's value is used (TaskFlow.cpp); which uses of a local
// see which stored value, and whether a value may die unconsumed, comes from
// the task-fate analysis on the function's CFG (TaskFateLattice.h, events in
// TaskFlowEvents.cpp), so that loops, jumps and early returns are followed
// as they run. Without a CFG (over the budget) the uses of a local are taken
// in source order.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_TASKFLOW_H
#define ASYNC_LINT_MODEL_TASKFLOW_H

#include "Awaitables.h"
#include "Library.h"
#include "TaskFateLattice.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

/// What becomes of a task value, as far as this function can tell.
struct TaskFate {
  enum class Kind {
    /// Handed to code that is not modelled: no conclusion.
    Unknown,
    /// Thrown away: a lazy task never runs, an eager one runs detached.
    Dropped,
    /// Awaited, or blocked on, within the full expression that created it.
    Awaited,
    /// Kept in a local and awaited later, before the function returns.
    AwaitedLater,
    /// Outlives the function: returned, spawned, stored in a member, a
    /// global or a container that is not local.
    Escapes,
  };
  Kind What = Kind::Unknown;
  /// Where it happens (the co_await, the return, the spawn, the store).
  SourceLocation Where;
  /// For notes: "returned here", "spawned here", ...
  const char *How = "";
  /// The task runs on an executor (spawned, or eager and dropped): a later
  /// run of the executor to completion in this function finishes it.
  bool OnExecutor = false;
  /// Escapes by being returned (the caller decides its fate).
  bool ViaReturn = false;
  /// Kept in a local that, on some path, dies (or is overwritten) before
  /// anything consumed it, here; invalid when no path drops it.
  SourceLocation DroppedWhere;
  /// Escapes by being stored in a member of the function's own object
  /// (this->tasks): the caller's object keeps it.
  bool IntoObject = false;
  /// Handed to a spawn whose awaitable result (or the join handle it
  /// returns) is what the local keeps: the task runs from the spawn on,
  /// whatever its own laziness, so a path that drops the handle leaves it
  /// running detached.
  bool Started = false;
  /// The spawn call, where the task escapes by one in this function (a
  /// spawn of a helper's summary is the helper's).
  const CallExpr *Spawn = nullptr;

  bool droppedOnSomePath() const {
    return What == Kind::Dropped || DroppedWhere.isValid();
  }

  bool outlivesFullExpression() const {
    return What == Kind::AwaitedLater || What == Kind::Escapes;
  }
  /// True when a task of laziness \p L runs on unobserved: spawned, or
  /// eager and dropped.
  bool runsDetached(Laziness L) const {
    return (What == Kind::Escapes && OnExecutor) ||
           (droppedOnSomePath() && (L == Laziness::Eager || Started));
  }
};

/// Where an argument of a call comes from, for lifetime purposes.
struct Referent {
  enum class Kind {
    /// Anything else: a global, a member, what a reference points to.
    Other,
    /// A temporary that dies at the end of the full expression.
    Temporary,
    /// A local variable (or by-value parameter) of the calling function.
    Local,
  };
  Kind What = Kind::Other;
  const VarDecl *Var = nullptr;
};

/// The task flow of one function body.
class TaskFlow {
public:
  /// The CFG of a function (AnalysisSession::cfg); null without one.
  using CFGSource = llvm::function_ref<const CFG *(const FunctionDecl &)>;
  struct Use;
  /// What a helper does with its task parameters, as summarised for a
  /// caller's flow (Builder::handedTo): by parameter index and the caller
  /// flow's SummaryDepth. A summary's Where is invalid where it is the
  /// call's own (an await, a use not modelled).
  using HandedSummaries =
      llvm::SmallDenseMap<std::pair<unsigned, unsigned>, Use, 1>;
  /// Where the summaries of a helper are kept (AnalysisSession's answers,
  /// for the whole unit); null: each flow summarises anew.
  using SummarySource =
      llvm::function_ref<HandedSummaries &(const FunctionDecl &)>;

  /// The flow of \p FD on its CFG, \p Graph (the session's; null when it
  /// has none: a local's uses are then taken in source order). \p Graphs
  /// gives the CFGs of the helpers whose task parameters are summarised,
  /// \p Kept where those summaries are kept (both used while constructing
  /// only). \p SummaryDepth counts the helpers whose flow is being
  /// summarised around this one (Builder::handedTo).
  TaskFlow(const FunctionDecl &FD, const Library &Lib, ASTContext &Ctx,
           const CFG *Graph, CFGSource Graphs, unsigned SummaryDepth = 0,
           SummarySource Kept = nullptr);
  /// The flow of \p FD without a CFG: uses in source order.
  TaskFlow(const FunctionDecl &FD, const Library &Lib, ASTContext &Ctx);

  /// The fate of the value of \p E, an expression of the analysed body
  /// (a call that creates a task, a lambda expression, ...).
  TaskFate fateOf(const Expr *E) const;

  /// Where what \p R refers to dies while the task created by \p Call (of
  /// laziness \p L, with fate \p F) may still use it: the end of the full
  /// expression or of the local's scope. Invalid when it lives long enough.
  SourceLocation diesBeforeTask(const Referent &R, const Expr *Call,
                                const TaskFate &F, Laziness L) const;

  /// The local variable (or container, or local object whose member it is)
  /// that the value of \p E is stored in: `v.push_back(E)`, `t = E`; null
  /// when \p E is not stored in a local.
  const VarDecl *localHolderOf(const Expr *E) const;

  /// What becomes of the value the local \p Var holds, from its uses: its
  /// mentions that only store into it or observe it (`v.size()`) do not
  /// count; with none of the others it is dropped where it goes out of
  /// scope.
  TaskFate fateOfLocal(const VarDecl *Var) const;

  /// What \p Arg, an argument bound to a reference parameter (or the object
  /// of a member call), refers to. With \p Indirect, \p Arg initialises a
  /// pointer or view parameter: what it points into.
  static Referent referentOf(const Expr *Arg, bool Indirect);

  /// How one expression's value is used.
  struct Use {
    enum class Kind : uint8_t {
      /// Consumed by code that is not modelled.
      Other,
      /// A mention that neither consumes nor hands on the value (t.done()).
      Neutral,
      Discarded,
      Awaited,
      Returned,
      Spawned,
      /// The range of a range-based for loop.
      Iterated,
      /// Stored in a local variable or container (Holder).
      StoredLocal,
      /// Stored in a member, a global, or through a reference.
      StoredOther,
    };
    Kind What = Kind::Other;
    bool Detached = false;
    SourceLocation Where;
    const VarDecl *Holder = nullptr;
    const Expr *FullExpr = nullptr;
    /// For StoredLocal: the value stored (the store, or the initialised
    /// variable), and whether it replaces what Holder held.
    TaskValue Store = nullptr;
    bool Replaces = false;
    /// For StoredOther: stored in a member of '*this'.
    bool IntoObject = false;
    /// For StoredLocal: the argument of a spawn whose result is kept
    /// (TaskFate::Started).
    bool Started = false;
    /// For Spawned: the spawn call.
    const CallExpr *Spawn = nullptr;
  };

private:
  class Builder;
  /// The end of the full expression that contains \p E.
  SourceLocation fullExpressionEnd(const Expr *E) const;

  /// Where the local \p Var (or parameter) of the function is destroyed.
  SourceLocation scopeEnd(const VarDecl *Var) const;

  /// True when, after \p After and before \p Before, the function calls
  /// something that runs the executor to completion or blocks until the work
  /// is done (io_context::run, sync_wait), on every path from \p After (a
  /// run that a stop precedes is none: ContextEnds.h).
  bool runsToCompletionBetween(SourceLocation After,
                               SourceLocation Before) const;

  TaskFate resolve(const Expr *E, unsigned Depth) const;
  TaskFate resolveVar(const VarDecl *Var, unsigned Depth) const;
  /// The fate of what the uses \p Mentions of \p Var see; \p DroppedAt:
  /// where it may die unconsumed, if it may.
  TaskFate combine(const VarDecl *Var, llvm::ArrayRef<const Expr *> Mentions,
                   SourceLocation DroppedAt, unsigned Depth) const;
  /// The fate of the value \p Value stored into \p Var.
  TaskFate resolveValue(const VarDecl *Var, TaskValue Value,
                        unsigned Depth) const;

  /// The task-fate analysis on \p Graph (TaskFlowEvents.cpp).
  void solve(const FunctionDecl &FD, const CFG &Graph);
  /// The CFG events of \p Graph's elements (TaskFlowEvents.cpp).
  BlockEvents eventsOf(const CFG &Graph) const;
  /// True when, on some path from where the value stored by \p Call's use
  /// is stored to an await of it, \p Var's lifetime ends; none when the
  /// flow cannot tell (no CFG, or the task is handed on to another local).
  std::optional<bool> diesBeforeAwait(const VarDecl *Var,
                                      const Expr *Call) const;

  ASTContext &Ctx;
  unsigned SummaryDepth;
  llvm::DenseMap<const Expr *, unsigned> UseOf;
  llvm::SmallVector<Use, 0> Uses;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 4>>
      VarMentions;
  llvm::DenseMap<const VarDecl *, SourceLocation> ScopeEnds;
  llvm::SmallVector<const CallExpr *, 2> CompletionPoints;
  /// The analysed body and the library lists (for ContextEnds.h).
  const Stmt *Body = nullptr;
  const Library *Lib = nullptr;
  /// The analysis's results: what became of each value, the values stored
  /// in each local, and the CFG events (for diesBeforeAwait). Empty
  /// without a CFG.
  const CFG *Graph = nullptr;
  ValueOutcomes Outcomes;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<TaskValue, 2>> ValuesOf;
  /// The stores that are expressions (an assignment, a push_back), by the
  /// expression; their use.
  llvm::DenseMap<const Expr *, const Use *> StoresAt;
  BlockEvents Events;
};

/// True for a class made to be owned by std::shared_ptr: it derives from
/// std::enable_shared_from_this.
bool isSharedFromThisClass(const CXXRecordDecl *RD);

/// True for std::shared_ptr (or a reference to one).
bool isSharedPtrType(QualType T);

/// The lambda expression \p E creates, looking through temporaries, casts
/// and copies; null when it is not one.
const LambdaExpr *lambdaOf(const Expr *E);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_TASKFLOW_H

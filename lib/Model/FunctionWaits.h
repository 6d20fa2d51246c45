//===--- FunctionWaits.h - async-lint ---------------------------*- C++ -*-===//
//
// Lifetimes a function waits out. After it starts a task, a function may
// wait for that task before the task's closure and the locals it captured
// die: it blocks on a future, a latch or a counter that the task (or its
// completion callback) signals, spins until such a counter changes, waits
// on (or awaits) an object the task signals after its last use of its
// captures (WaitedOut.h), blocks on another task that cannot finish before this
// one fed it what it awaits, or destroys first a local executor whose
// destructor joins the threads that run the task (locals die in reverse order
// of declaration). What waits is library data (a list of blocking waits, a list
// of joining executors, the wait and signal members of synchronisation
// objects); what links a wait to the task is read from the code.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FUNCTIONWAITS_H
#define ASYNC_LINT_MODEL_FUNCTIONWAITS_H

#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include <functional>
#include <memory>
#include <optional>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

/// The library data the rule reads.
struct WaitKnowledge {
  /// Calls that block until something completes: a future's wait or get,
  /// a latch's wait, a thread's join, a sync wait of a task.
  const NameMatcher *Waits = nullptr;
  /// Executor classes whose destructor waits for the work they run.
  const NameMatcher *JoiningExecutors = nullptr;
  /// Members that wait on (block on, or are awaited on) a synchronisation
  /// object, and members that signal it (WaitedOut.h): a task that signals
  /// a captured local after its last use of its captures, which the
  /// function then waits on, is waited out.
  const NameMatcher *WaitMembers = nullptr;
  const NameMatcher *SignalMembers = nullptr;
};

/// A task that a function started and left running.
struct StartedTask {
  /// The coroutine whose task it is: a coroutine lambda's call operator
  /// (what the task borrows: its captures and its reference and pointer
  /// parameters), or any coroutine (its reference and pointer parameters).
  const FunctionDecl *Coroutine = nullptr;
  /// Where the task was started (spawned, or dropped while it runs).
  SourceLocation StartedAt;
};

/// What makes the function outlast a task.
struct WaitOut {
  enum class Kind {
    None,
    /// A wait (a call, or a spin loop) on every path from the start of the
    /// task to the death of the local, linked to the task.
    Waits,
    /// A joining executor that runs the task and dies before the local.
    Joins,
  };
  Kind What = Kind::None;
  const Stmt *By = nullptr;
  explicit operator bool() const { return What != Kind::None; }
};

/// The CFG of a function as the unit's AnalysisSession holds it (null
/// without one).
using CFGOf = std::function<const CFG *(const FunctionDecl &)>;

/// The waits of one function body, asked about the tasks it starts, on the
/// function's CFG as the unit's AnalysisSession holds it. \p Graphs is
/// asked at each question (the session may free and rebuild a CFG between
/// them), for the function and for the coroutines of its tasks; a null CFG
/// is judged in source order.
class FunctionWaits {
public:
  FunctionWaits(const FunctionDecl &Function, const Stmt &Body, ASTContext &Ctx,
                CFGOf Graphs, WaitKnowledge K);
  ~FunctionWaits();

  /// How the function waits out \p Task before \p Dying (a local or a
  /// parameter of the function that the task uses: its closure or a
  /// captured variable) dies; Kind::None when it does not, or cannot be
  /// shown to. With \p OnlyChecks, only by checks that end the process
  /// unless the task is done (the reading a check that has its own of
  /// signals and joins adds to it).
  WaitOut waitsOut(const StartedTask &Task, const VarDecl &Dying,
                   bool OnlyChecks = false);

private:
  struct Wait {
    const Stmt *At = nullptr;
    /// The locals whose state it waits on.
    llvm::SmallVector<const VarDecl *, 4> Objects;
    /// A check that ends the process unless the locals changed: evidence
    /// only when nothing but the task changes them.
    bool Aborts = false;
  };
  const std::vector<Wait> &waits();
  /// True when control cannot go from \p Spawn to the end of \p Dying's
  /// life (or out of the function) without passing one of \p Linked.
  bool onEveryPath(const Stmt &Spawn, const VarDecl &Dying,
                   llvm::ArrayRef<const Stmt *> Linked);
  /// True when the aborting check \p W fails until every task of
  /// \p Task's coroutine the function starts in one life of \p Counter
  /// has made all its counts of it, the last as its last use: a run that
  /// goes on has them all done with what they borrow.
  bool countsEveryStart(const Wait &W, const VarDecl &Counter,
                        const StartedTask &Task);
  /// True when \p Object is signalled by another task of the function (by
  /// its own code or a callback it is started with), or is the closure of
  /// one, that awaits something \p Task changes: it cannot finish before
  /// \p Task has fed it.
  bool signalledByDependentTask(const StartedTask &Task, const VarDecl *Object);
  /// True when \p W's wait on \p Object is linked to \p Task (started by
  /// \p Spawn, with the callbacks \p Callbacks).
  bool linked(const Wait &W, const VarDecl *Object, const StartedTask &Task,
              const CallExpr &Spawn,
              llvm::ArrayRef<const LambdaExpr *> Callbacks);

  const FunctionDecl &Function;
  const Stmt &Body;
  ASTContext &Ctx;
  WaitKnowledge K;
  std::optional<std::vector<Wait>> Waits;
  CFGOf Graphs;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FUNCTIONWAITS_H

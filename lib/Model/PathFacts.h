//===--- PathFacts.h - async-lint -------------------------------*- C++ -*-===//
//
// Facts the code states about its local handles, along each path of one
// function body, computed once per function on Clang's CFG (with the ends of
// local lifetimes) as a forward must-analysis (a fact holds at a point only
// when it holds on every path there) and kept by the unit's AnalysisSession,
// as Clang's AnalysisDeclContext keeps its analyses:
//   - which results are known to be ready (their value or exception is
//     already made), so that a get() on them cannot block;
//   - which handles (locals of a task or awaitable type) hold no coroutine
//     still to be used: made empty (`task<> t;`), or used since they were
//     given one; where one that does is overwritten or goes out of scope,
//     its coroutine is lost.
//
// A result is ready after:
//   - co_await r.resolve()        (ReadyOnAwait: the awaited call's object,
//                                  and the value the co_await yields)
//   - r.wait()                    (ReadyAfterCall)
//   - a branch or an assertion that tested its status against a state that
//     is not pending: if (r.status() == value), while (r.wait_for(d) ==
//     timeout) {...} after the loop, assert_equal(r.status(), value)
//   - taking it out of the awaited result of an all-ready combinator
//     (co_await when_all(...): std::get<I>, [i], iteration), or the winner
//     of an any-ready combinator (any.results[any.index]).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_PATHFACTS_H
#define ASYNC_LINT_MODEL_PATHFACTS_H

#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <vector>

namespace clang {
class CFG;
class CFGBlock;
} // namespace clang

namespace clang::tidy::async::model {

/// Which operations make a result ready, and which types are handles: plain
/// data, read from check options by the options layer (Library.h).
struct ReadinessKnowledge {
  /// Member functions whose awaited result leaves their object ready.
  NameMatcher ReadyOnAwait;
  /// Member functions that return only once their object is ready.
  NameMatcher ReadyAfterCall;
  /// Member functions that report the state of their object (status,
  /// wait_for); compared with an enumerator in a condition or assertion.
  NameMatcher StatusQueries;
  /// Enumerators of those states that mean "not ready yet".
  NameMatcher PendingStates;
  /// Combinators whose awaited result holds only ready results.
  NameMatcher AllReadyCombinators;
  /// Combinators whose awaited result holds the index of its ready winner.
  NameMatcher AnyReadyCombinators;
  /// Functions that stop the function (throw or abort) when their condition
  /// is false: assert_true(c), assert_equal(a, b).
  NameMatcher Assertions;
  /// Functions with which a test framework records a failed check: a void
  /// one always (QTest::qFail), one returning bool when it returns false
  /// (QTest::qVerify). A path past the record ends a failed test: a handle
  /// dropped there is not lost work.
  NameMatcher TestFailureReports;
  /// Task types not recognised by structure (Library's TaskTypes): their
  /// locals are handles too.
  NameMatcher HandleTypes;
};

/// The variable \p E denotes, looking through parentheses, casts,
/// temporaries, copies and std::move; null when it is not a variable.
const VarDecl *referencedVariable(const Expr *E);

/// A point where a local handle's value is lost without having been used.
struct UnusedValueLoss {
  const VarDecl *Var;
  /// The end of the variable's scope, or the assignment that overwrites it.
  SourceLocation Where;
  bool Overwritten;
  /// The scope ends at a return, co_return, break, continue or goto, not
  /// where the code runs on.
  bool AtJump = false;
};

/// True when a statement of \p Own assigns to \p Var: without one,
/// PathFacts::unusedValueLosses reports no overwrite of it, so a check can
/// tell, without the analysis, that the losses it would skip for a handle
/// used on every path are all there are.
bool isAssignedIn(const VarDecl &Var, const OwnStmts &Own);

/// The facts of one function body.
class PathFacts {
public:
  /// The facts of \p FD on \p Graph, its CFG (buildFunctionCFG), and \p Own,
  /// the own statements of its body; nothing is known without a CFG, or in
  /// a template.
  PathFacts(const FunctionDecl &FD, const CFG *Graph, const OwnStmts &Own,
            const ReadinessKnowledge &K, ASTContext &Ctx);
  ~PathFacts();
  PathFacts(const PathFacts &) = delete;
  PathFacts &operator=(const PathFacts &) = delete;

  /// True when the object \p Object (an expression of the body) denotes is
  /// known to be ready, on every path, when \p At (a statement of the body
  /// that contains \p Object) starts to run.
  bool isReadyAt(const Expr *Object, const Stmt *At) const {
    return factsAt(Object, At) & Ready;
  }

  /// What is known (Fact bits) of the object \p Object denotes when \p At
  /// starts to run, on every path.
  unsigned factsAt(const Expr *Object, const Stmt *At) const;

  /// The variable whose element \p E is: v[i], v.at(i), v.front(),
  /// std::get<I>(v), or the loop variable of a range-for over v. Null
  /// otherwise.
  const VarDecl *containerOf(const Expr *E) const;

  /// For each of \p Vars (local handles: variables of a task or awaitable
  /// type), the points at which, on some path, the coroutine it holds is lost
  /// without having been used: the variable goes out of scope, or is
  /// assigned again. A handle made empty (`task<> t;`, `{}`, or moved from
  /// an empty one) holds nothing to lose; any other mention of it counts as
  /// a use (awaiting, moving, returning, passing, capturing, calling a
  /// member), except calling a const member that does not answer a task
  /// (`bool(t)`, `t.done()`) on a handle of work still to start (not a
  /// result handle, DroppedValues.h), which only observes it.
  std::vector<UnusedValueLoss>
  unusedValueLosses(llvm::ArrayRef<const VarDecl *> Vars) const;

  /// True when some statement uses the handle \p Var (a mention that is
  /// neither the target of an assignment nor an observer).
  bool isRead(const VarDecl *Var) const { return Read.contains(Var); }

  /// Bits of what is known of a value.
  enum Fact : unsigned {
    Ready = 1,
    /// An awaited all-ready combinator's result: every element is ready.
    AllReady = 2,
    /// An awaited any-ready combinator's result: the element at its index
    /// is ready.
    AnyReady = 4,
    /// A handle that holds no coroutine still to be used: empty, or used
    /// since it was given one.
    Settled = 8,
  };
  /// What is known at one point: facts by variable, the winner's index of
  /// any-ready results whose index was tested, and awaited values.
  struct State {
    llvm::SmallDenseMap<const VarDecl *, unsigned, 8> Bits;
    llvm::SmallDenseMap<const VarDecl *, int64_t, 2> Index;
    /// Variables holding the value of a co_await, with what was awaited.
    llvm::SmallDenseMap<const VarDecl *, const Expr *, 2> Awaited;
    bool operator==(const State &O) const {
      return Bits == O.Bits && Index == O.Index && Awaited == O.Awaited;
    }
  };

private:
  class Transfer;
  /// True when \p Callee's name is on \p List (one of K's), asked once per
  /// callee and list: the transfer asks at every pass over a call.
  bool listed(const FunctionDecl *Callee, const NameMatcher &List) const;
  /// Records the loop variables of range-based for loops and the handles.
  void collectLocals(const OwnStmts &Own);
  /// Sorts the mentions of handles: assignment targets, sources of copies
  /// and moves, observers, and the handles read.
  void classifyMentions(const OwnStmts &Own);
  /// Runs the must-analysis to its fixed point, filling In.
  void solve();
  /// What holds on the edge from \p Pred to its successor number \p Succ,
  /// given \p Out at the end of \p Pred: what the branch taken tells.
  static State edgeState(Transfer &T, const CFGBlock &Pred, unsigned Succ,
                         const State &Out);

  const ReadinessKnowledge &K;
  ASTContext &Ctx;
  /// Owned by the session; null when nothing is known.
  const CFG *Graph = nullptr;
  /// The state at the entry of each reached block, by block ID.
  llvm::DenseMap<unsigned, State> In;
  /// Where each statement is: its block and element index.
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Where;
  /// Loop variables of range-based for loops, with their range.
  llvm::DenseMap<const VarDecl *, const Expr *> RangeOf;
  /// Local handles, whose use is followed.
  llvm::DenseSet<const VarDecl *> Handles;
  /// Mentions of a handle that are not uses: assignment targets, and the
  /// handle whose value an assignment or initialisation moves or copies.
  llvm::DenseSet<const DeclRefExpr *> AssignTargets, Sources;
  /// Mentions that only observe a handle of work still to start: the
  /// object of a const member that does not answer a task (bool(t),
  /// t.done()).
  llvm::DenseSet<const DeclRefExpr *> Observers;
  /// Handles that some statement reads.
  llvm::DenseSet<const VarDecl *> Read;
  /// The conditions of loops that drain an any-ready combinator object
  /// (DrainLoops.h), with the object's construction: when the condition is
  /// false, every task it was built over is ready.
  llvm::DenseMap<const Expr *, const CXXConstructExpr *> Drains;
  /// listed's answers.
  mutable llvm::DenseMap<std::pair<const FunctionDecl *, const NameMatcher *>,
                         bool>
      Listed;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_PATHFACTS_H

//===--- AnalysisSession.h - async-lint -------------------------*- C++ -*-===//
//
// One object per translation unit that owns what the model computes about
// each function, so that a function is analysed once per unit whichever
// checks ask (as Clang's AnalysisDeclContextManager owns the CFGs of a
// unit): its CFG, built in one place (buildFunctionCFG), its PathFacts, its
// SuspensionFlow and its TaskFlow. A function whose CFG has more blocks than
// the budget is skipped: no check judges it, and the flow analyses asked
// about it (by a caller, a lambda) answer as for a function without a CFG.
//
// The module's check factories hand one session to the checks of a unit
// (AsyncTidyModule.cpp); it forgets everything when a unit starts and ends.
// docs/architecture.md says which analysis answers which question.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_ANALYSISSESSION_H
#define ASYNC_LINT_MODEL_ANALYSISSESSION_H

#include "Awaitables.h"
#include "CoroutineModel.h"
#include "FunctionEvents.h"
#include "Library.h"
#include "LockOrder.h"
#include "PathFacts.h"
#include "SuspensionFlow.h"
#include "TaskFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"
#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

/// The CFG of \p Function's own body (a coroutine's user body, not the
/// promise frame), as every flow analysis of the model reads it: every
/// expression its own element in evaluation order, the ends of local
/// lifetimes (PathFacts: where a handle goes out of scope) and the implicit
/// destructors of locals (SuspensionFlow: where an RAII guard lets go).
/// Null without a body. The only place in lib/ that builds a CFG.
std::unique_ptr<CFG> buildFunctionCFG(const FunctionDecl &Function,
                                      ASTContext &Ctx);

/// An upper bound on the blocks of the CFG of a function with
/// \p OwnStatements own statements (OwnStmts::all): a function under the
/// budget by this bound is judged without building its CFG to count them.
unsigned cfgBlockBound(size_t OwnStatements);

/// What a session did in one unit (async-lint --stats).
struct SessionStats {
  /// The analyses whose time is measured.
  enum Kind { CFGBuild, PathFactsKind, SuspensionFlowKind, TaskFlowKind };
  static constexpr unsigned NumKinds = 4;
  static llvm::StringRef name(Kind K);

  /// Functions the model was asked about (judged by a check, or asked
  /// about by one) whose CFG is within the budget.
  unsigned FunctionsAnalysed = 0;
  /// Calls of buildFunctionCFG: one per function an analysis asked the CFG
  /// of, or whose budget only its CFG could settle (more than the
  /// functions when one freed was asked about again).
  unsigned CFGsBuilt = 0;
  /// Of those, the builds for a function whose CFG had already been built
  /// in this unit and freed: a later question about it that the session
  /// did not keep an answer to (0 when every function is graphed once).
  unsigned CFGsBuiltAgain = 0;
  /// Functions whose CFG has more blocks than the budget.
  unsigned SkippedByBudget = 0;
  /// The most functions whose analyses were held at once.
  unsigned MostHeld = 0;
  /// How many of each analysis were built, and the seconds they took.
  std::array<unsigned, NumKinds> Built{};
  std::array<double, NumKinds> Seconds{};

  void print(llvm::raw_ostream &OS, llvm::StringRef Unit,
             unsigned MaxCFGBlocks) const;
};

/// The small answers about one function, under one library configuration,
/// that the questions of other functions read (a caller, the coroutines
/// started with it): kept for the whole unit, while the analyses they come
/// from (its CFG, PathFacts, SuspensionFlow, TaskFlow) are freed once it is
/// judged, so that a caller judged much later builds none of them again.
/// Each is filled by the model function that computes it, when first asked
/// or, from the analyses held, when the function's analyses are freed.
struct FunctionAnswers {
  /// For an eager coroutine: the first use of its object (index 0) and of
  /// each parameter (index I + 1) that may run after it has suspended
  /// (lateUsesOf, LateParameterUses.h).
  std::optional<llvm::SmallVector<const Stmt *, 4>> LateUses;
  /// Its lock order edges, callees' locks included (lockOrderEdges).
  std::optional<std::vector<LockOrderEdge>> LockEdges;
  /// What it does with its task parameters, summarised for callers' flows
  /// (TaskFlow::HandedSummaries).
  TaskFlow::HandedSummaries Handed;
};

/// The analyses of the functions of one translation unit.
class SummaryIndexes;

class AnalysisSession {
public:
  /// Past this many CFG blocks a function is skipped, unless configured
  /// (the global option MaxCFGBlocks). The largest function of the tests
  /// and of the Boost coroutine examples has far fewer (docs/performance.md).
  static constexpr unsigned DefaultMaxCFGBlocks = 20000;
  /// How many functions judged after one keep its analyses (judging).
  static constexpr size_t DefaultKeptRetired = 64;

  /// A library configuration: checks configured alike share one, and so
  /// share the analyses that depend on it.
  using LibraryId = unsigned;

  AnalysisSession();
  ~AnalysisSession();
  AnalysisSession(const AnalysisSession &) = delete;
  AnalysisSession &operator=(const AnalysisSession &) = delete;

  /// The budget: functions whose CFG has more blocks are skipped.
  void setMaxCFGBlocks(unsigned Blocks) { MaxCFGBlocks = Blocks; }
  unsigned maxCFGBlocks() const { return MaxCFGBlocks; }
  /// How many functions judged after one keep its analyses.
  void setKeptRetired(size_t Functions) { KeptRetired = Functions; }
  /// Where each unit's statistics are printed when it ends; null for none.
  void setStatsStream(llvm::raw_ostream *OS) { StatsOut = OS; }
  /// The summary directories this session reads through: its own, unless
  /// the process's are shared with it.
  void shareSummaryIndexes(std::shared_ptr<SummaryIndexes> Shared) {
    Indexes = std::move(Shared);
  }
  SummaryIndexes &summaryIndexes() { return *Indexes; }

  /// The id of \p Lib's configuration (the session keeps a copy, so that
  /// the analyses outlive the check that first asked).
  LibraryId addLibrary(const Library &Lib);
  const Library &library(LibraryId Id) const { return *Libraries[Id]; }

  /// Starts a unit: forgets every analysis of the previous one. Every check
  /// calls it when a unit starts, before any of them runs, so calls after
  /// the first change nothing.
  void startUnit();
  /// Ends the unit \p File: prints its statistics (the first call after
  /// startUnit) and frees its analyses.
  void endUnit(llvm::StringRef File);
  /// The unit of \p Ctx is the one being analysed: a new ASTContext (a
  /// front end that did not announce the unit) starts a new unit.
  void enterUnit(ASTContext &Ctx);

  /// A check is about to judge \p FD. Moving on from one function to one
  /// outside it (not a lambda or local class within it), every check has
  /// judged the function left and the functions within it; their analyses
  /// are freed once KeptRetired other functions have been judged after
  /// them, so that a unit's memory does not grow with its functions while
  /// a nearby caller's questions about them find them built; before they
  /// go, the answers they give callers are kept (keepAnswers). A question
  /// later than that with no kept answer builds them again, to the same
  /// result; --stats shows it as a CFG built again.
  void judging(const FunctionDecl &FD);

  /// False when \p FD's CFG has more blocks than the budget: settled by
  /// cfgBlockBound on its own statements where that proves it within, else
  /// by building the CFG once to count them.
  bool withinBudget(const FunctionDecl &FD);
  /// The CFG of \p FD, built the first time it is asked for; null without
  /// a body, past the budget, or when Clang cannot build one.
  const CFG *cfg(const FunctionDecl &FD);

  /// The own statements of \p FD's body (forEachOwnStmt), walked once.
  const OwnStmts &ownStmts(const FunctionDecl &FD);
  /// The events of \p FD's own statements (FunctionEvents), sorted once.
  const FunctionEvents &events(const FunctionDecl &FD);

  /// The canonical names of the unit's declarations, built once each (every
  /// OwnStmts::call, the lock lists).
  CallNames &names() { return Names; }

  /// lazinessOfEveryPromise(\p T), asked once per type in the unit: every
  /// call of a coroutine only declared asks it of the same few task types,
  /// and each answer reads every specialisation of coroutine_traits.
  Laziness lazinessOfEveryPromise(QualType T);

  /// The analyses of \p FD under the library configuration \p Lib.
  const PathFacts &pathFacts(const FunctionDecl &FD, LibraryId Lib);
  const SuspensionFlow &suspensionFlow(const FunctionDecl &FD, LibraryId Lib);
  const TaskFlow &taskFlow(const FunctionDecl &FD, LibraryId Lib);

  /// The answers about \p FD under \p Lib kept for the whole unit.
  FunctionAnswers &answers(const FunctionDecl &FD, LibraryId Lib);
  /// The lock order edges of the coroutine \p FD (model::lockOrderEdges
  /// with its callees' locks, on its SuspensionFlow), kept in its answers.
  const std::vector<LockOrderEdge> &lockOrderEdges(const FunctionDecl &FD,
                                                   LibraryId Lib);

  /// What is known of \p Object when \p At runs in \p FD (PathFacts bits);
  /// in a lambda, a captured variable is judged where the lambda is made.
  unsigned factsAt(const FunctionDecl &FD, const Expr *Object, const Stmt *At,
                   LibraryId Lib);

  /// What the session did since the unit started.
  const SessionStats &stats() const { return Stats; }

private:
  /// What is known of one function.
  struct Function;
  /// The analyses of one function under one library configuration.
  struct Analyses;
  Function &function(const FunctionDecl &FD);
  /// Builds \p F's CFG; with \p SettlesBudget, marks the function over
  /// the budget when the CFG is (and drops it).
  void buildGraph(Function &F, const FunctionDecl &FD, bool SettlesBudget);
  Analyses &analyses(const FunctionDecl &FD, LibraryId Lib);
  /// Before \p FD's analyses are freed: keeps the answers they give.
  void keepAnswers(const FunctionDecl &FD);
  void clear();

  ASTContext *Ctx = nullptr;
  unsigned MaxCFGBlocks = DefaultMaxCFGBlocks;
  llvm::raw_ostream *StatsOut = nullptr;
  std::shared_ptr<SummaryIndexes> Indexes;
  /// Library configurations, by their text (every list's name and value).
  llvm::StringMap<LibraryId> LibraryIds;
  std::vector<std::unique_ptr<Library>> Libraries;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Function>> Functions;
  /// The functions held, by the outermost function they are in.
  llvm::DenseMap<const FunctionDecl *,
                 llvm::SmallVector<const FunctionDecl *, 2>>
      ByOutermost;
  /// The outermost function of the one being judged.
  const FunctionDecl *Current = nullptr;
  /// The outermost functions judged before it, oldest first: their
  /// analyses are freed once more than KeptRetired came after them.
  std::deque<const FunctionDecl *> Retired;
  size_t KeptRetired = DefaultKeptRetired;
  /// Every function analysed in the unit, and whether it was past the
  /// budget, so that one built again is counted once.
  llvm::DenseMap<const FunctionDecl *, bool> Seen;
  /// Every function whose CFG was built in the unit: a second build of one
  /// is counted as built again.
  llvm::DenseSet<const FunctionDecl *> Graphed;
  /// The answers kept about each function, by library configuration
  /// (stable: a model function may ask another's while filling one).
  llvm::DenseMap<const FunctionDecl *,
                 std::vector<std::unique_ptr<FunctionAnswers>>>
      Answers;
  /// The lambda expression of each lambda class, for factsAt.
  llvm::DenseMap<const CXXRecordDecl *, const LambdaExpr *> Lambdas;
  /// The canonical names of the unit's callees, for every OwnStmts::call.
  CallNames Names;
  /// lazinessOfEveryPromise's answers, by canonical type (qualifiers
  /// and all).
  llvm::DenseMap<void *, Laziness> PromiseLaziness;
  SessionStats Stats;
  /// A unit has started and not yet ended: endUnit reports it.
  bool UnitOpen = false;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_ANALYSISSESSION_H

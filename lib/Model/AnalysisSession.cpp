//===--- AnalysisSession.cpp - async-lint ---------------------------------===//

#include "AnalysisSession.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "HandlerEdges.h"
#include "LateParameterUses.h"
#include "LibraryAnalyses.h"
#include "Summaries.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/Support/Format.h"
#include <chrono>
#include <climits>

namespace clang::tidy::async::model {

namespace {

/// True when a statement of \p S holds an expression Clang marked as
/// containing errors (a RecoveryExpr, or what depends on one). The mark is
/// propagated to the enclosing expressions, so a full expression answers
/// for its parts.
bool containsErrors(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    return E->containsErrors();
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (D->isInvalidDecl())
        return true;
  for (const Stmt *Child : S->children())
    if (containsErrors(Child))
      return true;
  return false;
}

} // namespace

std::unique_ptr<CFG> buildFunctionCFG(const FunctionDecl &Function,
                                      ASTContext &Ctx) {
  // Not AnalysisDeclContext::getCFG: it builds the CFG of the declaration's
  // body, which for a coroutine is the whole frame (the promise, the initial
  // and final suspensions, the return object); the analyses are defined on
  // the body the user wrote.
  const Stmt *Body = getUserBody(Function);
  if (!Body || Function.isInvalidDecl())
    return nullptr;
  // No CFG of a body with recovery expressions or invalid declarations, nor
  // of any function once a fatal error (a missing header) stopped Clang
  // checking the rest of the unit: buildCFG may crash on such trees (the
  // fuzzer found two units). Other functions of a unit with ordinary
  // errors are still judged.
  if (Ctx.getDiagnostics().hasFatalErrorOccurred() || containsErrors(Body))
    return nullptr;
  CFG::BuildOptions Options;
  Options.AddInitializers = false;
  Options.AddLifetime = true;
  Options.AddImplicitDtors = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&Function, const_cast<Stmt *>(Body), &Ctx, Options);
  // A handler runs after the suspension points of its try block.
  if (Graph && Function.getBody() && isa<CoroutineBodyStmt>(Function.getBody()))
    addHandlerEdges(*Graph);
  return Graph;
}

unsigned cfgBlockBound(size_t OwnStatements) {
  // CFGBuilder makes at most a few blocks per statement it visits (a loop:
  // its condition, body, increment, join and exit; a case label, a catch,
  // a jump, a conditional or logical operator: one or two), besides the
  // entry and the exit; every statement it visits is an own statement
  // but for a few implicit parts (a range-for's hidden iterator, which adds
  // statements, not blocks; a default argument's rewritten initialiser,
  // rare). Eight per statement is five times the largest
  // ratio measured on the checker tests (docs/performance.md, round 5a).
  constexpr size_t PerStatement = 8, Fixed = 8;
  size_t Bound = OwnStatements * PerStatement + Fixed;
  return Bound > UINT_MAX ? UINT_MAX : static_cast<unsigned>(Bound);
}

llvm::StringRef SessionStats::name(Kind K) {
  switch (K) {
  case CFGBuild:
    return "cfg";
  case PathFactsKind:
    return "path-facts";
  case SuspensionFlowKind:
    return "suspension-flow";
  case TaskFlowKind:
    return "task-flow";
  }
  return "";
}

void SessionStats::print(llvm::raw_ostream &OS, llvm::StringRef Unit,
                         unsigned MaxCFGBlocks) const {
  OS << "async-lint stats: " << Unit << ": " << FunctionsAnalysed
     << " functions analysed, " << CFGsBuilt << " CFGs built, "
     << SkippedByBudget << " skipped by the budget (" << MaxCFGBlocks
     << " CFG blocks), at most " << MostHeld << " held at once, "
     << CFGsBuiltAgain << " built again\n";
  for (unsigned K = 0; K < NumKinds; ++K)
    OS << "async-lint stats: " << Unit << ": " << name(static_cast<Kind>(K))
       << ": " << Built[K] << " built, "
       << llvm::format("%.3f", Seconds[K] * 1000) << " ms\n";
}

namespace {

/// Adds the time from its construction to its destruction to one kind.
class Timed {
public:
  Timed(SessionStats &Stats, SessionStats::Kind K)
      : Stats(Stats), K(K), Begin(std::chrono::steady_clock::now()) {}
  ~Timed() {
    ++Stats.Built[K];
    Stats.Seconds[K] +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Begin)
            .count();
  }

private:
  SessionStats &Stats;
  SessionStats::Kind K;
  std::chrono::steady_clock::time_point Begin;
};

/// The outermost function that \p FD is in (itself when it is in none): a
/// lambda's call operator and a local class's members are in the function
/// that declares them.
const FunctionDecl &outermost(const FunctionDecl &FD) {
  const FunctionDecl *Outer = &FD;
  for (const DeclContext *DC = FD.getParent(); DC; DC = DC->getParent())
    if (const auto *Enclosing = dyn_cast<FunctionDecl>(DC))
      Outer = Enclosing;
  return *Outer;
}

} // namespace

struct AnalysisSession::Analyses {
  std::unique_ptr<PathFacts> Facts;
  std::unique_ptr<SuspensionFlow> Suspensions;
  std::unique_ptr<TaskFlow> Flow;
};

struct AnalysisSession::Function {
  /// The CFG was built (by the first analysis that asked for it, or to
  /// settle the budget).
  bool Built = false;
  bool OverBudget = false;
  std::unique_ptr<CFG> Graph;
  std::unique_ptr<OwnStmts> Own;
  std::unique_ptr<FunctionEvents> Events;
  /// By library configuration.
  std::vector<std::unique_ptr<Analyses>> ByLibrary;
};

AnalysisSession::AnalysisSession()
    : Indexes(std::make_shared<SummaryIndexes>()) {}
AnalysisSession::~AnalysisSession() = default;

AnalysisSession::LibraryId AnalysisSession::addLibrary(const Library &Lib) {
  std::string Key;
  Lib.forEachList([&](StringRef Name, StringRef Value) {
    Key += Name;
    Key += '=';
    Key += Value;
    Key += '\n';
  });
  auto [It, Inserted] = LibraryIds.try_emplace(Key, Libraries.size());
  if (Inserted)
    Libraries.push_back(std::make_unique<Library>(Lib));
  return It->second;
}

void AnalysisSession::clear() {
  Functions.clear();
  ByOutermost.clear();
  Current = nullptr;
  Retired.clear();
  Seen.clear();
  Graphed.clear();
  Answers.clear();
  Lambdas.clear();
  Names.clear();
  PromiseLaziness.clear();
  Stats = SessionStats();
  Ctx = nullptr;
}

void AnalysisSession::startUnit() {
  clear();
  UnitOpen = true;
}

void AnalysisSession::endUnit(llvm::StringRef File) {
  if (UnitOpen && StatsOut)
    Stats.print(*StatsOut, File.empty() ? "<unit>" : File, MaxCFGBlocks);
  UnitOpen = false;
  clear();
}

void AnalysisSession::enterUnit(ASTContext &NewCtx) {
  if (Ctx == &NewCtx)
    return;
  // The analyses of another unit point into its AST.
  if (Ctx)
    clear();
  Ctx = &NewCtx;
}

AnalysisSession::Function &AnalysisSession::function(const FunctionDecl &FD) {
  std::unique_ptr<Function> &Slot = Functions[&FD];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Function>();
  Function &F = *Slot;
  ByOutermost[&outermost(FD)].push_back(&FD);
  Stats.MostHeld =
      std::max(Stats.MostHeld, static_cast<unsigned>(Functions.size()));
  // The budget is settled now, so that every check judges the same
  // functions: by the own statements' bound where it proves the CFG small
  // enough, else by building the CFG and counting its blocks.
  F.Own = std::make_unique<OwnStmts>(getUserBody(FD), &Names);
  if (cfgBlockBound(F.Own->all().size()) > MaxCFGBlocks)
    buildGraph(F, FD, /*SettlesBudget=*/true);
  if (Seen.try_emplace(&FD, F.OverBudget).second)
    ++(F.OverBudget ? Stats.SkippedByBudget : Stats.FunctionsAnalysed);
  return F;
}

void AnalysisSession::buildGraph(Function &F, const FunctionDecl &FD,
                                 bool SettlesBudget) {
  F.Built = true;
  {
    Timed T(Stats, SessionStats::CFGBuild);
    F.Graph = buildFunctionCFG(FD, Ctx ? *Ctx : FD.getASTContext());
  }
  ++Stats.CFGsBuilt;
  if (!Graphed.insert(&FD).second)
    ++Stats.CFGsBuiltAgain;
  // A CFG built later, for an analysis, is kept: its function was judged
  // within the budget, and every check judges the same functions.
  if (!SettlesBudget)
    return;
  F.OverBudget = F.Graph && F.Graph->size() > MaxCFGBlocks;
  if (F.OverBudget)
    F.Graph.reset();
}

void AnalysisSession::judging(const FunctionDecl &FD) {
  const FunctionDecl *Outer = &outermost(FD);
  if (Outer == Current)
    return;
  // Every check has judged the function left, and the functions within it
  // (the matcher visits them inside it). They are kept a while longer: a
  // caller a few functions on asks about its callees (their lock order,
  // what they do with a task handed to them), and freed at once they would
  // be built again.
  if (Current)
    Retired.push_back(Current);
  Current = Outer;
  while (Retired.size() > KeptRetired) {
    const FunctionDecl *Oldest = Retired.front();
    Retired.pop_front();
    // Judged again since it was retired: its analyses are in use.
    if (Oldest == Current || llvm::is_contained(Retired, Oldest))
      continue;
    if (!ByOutermost.count(Oldest))
      continue;
    // Keeping the answers may ask about other functions (held under other
    // outermost ones): the list is copied first.
    llvm::SmallVector<const FunctionDecl *, 2> Held = ByOutermost[Oldest];
    for (const FunctionDecl *FD : Held)
      keepAnswers(*FD);
    for (const FunctionDecl *FD : ByOutermost[Oldest])
      Functions.erase(FD);
    ByOutermost.erase(Oldest);
  }
}

void AnalysisSession::keepAnswers(const FunctionDecl &FD) {
  // What callers ask of a coroutine, under every library configuration of
  // the session (a check may ask under one the function was not analysed
  // with, or its CFG may have been asked for alone). Its CFG is still held,
  // so whatever analysis an answer needs that the checks did not ask for
  // (the suspension flow of a coroutine only the path facts were asked of)
  // is built on it now: asked later, it would build the CFG again.
  auto It = Functions.find(&FD);
  if (It == Functions.end() || !It->second->Graph || !getCoroutineBody(FD))
    return;
  bool Eager = lazinessOfCoroutine(FD) != Laziness::Lazy;
  for (LibraryId Lib = 0; Lib < Libraries.size(); ++Lib) {
    lockOrderEdges(FD, Lib);
    if (Eager)
      (void)lateUsesOf(FD, LibraryAnalyses{*this, Lib, library(Lib)});
  }
}

bool AnalysisSession::withinBudget(const FunctionDecl &FD) {
  return !function(FD).OverBudget;
}

const CFG *AnalysisSession::cfg(const FunctionDecl &FD) {
  Function &F = function(FD);
  if (!F.Built)
    buildGraph(F, FD, /*SettlesBudget=*/false);
  return F.Graph.get();
}

const OwnStmts &AnalysisSession::ownStmts(const FunctionDecl &FD) {
  return *function(FD).Own;
}

const FunctionEvents &AnalysisSession::events(const FunctionDecl &FD) {
  Function &F = function(FD);
  if (!F.Events)
    F.Events = std::make_unique<FunctionEvents>(ownStmts(FD));
  return *F.Events;
}

Laziness AnalysisSession::lazinessOfEveryPromise(QualType T) {
  if (T.isNull())
    return model::lazinessOfEveryPromise(T);
  void *Key = T.getCanonicalType().getAsOpaquePtr();
  auto [It, New] = PromiseLaziness.try_emplace(Key, Laziness::Unknown);
  if (New)
    It->second = model::lazinessOfEveryPromise(T);
  return It->second;
}

AnalysisSession::Analyses &AnalysisSession::analyses(const FunctionDecl &FD,
                                                     LibraryId Lib) {
  Function &F = function(FD);
  if (F.ByLibrary.size() <= Lib)
    F.ByLibrary.resize(Lib + 1);
  if (!F.ByLibrary[Lib])
    F.ByLibrary[Lib] = std::make_unique<Analyses>();
  return *F.ByLibrary[Lib];
}

FunctionAnswers &AnalysisSession::answers(const FunctionDecl &FD,
                                          LibraryId Lib) {
  std::vector<std::unique_ptr<FunctionAnswers>> &ByLibrary = Answers[&FD];
  if (ByLibrary.size() <= Lib)
    ByLibrary.resize(Lib + 1);
  if (!ByLibrary[Lib])
    ByLibrary[Lib] = std::make_unique<FunctionAnswers>();
  return *ByLibrary[Lib];
}

const std::vector<LockOrderEdge> &
AnalysisSession::lockOrderEdges(const FunctionDecl &FD, LibraryId Lib) {
  FunctionAnswers &Kept = answers(FD, Lib);
  if (Kept.LockEdges)
    return *Kept.LockEdges;
  // A coroutine that awaits no lock of its own holds none while it waits
  // (model::lockOrderEdges): its own suspensions tell, without its CFG.
  const NameMatcher &Mutexes = library(Lib).AsyncMutexes;
  const NameMatcher &LockFunctions = library(Lib).AsyncLockFunctions;
  bool Locks = false;
  auto Lock = [&](const CoroutineSuspendExpr &Point) {
    Locks = Locks || awaitedLock(Point, Mutexes, &LockFunctions);
  };
  if (getCoroutineBody(FD) && Functions.count(&FD))
    for (const CoroutineSuspendExpr *Point : events(FD).suspensions())
      Lock(*Point);
  else if (getCoroutineBody(FD))
    forEachSuspensionPoint(getUserBody(FD), Lock);
  std::vector<LockOrderEdge> Edges;
  if (Locks)
    Edges = model::lockOrderEdges(suspensionFlow(FD, Lib), Mutexes, &FD,
                                  &LockFunctions);
  // Building the flow may have added answers: found again.
  FunctionAnswers &Answers = answers(FD, Lib);
  Answers.LockEdges = std::move(Edges);
  return *Answers.LockEdges;
}

const PathFacts &AnalysisSession::pathFacts(const FunctionDecl &FD,
                                            LibraryId Lib) {
  Analyses &A = analyses(FD, Lib);
  if (!A.Facts) {
    Timed T(Stats, SessionStats::PathFactsKind);
    A.Facts = std::make_unique<PathFacts>(FD, cfg(FD), ownStmts(FD),
                                          library(Lib).Readiness,
                                          Ctx ? *Ctx : FD.getASTContext());
  }
  return *A.Facts;
}

const SuspensionFlow &AnalysisSession::suspensionFlow(const FunctionDecl &FD,
                                                      LibraryId Lib) {
  Analyses &A = analyses(FD, Lib);
  if (!A.Suspensions) {
    Timed T(Stats, SessionStats::SuspensionFlowKind);
    A.Suspensions = std::make_unique<SuspensionFlow>(
        cfg(FD), Ctx ? *Ctx : FD.getASTContext(),
        &library(Lib).NonSuspendingAwaitables);
  }
  return *A.Suspensions;
}

const TaskFlow &AnalysisSession::taskFlow(const FunctionDecl &FD,
                                          LibraryId Lib) {
  Analyses &A = analyses(FD, Lib);
  if (!A.Flow) {
    Timed T(Stats, SessionStats::TaskFlowKind);
    // The helpers whose task parameters the flow summarises are read on
    // their CFGs too, from this session, and
    // what they do with them is kept for the unit.
    auto Graphs = [this](const FunctionDecl &Helper) { return cfg(Helper); };
    auto Kept =
        [this, Lib](const FunctionDecl &Helper) -> TaskFlow::HandedSummaries & {
      return answers(Helper, Lib).Handed;
    };
    A.Flow = std::make_unique<TaskFlow>(FD, library(Lib),
                                        Ctx ? *Ctx : FD.getASTContext(),
                                        cfg(FD), Graphs, 0, Kept);
  }
  return *A.Flow;
}

unsigned AnalysisSession::factsAt(const FunctionDecl &FD, const Expr *Object,
                                  const Stmt *At, LibraryId Lib) {
  if (unsigned Known = pathFacts(FD, Lib).factsAt(Object, At))
    return Known;
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(strip(Object, Wrappers::Object));
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  if (!Ref || !Ref->refersToEnclosingVariableOrCapture() || !Method ||
      !Method->getParent()->isLambda())
    return 0;
  const CXXRecordDecl *Class = Method->getParent();
  const auto *Outer = dyn_cast<FunctionDecl>(Class->getDeclContext());
  if (!Outer)
    return 0;
  if (!Lambdas.count(Class)) {
    Lambdas[Class] = nullptr;
    forEachOwnStmt(getUserBody(*Outer), [&](const Stmt &S) {
      if (const auto *Lambda = dyn_cast<LambdaExpr>(&S))
        Lambdas[Lambda->getLambdaClass()] = Lambda;
    });
  }
  const LambdaExpr *Lambda = Lambdas.lookup(Class);
  return Lambda ? pathFacts(*Outer, Lib).factsAt(Ref, Lambda) : 0;
}

} // namespace clang::tidy::async::model

//===--- AnalysisSessionTest.cpp - async-lint -----------------------------===//
//
// The unit's analysis session: one CFG per function whichever analyses and
// checks ask, a new unit forgets the last, the CFG budget; and the module's
// check factories hand the checks of one context one session.
//
//===----------------------------------------------------------------------===//

#include "TestAST.h"
#include "Model/AnalysisSession.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace model = clang::tidy::async::model;

namespace {

using async_lint_test::function;
using async_lint_test::parse;

const char *Code = R"cpp(
#include "task.h"
#include <mutex>
std::mutex m;
demo::task<int> leaf();
demo::task<int> first() {
  std::lock_guard<std::mutex> g(m);
  int v = co_await leaf();
  while (v > 0)
    v -= co_await leaf();
  co_return v;
}
demo::task<int> second() { co_return co_await leaf(); }
)cpp";

TEST(AnalysisSession, BuildsOneCFGPerFunctionWhateverAsks) {
  auto AST = parse(Code);
  const FunctionDecl *First = function(*AST, "first");
  ASSERT_TRUE(First);
  model::AnalysisSession Session;
  Session.startUnit();
  Session.enterUnit(AST->getASTContext());
  // Two checks configured alike share the analyses.
  model::Library A, B;
  model::AnalysisSession::LibraryId IdA = Session.addLibrary(A);
  EXPECT_EQ(IdA, Session.addLibrary(B));
  const model::SuspensionFlow &Flow = Session.suspensionFlow(*First, IdA);
  EXPECT_EQ(Flow.points().size(), 2u);
  EXPECT_EQ(&Flow, &Session.suspensionFlow(*First, Session.addLibrary(B)));
  const model::PathFacts &Facts = Session.pathFacts(*First, IdA);
  EXPECT_EQ(&Facts, &Session.pathFacts(*First, IdA));
  Session.taskFlow(*First, IdA);
  EXPECT_TRUE(Session.withinBudget(*First));
  EXPECT_EQ(Session.stats().CFGsBuilt, 1u);
  EXPECT_EQ(Session.stats().FunctionsAnalysed, 1u);
  using Kind = model::SessionStats::Kind;
  EXPECT_EQ(Session.stats().Built[Kind::CFGBuild], 1u);
  EXPECT_EQ(Session.stats().Built[Kind::SuspensionFlowKind], 1u);
  EXPECT_EQ(Session.stats().Built[Kind::PathFactsKind], 1u);
  EXPECT_EQ(Session.stats().Built[Kind::TaskFlowKind], 1u);

  // Another configuration has its own analyses, on the same CFG.
  model::Library Other([](StringRef Name, StringRef Default) {
    return Name == "NonSuspendingAwaitables" ? std::string("leaf")
                                             : Default.str();
  });
  model::AnalysisSession::LibraryId IdOther = Session.addLibrary(Other);
  EXPECT_NE(IdOther, IdA);
  EXPECT_NE(&Session.suspensionFlow(*First, IdOther), &Flow);
  EXPECT_EQ(Session.stats().CFGsBuilt, 1u);

  // A second function: a second CFG.
  Session.suspensionFlow(*function(*AST, "second"), IdA);
  EXPECT_EQ(Session.stats().CFGsBuilt, 2u);
  EXPECT_EQ(Session.stats().FunctionsAnalysed, 2u);
}

TEST(AnalysisSession, ANewUnitStartsAfresh) {
  auto AST = parse(Code);
  auto Second = parse(Code);
  model::AnalysisSession Session;
  model::AnalysisSession::LibraryId Id = Session.addLibrary(model::Library());
  std::string Printed;
  llvm::raw_string_ostream OS(Printed);
  Session.setStatsStream(&OS);

  Session.startUnit();
  Session.enterUnit(AST->getASTContext());
  Session.pathFacts(*function(*AST, "first"), Id);
  EXPECT_EQ(Session.stats().CFGsBuilt, 1u);
  // Every check ends the unit: its statistics are printed once.
  Session.endUnit("one.cpp");
  Session.endUnit("one.cpp");
  EXPECT_EQ(Session.stats().CFGsBuilt, 0u);
  EXPECT_EQ(Printed.find("async-lint stats: one.cpp: 1 functions analysed, "
                         "1 CFGs built, 0 skipped by the budget"),
            0u);
  EXPECT_EQ(Printed.find("functions analysed", Printed.find('\n')),
            std::string::npos);

  // The same function asked again in a new unit is analysed again.
  Session.startUnit();
  Session.enterUnit(AST->getASTContext());
  Session.pathFacts(*function(*AST, "first"), Id);
  EXPECT_EQ(Session.stats().CFGsBuilt, 1u);
  // A front end that does not announce units: a new ASTContext is one.
  Session.enterUnit(Second->getASTContext());
  EXPECT_EQ(Session.stats().CFGsBuilt, 0u);
  Session.pathFacts(*function(*Second, "first"), Id);
  Session.suspensionFlow(*function(*Second, "first"), Id);
  EXPECT_EQ(Session.stats().CFGsBuilt, 1u);
}

TEST(AnalysisSession, SkipsFunctionsPastTheBudget) {
  auto AST = parse(Code);
  const FunctionDecl *First = function(*AST, "first");
  const FunctionDecl *Second = function(*AST, "second");
  model::AnalysisSession Session;
  model::AnalysisSession::LibraryId Id = Session.addLibrary(model::Library());
  Session.startUnit();
  std::unique_ptr<CFG> Graph =
      model::buildFunctionCFG(*First, AST->getASTContext());
  ASSERT_TRUE(Graph);
  ASSERT_GT(Graph->size(), model::buildFunctionCFG(*Second,
                                                   AST->getASTContext())
                               ->size());
  // Just below the first function's size: it is skipped, the second is not.
  Session.setMaxCFGBlocks(Graph->size() - 1);
  EXPECT_FALSE(Session.withinBudget(*First));
  EXPECT_EQ(Session.cfg(*First), nullptr);
  // Asked about anyway (by a caller): nothing is known of it.
  EXPECT_TRUE(Session.suspensionFlow(*First, Id).points().empty());
  EXPECT_TRUE(Session.withinBudget(*Second));
  EXPECT_EQ(Session.suspensionFlow(*Second, Id).points().size(), 1u);
  EXPECT_EQ(Session.stats().SkippedByBudget, 1u);
  EXPECT_EQ(Session.stats().FunctionsAnalysed, 1u);
  EXPECT_EQ(Session.stats().CFGsBuilt, 2u);
  Session.startUnit();
  Session.setMaxCFGBlocks(Graph->size());
  EXPECT_TRUE(Session.withinBudget(*First));
  EXPECT_EQ(Session.suspensionFlow(*First, Id).points().size(), 2u);
}

TEST(AnalysisSession, SettlesTheBudgetWithoutACFGWhereTheBoundProvesIt) {
  auto AST = parse(Code);
  const FunctionDecl *Second = function(*AST, "second");
  model::AnalysisSession Session;
  Session.startUnit();
  Session.enterUnit(AST->getASTContext());
  EXPECT_TRUE(Session.withinBudget(*Second));
  EXPECT_EQ(Session.stats().FunctionsAnalysed, 1u);
  EXPECT_EQ(Session.stats().CFGsBuilt, 0u);
  // Built once, by the first analysis that asks.
  ASSERT_TRUE(Session.cfg(*Second));
  Session.cfg(*Second);
  EXPECT_EQ(Session.stats().CFGsBuilt, 1u);
  EXPECT_EQ(Session.stats().FunctionsAnalysed, 1u);
}

// cfgBlockBound is above the CFG's blocks for the statements that make the
// most blocks each: loops of every kind, jumps, labels, a switch,
// conditional and logical operators, a statement expression, a try, a
// throw, suspensions, locals with destructors in nested scopes.
TEST(AnalysisSession, TheBlockBoundIsAboveTheCFG) {
  auto AST = parse(R"cpp(
#include "task.h"
#include <mutex>
std::mutex m;
demo::task<int> leaf();
int pick(int);
demo::task<int> dense(int n) {
  int a[3] = {1, 2, 3};
  for (int i = 0; i < n; ++i)
    for (int x : a)
      while (x-- > 0 && (n || i))
        do {
          if (x == 2)
            continue;
          if (x == 3)
            break;
        } while (x > 1 ? n : i);
  switch (n) {
  case 0:
  case 1: { std::lock_guard<std::mutex> g(m); break; }
  case 2: n = co_await leaf(); [[fallthrough]];
  default: n = n ? pick(n) : pick(-n);
  }
again:
  if (n > 10 || n < -10) {
    std::lock_guard<std::mutex> g(m);
    n /= 2;
    goto again;
  }
  try {
    if (n == 5)
      throw n;
  } catch (int e) {
    n = e;
  }
  n += ({ int t = n && a[0]; t; });
  co_return n ? co_await leaf() : n;
}
int tiny(int n) { return n ? 1 : 0; }
void empty() {}
)cpp",
                   "-std=c++20");
  for (const char *Name : {"dense", "tiny", "empty"}) {
    const FunctionDecl *FD = function(*AST, Name);
    ASSERT_TRUE(FD) << Name;
    std::unique_ptr<CFG> Graph =
        model::buildFunctionCFG(*FD, AST->getASTContext());
    ASSERT_TRUE(Graph) << Name;
    model::OwnStmts Own(model::getUserBody(*FD));
    EXPECT_LE(Graph->size(), model::cfgBlockBound(Own.all().size())) << Name;
  }
}

TEST(AnalysisSession, FreesAFunctionOnceItIsJudged) {
  auto AST = parse(std::string(Code) + R"cpp(
demo::task<int> outer() {
  auto inner = []() -> demo::task<int> { co_return co_await leaf(); };
  co_return co_await inner();
}
)cpp");
  const FunctionDecl *First = function(*AST, "first");
  const FunctionDecl *Outer = function(*AST, "outer");
  auto Lambdas = match(lambdaExpr().bind("l"), AST->getASTContext());
  ASSERT_EQ(Lambdas.size(), 1u);
  const FunctionDecl *Inner =
      Lambdas[0].getNodeAs<LambdaExpr>("l")->getCallOperator();
  const FunctionDecl *Second = function(*AST, "second");
  model::AnalysisSession Session;
  // Analyses are kept while one other function is judged after theirs.
  Session.setKeptRetired(1);
  model::AnalysisSession::LibraryId Id = Session.addLibrary(model::Library());
  Session.startUnit();
  Session.enterUnit(AST->getASTContext());
  Session.judging(*Outer);
  const model::SuspensionFlow *OuterFlow = &Session.suspensionFlow(*Outer, Id);
  // The lambda within is judged inside it: nothing is freed.
  Session.judging(*Inner);
  Session.suspensionFlow(*Inner, Id);
  Session.judging(*Outer);
  EXPECT_EQ(OuterFlow, &Session.suspensionFlow(*Outer, Id));
  EXPECT_EQ(Session.stats().CFGsBuilt, 2u);
  EXPECT_EQ(Session.stats().MostHeld, 2u);
  // Moving on to another function keeps both for the next one judged: a
  // caller there asking about them finds them built.
  Session.judging(*First);
  Session.suspensionFlow(*First, Id);
  EXPECT_EQ(Session.stats().MostHeld, 3u);
  EXPECT_EQ(Session.stats().CFGsBuilt, 3u);
  EXPECT_EQ(OuterFlow, &Session.suspensionFlow(*Outer, Id));
  EXPECT_EQ(Session.stats().CFGsBuilt, 3u);
  // One function more frees them.
  Session.judging(*Second);
  Session.suspensionFlow(*Second, Id);
  EXPECT_EQ(Session.stats().CFGsBuilt, 4u);
  EXPECT_EQ(Session.stats().CFGsBuiltAgain, 0u);
  EXPECT_EQ(Session.stats().MostHeld, 3u);
  // Asked about again: built again, to the same answer, and counted once
  // as a function analysed, once as a CFG built again.
  EXPECT_EQ(Session.suspensionFlow(*Outer, Id).points().size(), 1u);
  EXPECT_EQ(Session.stats().CFGsBuilt, 5u);
  EXPECT_EQ(Session.stats().CFGsBuiltAgain, 1u);
  EXPECT_EQ(Session.stats().FunctionsAnalysed, 4u);
}

/// The checks the module's factories make for one context, on one unit.
class Checks {
public:
  Checks(tidy::ClangTidyCheckFactories &Factories, llvm::StringRef Enabled)
      : Context(options(Enabled)) {
    Context.setCurrentFile("input.cpp");
    auto DiagOpts = std::make_unique<DiagnosticOptions>();
    Consumer = std::make_unique<tidy::ClangTidyDiagnosticConsumer>(Context);
    Engine = std::make_unique<DiagnosticsEngine>(
        DiagnosticIDs::create(), *DiagOpts, Consumer.get(), false);
    Context.setDiagnosticsEngine(std::move(DiagOpts), Engine.get());
    Made = Factories.createChecks(&Context);
    for (auto &Check : Made)
      Check->registerMatchers(&Finder);
  }

  /// Runs every check over \p AST, as clang-tidy does.
  void run(ASTUnit &AST) {
    Context.setASTContext(&AST.getASTContext());
    Engine->setSourceManager(&AST.getSourceManager());
    Finder.matchAST(AST.getASTContext());
  }

  std::vector<std::unique_ptr<tidy::ClangTidyCheck>> Made;

private:
  static std::unique_ptr<tidy::ClangTidyOptionsProvider>
  options(llvm::StringRef Enabled) {
    tidy::ClangTidyOptions Options = tidy::ClangTidyOptions::getDefaults();
    Options.Checks = Enabled.str();
    Options.CheckOptions["AnalysisStats"] =
        tidy::ClangTidyOptions::ClangTidyValue("true");
    return std::make_unique<tidy::DefaultOptionsProvider>(
        tidy::ClangTidyGlobalOptions(), Options);
  }

  tidy::ClangTidyContext Context;
  std::unique_ptr<tidy::ClangTidyDiagnosticConsumer> Consumer;
  std::unique_ptr<DiagnosticsEngine> Engine;
  MatchFinder Finder;
};

/// The statistic \p What ("CFGs built") of the only unit in \p Printed.
unsigned statistic(llvm::StringRef Printed, llvm::StringRef What) {
  size_t At = Printed.find(What);
  if (At == llvm::StringRef::npos)
    return ~0u;
  llvm::StringRef Before = Printed.take_front(At).rtrim();
  unsigned Count = ~0u;
  Before.substr(Before.find_last_of(" :") + 1).getAsInteger(10, Count);
  return Count;
}

TEST(AnalysisSession, ChecksOfAUnitShareOne) {
  tidy::ClangTidyCheckFactories Factories;
  for (const auto &Entry : tidy::ClangTidyModuleRegistry::entries())
    if (Entry.getName() == "async-module")
      Entry.instantiate()->addCheckFactories(Factories);
  auto AST = parse(Code);
  // Three checks that ask about the suspensions of the coroutines.
  const char *Three =
      "-*,async-lock-across-suspend,async-busy-loop,async-thread-affinity";
  std::string Stats;
  {
    Checks Run(Factories, Three);
    ASSERT_EQ(Run.Made.size(), 3u);
    testing::internal::CaptureStderr();
    Run.run(*AST);
    Stats = testing::internal::GetCapturedStderr();
  }
  // One session for the three checks: one report for the unit, and first
  // and second (leaf has no body) analysed once each. Only first, which
  // suspends holding its guard, needs the held-at-suspension flow and so a
  // CFG; second is judged on its events alone.
  EXPECT_EQ(llvm::StringRef(Stats).count("CFGs built"), 1u) << Stats;
  EXPECT_EQ(statistic(Stats, "functions analysed"), 2u) << Stats;
  EXPECT_EQ(statistic(Stats, "CFGs built"), 1u) << Stats;
  EXPECT_NE(Stats.find("suspension-flow: 1 built"), std::string::npos)
      << Stats;

  // Each context its own session: two runs side by side do not share.
  Checks A(Factories, Three), B(Factories, Three);
  testing::internal::CaptureStderr();
  A.run(*AST);
  B.run(*AST);
  std::string Both = testing::internal::GetCapturedStderr();
  EXPECT_EQ(llvm::StringRef(Both).count("CFGs built"), 2u) << Both;
  EXPECT_EQ(llvm::StringRef(Both).count("1 CFGs built"), 2u) << Both;

  // The same checks on a second unit: counted afresh.
  auto Second = parse(Code);
  testing::internal::CaptureStderr();
  A.run(*Second);
  std::string Again = testing::internal::GetCapturedStderr();
  EXPECT_EQ(statistic(Again, "CFGs built"), 1u) << Again;
}

} // namespace

namespace {

// The event pass: each list holds exactly what a walk of the own statements
// filtered by kind would, in the walk's order, and nothing of a lambda's
// body (which is not this function's code).
TEST(AnalysisSession, EventListsAreTheOwnStatementsByKind) {
  auto AST = async_lint_test::parse(R"cpp(
#include "task.h"
#include <mutex>
std::mutex m;
demo::task<int> leaf();
int plain(int);
demo::task<int> mixed(int n) {
  std::lock_guard<std::mutex> g(m);
  int a = plain(n), b = 0;
  for (int i = 0; i < n; ++i)
    b += co_await leaf();
  auto f = [&] { return plain(b); };
  while (b > 0)
    b -= f();
  co_return a + b;
}
)cpp");
  const FunctionDecl *Mixed = async_lint_test::function(*AST, "mixed");
  ASSERT_TRUE(Mixed);
  model::AnalysisSession Session;
  Session.startUnit();
  Session.enterUnit(AST->getASTContext());
  const model::FunctionEvents &Events = Session.events(*Mixed);
  EXPECT_EQ(&Events, &Session.events(*Mixed));

  std::vector<const Stmt *> Calls, Loops;
  unsigned Walked = 0;
  Session.ownStmts(*Mixed).forEach(model::getUserBody(*Mixed),
                                   [&](const Stmt &S) {
                                     ++Walked;
                                     if (isa<CallExpr, CXXConstructExpr>(S))
                                       Calls.push_back(&S);
                                     if (isa<ForStmt, WhileStmt>(S))
                                       Loops.push_back(&S);
                                   });
  EXPECT_EQ(Events.statements(), Walked);
  ASSERT_EQ(Events.calls().size(), Calls.size());
  for (unsigned I = 0; I < Calls.size(); ++I)
    EXPECT_EQ(Events.calls()[I], Calls[I]);
  // The lambda's plain(b) is in its own body, not here: plain(n), leaf()
  // and the call of f, with the guard's construction among the rest.
  unsigned PlainCalls = 0;
  for (const Expr *E : Events.calls())
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        PlainCalls += Callee->getName() == "plain";
  EXPECT_EQ(PlainCalls, 1u);
  ASSERT_EQ(Events.loops().size(), 2u);
  EXPECT_EQ(Events.loops()[0], Loops[0]);
  EXPECT_TRUE(isa<ForStmt>(Events.loops()[0]));
  EXPECT_TRUE(isa<WhileStmt>(Events.loops()[1]));
  EXPECT_EQ(Events.suspensions().size(), 1u);
  EXPECT_EQ(Events.lambdas().size(), 1u);
  // g, a, b, the loop's i and f, each with its declaration statement.
  ASSERT_EQ(Events.locals().size(), 5u);
  EXPECT_EQ(Events.locals()[0].first->getName(), "g");
  EXPECT_EQ(Events.locals()[1].second, Events.locals()[2].second);
  EXPECT_EQ(Events.locals()[4].first->getName(), "f");
}

} // namespace

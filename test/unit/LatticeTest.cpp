//===--- LatticeTest.cpp - async-lint -------------------------------------===//
//
// The model's dataflow lattices, each through its public API on small
// parsed snippets: the transfer of each kind of event, and the join where
// two predecessors disagree (PathFacts is a must-analysis: a fact survives
// a join only when both sides know it; SuspensionFlow's held facts, and
// LockOrder on them, are a may-analysis: a fact survives when either side
// holds it). LocalFlow's walk across suspensions is a may-question too;
// FirstArrival answers must-questions over paths (every path arrives, every
// path passes first) and a may-question (some path runs after).
//
//===----------------------------------------------------------------------===//

#include "TestAST.h"
#include "Model/AnalysisSession.h"
#include "Model/FirstArrival.h"
#include "Model/LockOrder.h"
#include "Model/PathFacts.h"
#include "Model/SuspensionFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "gtest/gtest.h"
#include <map>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;
namespace model = clang::tidy::async::model;

namespace {

using async_lint_test::function;
using async_lint_test::parse;

/// The analyses of one parsed unit under the default library lists.
struct Analysed {
  std::unique_ptr<ASTUnit> AST;
  model::Library Lib;
  model::AnalysisSession Session;
  model::AnalysisSession::LibraryId Id;

  explicit Analysed(llvm::StringRef Code) : AST(parse(Code)) {
    Session.startUnit();
    Session.enterUnit(AST->getASTContext());
    Id = Session.addLibrary(Lib);
  }
  const FunctionDecl &fn(llvm::StringRef Name) {
    const FunctionDecl *FD = function(*AST, Name);
    EXPECT_TRUE(FD) << Name.str();
    return *FD;
  }
  unsigned line(const Stmt &S) const {
    return AST->getSourceManager().getPresumedLineNumber(S.getBeginLoc());
  }
};

// PathFacts: each `expect(x.get(), want)` in \p Fn states whether x is
// known ready (1) or not (0) where get() runs; returns how many were
// checked.
unsigned checkReadiness(Analysed &A, llvm::StringRef Fn) {
  const model::PathFacts &Facts = A.Session.pathFacts(A.fn(Fn), A.Id);
  auto Expects = match(
      callExpr(callee(functionDecl(hasName("expect"))),
               hasAncestor(functionDecl(hasName(Fn))),
               hasArgument(0, cxxMemberCallExpr().bind("get")),
               hasArgument(1, integerLiteral().bind("want"))),
      A.AST->getASTContext());
  for (const BoundNodes &N : Expects) {
    const auto *Get = N.getNodeAs<CXXMemberCallExpr>("get");
    bool Want = N.getNodeAs<IntegerLiteral>("want")->getValue() != 0;
    EXPECT_EQ(Facts.isReadyAt(Get->getImplicitObjectArgument(), Get), Want)
        << Fn.str() << ", line " << A.line(*Get);
  }
  return Expects.size();
}

const char *Readiness = R"cpp(
#include "concurrencpp/concurrencpp.h"
#include <tuple>
#include <utility>
#include <vector>
using concurrencpp::result;
using concurrencpp::result_status;
result<int> compute();
void expect(int, int);
void assert_true(bool);
void assert_equal(result_status, result_status);

// The join: ready after it only when ready on every predecessor.
concurrencpp::lazy_result<void> joins(bool b) {
  result<int> both = compute();
  if (b)
    both.wait();
  else
    co_await both.resolve();
  expect(both.get(), 1);
  result<int> one = compute();
  if (b)
    one.wait();
  expect(one.get(), 0);
  result<int> looped = compute();
  while (b)
    looped.wait();
  expect(looped.get(), 0);
  result<int> kept = compute();
  kept.wait();
  if (b)
    kept = compute();
  expect(kept.get(), 0);
}

// The transfer, one event kind at a time.
concurrencpp::lazy_result<void> events(std::vector<result<int>> v) {
  result<int> r = compute();
  expect(r.get(), 0);
  r.wait();                                  // ReadyAfterCall
  expect(r.get(), 1);
  r = compute();                             // a new value knows nothing
  expect(r.get(), 0);
  co_await r.resolve();                      // ReadyOnAwait
  expect(r.get(), 1);
  result<int> s = compute();
  if (s.status() == result_status::value)    // a branch on the status
    expect(s.get(), 1);
  else
    expect(s.get(), 0);
  auto all = co_await concurrencpp::when_all(v); // all-ready elements
  expect(all[1].get(), 1);
  auto any = co_await concurrencpp::when_any(v); // the any-ready winner
  expect(any.results[any.index].get(), 1);
  expect(any.results[0].get(), 0);
}

// The winner's tested index: learnt from a comparison or a switch, kept by
// a join only when both sides learnt the same index.
concurrencpp::lazy_result<void> index(bool b, result<int> x, result<int> y) {
  auto any = co_await concurrencpp::when_any(std::move(x), std::move(y));
  expect(std::get<0>(any.results).get(), 0);
  switch (any.index) {
  case 1:
    expect(std::get<1>(any.results).get(), 1);
    expect(std::get<0>(any.results).get(), 0);
    break;
  default:
    break;
  }
  if (b) {
    if (any.index != 0)
      co_return;
  } else {
    if (any.index != 0)
      co_return;
  }
  expect(std::get<0>(any.results).get(), 1);
}

// Branch conditions: a negation flips the edge; both sides of an && hold
// on its true edge, both sides of an || fail on its false edge.
concurrencpp::lazy_result<void> conditions(bool b) {
  result<int> n = compute();
  if (!(n.status() == result_status::value))
    expect(n.get(), 0);
  else
    expect(n.get(), 1);
  result<int> a = compute();
  if (b && a.status() == result_status::value)
    expect(a.get(), 1);
  result<int> o = compute();
  if (b || o.status() != result_status::value)
    co_return;
  expect(o.get(), 1);
}

// An assertion stops the function when its condition is false: after it,
// the condition holds (a call of another function tells nothing).
concurrencpp::lazy_result<void> asserted() {
  result<int> e = compute();
  assert_equal(e.status(), result_status::value);
  expect(e.get(), 1);
  result<int> t = compute();
  assert_true(t.status() == result_status::value);
  expect(t.get(), 1);
  result<int> n = compute();
  assert_true(!(n.status() == result_status::value));
  expect(n.get(), 0);
  result<int> p = compute();
  assert_equal(p.status(), result_status::idle);
  expect(p.get(), 0);
  co_return;
}

concurrencpp::lazy_result<void> disagree(bool b, result<int> x, result<int> y) {
  auto any = co_await concurrencpp::when_any(std::move(x), std::move(y));
  if (b) {
    if (any.index != 0)
      co_return;
  } else {
    if (any.index != 1)
      co_return;
  }
  expect(std::get<0>(any.results).get(), 0);
  expect(std::get<1>(any.results).get(), 0);
}
)cpp";

TEST(Lattices, PathFactsReadinessJoinsAsAMustAnalysis) {
  Analysed A(Readiness);
  EXPECT_EQ(checkReadiness(A, "joins"), 4u);
}

TEST(Lattices, PathFactsReadinessTransfer) {
  Analysed A(Readiness);
  EXPECT_EQ(checkReadiness(A, "events"), 9u);
}

TEST(Lattices, PathFactsBranchConditions) {
  Analysed A(Readiness);
  EXPECT_EQ(checkReadiness(A, "conditions"), 4u);
}

TEST(Lattices, PathFactsAssertionsHoldAfterTheCall) {
  Analysed A(Readiness);
  EXPECT_EQ(checkReadiness(A, "asserted"), 4u);
}

TEST(Lattices, PathFactsWinnerIndexTransferAndJoin) {
  Analysed A(Readiness);
  EXPECT_EQ(checkReadiness(A, "index"), 4u);
  EXPECT_EQ(checkReadiness(A, "disagree"), 2u);
}

// The handles' "settled" fact: a handle whose coroutine is used on only one
// path into the end of its scope loses it on the other.
TEST(Lattices, PathFactsSettledHandlesJoinAndTransfer) {
  Analysed A(R"cpp(
#include "task.h"
#include <utility>
demo::task<> make();
demo::task<> handles(bool b) {
  demo::task<> both = make();
  if (b)
    co_await std::move(both);
  else
    co_await std::move(both);
  demo::task<> one = make();
  if (b)
    co_await std::move(one);
  demo::task<> over = make();
  over = make();
  co_await std::move(over);
  demo::task<> empty;
}
)cpp");
  const FunctionDecl &Fn = A.fn("handles");
  const model::PathFacts &Facts = A.Session.pathFacts(Fn, A.Id);
  std::vector<const VarDecl *> Vars;
  std::map<std::string, std::vector<bool>> Losses;
  for (const BoundNodes &N :
       match(varDecl(hasAncestor(functionDecl(hasName("handles")))).bind("v"),
             A.AST->getASTContext()))
    if (const auto *V = N.getNodeAs<VarDecl>("v"); V && !isa<ParmVarDecl>(V))
      Vars.push_back(V);
  for (const model::UnusedValueLoss &L : Facts.unusedValueLosses(Vars))
    Losses[L.Var->getName().str()].push_back(L.Overwritten);
  // Used on both paths: nothing lost. Used on one: lost at the scope's end.
  EXPECT_EQ(Losses.count("both"), 0u);
  ASSERT_EQ(Losses["one"].size(), 1u);
  EXPECT_FALSE(Losses["one"].front());
  // Overwritten before use: the first coroutine is lost at the assignment.
  ASSERT_EQ(Losses["over"].size(), 1u);
  EXPECT_TRUE(Losses["over"].front());
  // Empty from the start: nothing to lose.
  EXPECT_EQ(Losses.count("empty"), 0u);
}

/// The names of the handles of \p Fn whose coroutine PathFacts finds lost.
std::multiset<std::string> lostHandles(Analysed &A, llvm::StringRef Fn) {
  const model::PathFacts &Facts = A.Session.pathFacts(A.fn(Fn), A.Id);
  std::vector<const VarDecl *> Vars;
  for (const BoundNodes &N :
       match(varDecl(hasAncestor(functionDecl(hasName(Fn)))).bind("v"),
             A.AST->getASTContext()))
    if (const auto *V = N.getNodeAs<VarDecl>("v"); V && !isa<ParmVarDecl>(V))
      Vars.push_back(V);
  std::multiset<std::string> Names;
  for (const model::UnusedValueLoss &L : Facts.unusedValueLosses(Vars))
    Names.insert(L.Var->getName().str());
  return Names;
}

// A handle of a lazy task tested for emptiness is empty on the edge where it
// converts to false, and only there: `if (!t) co_return;` loses nothing,
// `if (t) {}` loses t on its true edge. The same test on an eager task (a
// result handle, DroppedValues.h) reads its result: nothing is lost.
TEST(Lattices, PathFactsEmptinessTestSettlesTheFalseEdge) {
  Analysed A(R"cpp(
#include "concurrencpp/concurrencpp.h"
#include <utility>
using concurrencpp::lazy_result;
lazy_result<int> compute();
concurrencpp::result<int> eager();
lazy_result<void> tested() {
  lazy_result<int> used = compute();
  if (used)
    co_await std::move(used);
  lazy_result<int> early = compute();
  if (!early)
    co_return;
  co_await std::move(early);
  lazy_result<int> kept = compute();
  if (kept) {
  }
  concurrencpp::result<int> read = eager();
  if (read) {
  }
}
)cpp");
  EXPECT_EQ(lostHandles(A, "tested"), std::multiset<std::string>{"kept"});
}

// The handle a move or a copy takes the coroutine from has handed it on:
// it loses nothing at the end of its scope; a handle given an empty one's
// value holds nothing either.
TEST(Lattices, PathFactsMovedFromHandleIsSettled) {
  Analysed A(R"cpp(
#include "task.h"
#include <utility>
demo::task<> make();
demo::task<> moves() {
  demo::task<> from = make();
  demo::task<> to = std::move(from);
  co_await std::move(to);
  demo::task<> kept = make();
  demo::task<> taken;
  taken = std::move(kept);
  co_await std::move(taken);
  demo::task<> none;
  demo::task<> copy = std::move(none);
}
)cpp");
  EXPECT_EQ(lostHandles(A, "moves"), std::multiset<std::string>{});
}

/// The key of a fact: the variable `&v` names.
const void *keyOf(const Expr *Arg) {
  const auto *Addr = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
  const auto *Ref = Addr ? dyn_cast<DeclRefExpr>(
                               Addr->getSubExpr()->IgnoreParenImpCasts())
                         : nullptr;
  return Ref ? Ref->getDecl() : nullptr;
}

const char *HeldCode = R"cpp(
#include "task.h"
struct Guard { ~Guard(); };
void take(const void *);
void drop(const void *);
demo::task<int> leaf();
demo::task<> held(bool b, bool c, int x, int y) {
  take(&x);
  if (b)
    drop(&x);
  co_await leaf();
  take(&y);
  if (b)
    drop(&y);
  else
    drop(&y);
  co_await leaf();
  {
    Guard g;
    take(&g);
  }
  co_await leaf();
  if (c)
    co_await leaf();
}
)cpp";

/// For each suspension point of `held` (in source order), the names of
/// the facts that may hold there: take(&v) begins v, drop(&v) ends it, the
/// destruction of v ends it, and the true edge of `if (c)` begins c.
std::vector<std::set<std::string>> heldNames(Analysed &A) {
  const model::SuspensionFlow &Flow = A.Session.suspensionFlow(A.fn("held"),
                                                               A.Id);
  auto Statement = [](const Stmt &S, model::HeldFacts &Facts) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || Call->getNumArgs() != 1 || !keyOf(Call->getArg(0)))
      return;
    if (Callee->getName() == "take")
      Facts.try_emplace(keyOf(Call->getArg(0)), &S);
    else if (Callee->getName() == "drop")
      Facts.erase(keyOf(Call->getArg(0)));
  };
  auto Destroyed = [](const VarDecl &VD, model::HeldFacts &Facts) {
    Facts.erase(&VD);
  };
  auto Branch = [](const Expr &Cond, bool Taken, model::HeldFacts &Facts) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Cond.IgnoreParenImpCasts());
    if (Taken && Ref && Ref->getDecl()->getName() == "c")
      Facts.try_emplace(Ref->getDecl(), &Cond);
  };
  std::vector<std::set<std::string>> Names(Flow.points().size());
  for (const model::HeldAtSuspension &H :
       Flow.heldAtSuspensions({Statement, Destroyed, Branch})) {
    auto It = llvm::find(Flow.points(), H.Suspension);
    EXPECT_NE(It, Flow.points().end());
    Names[It - Flow.points().begin()].insert(
        static_cast<const NamedDecl *>(H.Key)->getName().str());
  }
  return Names;
}

TEST(Lattices, SuspensionFlowHeldFactsJoinAsAMayAnalysis) {
  Analysed A(HeldCode);
  std::vector<std::set<std::string>> Held = heldNames(A);
  ASSERT_EQ(Held.size(), 4u);
  // x is dropped on one path only: it may still be held (may-join).
  EXPECT_EQ(Held[0], std::set<std::string>{"x"});
  // y is dropped on both paths; x is still held on one path.
  EXPECT_EQ(Held[1], std::set<std::string>{"x"});
}

TEST(Lattices, SuspensionFlowTransferOfStatementsDestructorsAndBranches) {
  Analysed A(HeldCode);
  std::vector<std::set<std::string>> Held = heldNames(A);
  ASSERT_EQ(Held.size(), 4u);
  // g is destroyed at the end of its scope, before the third point.
  EXPECT_EQ(Held[2], std::set<std::string>{"x"});
  // The true edge of `if (c)` begins c.
  EXPECT_EQ(Held[3], (std::set<std::string>{"c", "x"}));
}

// What holds at a suspension point is what holds before its own statement
// runs: a fact the co_await itself begins (as an awaited lock does) is held
// at the next point, not at its own.
TEST(Lattices, SuspensionFlowPointSeesTheStateBeforeItsOwnStatement) {
  Analysed A(R"cpp(
#include "task.h"
demo::task<int> leaf();
demo::task<> twice() {
  co_await leaf();
  co_await leaf();
}
)cpp");
  const model::SuspensionFlow &Flow =
      A.Session.suspensionFlow(A.fn("twice"), A.Id);
  ASSERT_EQ(Flow.points().size(), 2u);
  auto Statement = [](const Stmt &S, model::HeldFacts &Facts) {
    if (isa<CoawaitExpr>(S))
      Facts.try_emplace(&S, &S);
  };
  std::vector<model::HeldAtSuspension> Held =
      Flow.heldAtSuspensions({Statement, {}, {}});
  ASSERT_EQ(Held.size(), 1u);
  EXPECT_EQ(Held.front().Suspension, Flow.points()[1]);
  EXPECT_EQ(Held.front().Key, Flow.points()[0]);
}

// LockOrder's transfer (an awaited lock begins, unlock() or the guard's
// destruction ends) on SuspensionFlow's may-join: a mutex locked on one
// path into another's lock makes an edge; unlocked on every path, none.
TEST(Lattices, LockOrderHeldMutexes) {
  Analysed A(R"cpp(
#include "cppcoro/async_mutex.hpp"
#include "cppcoro/task.hpp"
cppcoro::async_mutex a, b, c;
cppcoro::task<> order(bool f) {
  if (f)
    co_await a.lock_async();
  co_await b.lock_async();
  b.unlock();
  a.unlock();
  co_await c.lock_async();
  c.unlock();
  {
    auto g = co_await a.scoped_lock_async();
  }
  co_await c.lock_async();
  c.unlock();
}
)cpp");
  const model::SuspensionFlow &Flow =
      A.Session.suspensionFlow(A.fn("order"), A.Id);
  std::set<std::pair<std::string, std::string>> Edges;
  for (const model::LockOrderEdge &E :
       model::lockOrderEdges(Flow, A.Lib.AsyncMutexes))
    Edges.insert({E.Held->getName().str(), E.Waited->getName().str()});
  EXPECT_EQ(Edges, (std::set<std::pair<std::string, std::string>>{{"a", "b"}}));
}

// LocalFlow's walk across suspensions (SuspensionFlow::firstUseAcross): a
// use is late when some path from the start passes a suspension point.
TEST(Lattices, LocalFlowUseAcrossASuspensionOnSomePath) {
  Analysed A(R"cpp(
#include "task.h"
void mark(int);
void use(int);
void reset(int);
demo::task<int> leaf();
demo::task<> across(bool b) {
  mark(1);
  if (b)
    co_await leaf();
  use(1);
  mark(2);
  use(2);
  co_await leaf();
  mark(3);
  co_await leaf();
  reset(3);
  use(3);
}
)cpp");
  const model::SuspensionFlow &Flow =
      A.Session.suspensionFlow(A.fn("across"), A.Id);
  auto CallOf = [&](llvm::StringRef Name, int Arg) -> const Stmt * {
    for (const BoundNodes &N :
         match(callExpr(callee(functionDecl(hasName(Name))),
                        hasArgument(0, integerLiteral().bind("n")))
                   .bind("c"),
               A.AST->getASTContext()))
      if (N.getNodeAs<IntegerLiteral>("n")->getValue() == unsigned(Arg))
        return N.getNodeAs<CallExpr>("c");
    return nullptr;
  };
  auto Late = [&](int Tag) {
    const Stmt *Use = CallOf("use", Tag);
    const Stmt *Reset = CallOf("reset", Tag);
    return Flow
        .firstUseAcross(
            *CallOf("mark", Tag), [&](const Stmt &S) { return &S == Use; },
            [&](const Stmt &S) { return Reset && &S == Reset; })
        .Use;
  };
  EXPECT_EQ(Late(1), CallOf("use", 1));
  EXPECT_EQ(Late(2), nullptr);
  EXPECT_EQ(Late(3), nullptr);
}

// Where a path cut by an end and a live one meet, the live one goes on,
// whichever arrives first (the reset on either branch); a loop that
// suspends on one branch only comes back without suspending on the other,
// whichever branch it is.
TEST(Lattices, LocalFlowJoinKeepsTheLivePath) {
  Analysed A(R"cpp(
#include "task.h"
void mark(int);
void use(int);
void reset(int);
void other();
void spawn(int);
demo::task<int> leaf();
demo::task<> cut(bool b) {
  mark(6);
  if (b)
    reset(6);
  else
    other();
  co_await leaf();
  use(6);
  mark(7);
  if (b)
    other();
  else
    reset(7);
  co_await leaf();
  use(7);
}
demo::task<> loops(bool b) {
  for (;;) {
    spawn(8);
    if (b)
      co_await leaf();
    else
      other();
  }
}
demo::task<> mirrored(bool b) {
  for (;;) {
    spawn(9);
    if (b)
      other();
    else
      co_await leaf();
  }
}
)cpp");
  auto CallOf = [&](llvm::StringRef Name, int Arg) -> const Stmt * {
    for (const BoundNodes &N :
         match(callExpr(callee(functionDecl(hasName(Name))),
                        hasArgument(0, integerLiteral().bind("n")))
                   .bind("c"),
               A.AST->getASTContext()))
      if (N.getNodeAs<IntegerLiteral>("n")->getValue() == unsigned(Arg))
        return N.getNodeAs<CallExpr>("c");
    return nullptr;
  };
  const model::SuspensionFlow &Cut = A.Session.suspensionFlow(A.fn("cut"),
                                                              A.Id);
  for (int Tag : {6, 7}) {
    const Stmt *Use = CallOf("use", Tag);
    const Stmt *Reset = CallOf("reset", Tag);
    EXPECT_EQ(Cut.firstUseAcross(
                     *CallOf("mark", Tag),
                     [&](const Stmt &S) { return &S == Use; },
                     [&](const Stmt &S) { return &S == Reset; })
                  .Use,
              Use)
        << Tag;
  }
  EXPECT_TRUE(A.Session.suspensionFlow(A.fn("loops"), A.Id)
                  .repeatsWithoutSuspending(*CallOf("spawn", 8)));
  EXPECT_TRUE(A.Session.suspensionFlow(A.fn("mirrored"), A.Id)
                  .repeatsWithoutSuspending(*CallOf("spawn", 9)));
}

// FirstArrival: where two paths disagree, "every path" is false and "some
// path" true.
TEST(Lattices, FirstArrivalMustAndMayOverPaths) {
  Analysed A(R"cpp(
void stop(int);
void through(int);
void to(int);
void one(bool b) { if (b) stop(1); through(1); to(1); }
void other();
void both(bool b) { through(2); if (b) other(); stop(2); to(2); }
void some(bool b) { through(3); if (b) to(3); }
void half(bool b) { if (b) through(4); to(4); }
)cpp");
  ASTContext &Ctx = A.AST->getASTContext();
  auto Call = [&](llvm::StringRef Fn, llvm::StringRef Name) -> const Stmt & {
    auto Found = match(
        callExpr(callee(functionDecl(hasName(Name))),
                 hasAncestor(functionDecl(hasName(Fn))))
            .bind("c"),
        Ctx);
    EXPECT_FALSE(Found.empty()) << Fn.str() << " " << Name.str();
    return *Found.front().getNodeAs<CallExpr>("c");
  };
  auto Graph = [&](llvm::StringRef Fn) {
    return model::buildFunctionCFG(A.fn(Fn), Ctx);
  };
  auto One = Graph("one"), Both = Graph("both"), Some = Graph("some"),
       Half = Graph("half");
  ASSERT_TRUE(One && Both && Some && Half);
  // A path that skips stop() leaves: not every path arrives. Where both
  // predecessors of a join lead on to it, every path does.
  EXPECT_FALSE(model::alwaysArrives(*One, Call("one", "stop")));
  EXPECT_TRUE(model::alwaysArrives(*Both, Call("both", "stop")));
  // to() is reached without through() first only where a path skips it.
  EXPECT_TRUE(model::passesFirst(*One, Call("one", "through"),
                                 Call("one", "to")));
  EXPECT_FALSE(model::passesFirst(*Half, Call("half", "through"),
                                  Call("half", "to")));
  EXPECT_TRUE(model::passesFirst(*Both, Call("both", "through"),
                                 Call("both", "to")));
  EXPECT_FALSE(model::passesFirst(*Some, Call("some", "to"),
                                  Call("some", "through")));
  // Some path runs to() after through().
  EXPECT_TRUE(model::mayRunAfter(*Some, Call("some", "through"),
                                 Call("some", "to")));
  EXPECT_FALSE(model::mayRunAfter(*Some, Call("some", "to"),
                                  Call("some", "through")));
}

} // namespace

//===--- ModelTest.cpp - async-lint ---------------------------------------===//
//
// Unit tests of the shared coroutine model on small ASTs, parsed with the
// mock headers of test/checkers/Inputs.
//
//===----------------------------------------------------------------------===//

#include "TestAST.h"
#include "Model/AnalysisSession.h"
#include "Model/Awaitables.h"
#include "Model/CallInfo.h"
#include "Model/ClassNames.h"
#include "Model/ContainerHolds.h"
#include "Model/CoroutineCalls.h"
#include "Model/CoroutineModel.h"
#include "Model/DroppedExceptions.h"
#include "Model/EscapingThrows.h"
#include "Model/FailureHandlers.h"
#include "Model/Expressions.h"
#include "Model/Library.h"
#include "Model/LocalFlow.h"
#include "Model/NameMatcher.h"
#include "Model/PathFacts.h"
#include "Model/SuspensionFlow.h"
#include "Model/TaskFlow.h"
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

/// A function's suspension flow on its CFG, as the session builds both
/// (with no awaitable listed as never suspending).
struct FlowOf {
  FlowOf(const FunctionDecl &FD, ASTContext &Ctx)
      : Graph(model::buildFunctionCFG(FD, Ctx)), Flow(Graph.get(), Ctx,
                                                      nullptr) {}
  std::unique_ptr<CFG> Graph;
  model::SuspensionFlow Flow;
};

QualType returnType(ASTUnit &AST, llvm::StringRef Name) {
  auto Found = match(functionDecl(hasName(Name)).bind("f"),
                     AST.getASTContext());
  if (Found.empty())
    return {};
  return Found.front().getNodeAs<FunctionDecl>("f")->getReturnType();
}

const char *Headers = R"cpp(
#include "task.h"
#include "asio.hpp"
#include "concurrencpp/concurrencpp.h"
#include "cppcoro/task.hpp"
#include "generator.h"
)cpp";

TEST(CoroutineModel, RecognisesCoroutinesByTheirBody) {
  auto AST = parse(std::string(Headers) + R"cpp(
demo::task<> coro() { co_return; }
demo::task<> plain();
demo::task<> forwards() { return plain(); }
void outer() {
  auto L = []() -> demo::task<> { co_return; };
  auto N = [] { return 1; };
}
)cpp");
  EXPECT_TRUE(model::isCoroutine(*function(*AST, "coro")));
  EXPECT_FALSE(model::isCoroutine(*function(*AST, "forwards")));
  auto Lambdas = match(lambdaExpr().bind("l"), AST->getASTContext());
  ASSERT_EQ(Lambdas.size(), 2u);
  const auto *Coro = Lambdas[0].getNodeAs<LambdaExpr>("l")->getCallOperator();
  const auto *Plain = Lambdas[1].getNodeAs<LambdaExpr>("l")->getCallOperator();
  EXPECT_TRUE(model::isCoroutine(*Coro));
  EXPECT_FALSE(model::isCoroutine(*Plain));
  EXPECT_EQ(model::describeFunction(*Coro), "coroutine lambda");
  EXPECT_EQ(model::describeFunction(*function(*AST, "coro")),
            "coroutine 'coro'");
}

TEST(CoroutineModel, FindsExplicitSuspensionPointsOnly) {
  auto AST = parse(std::string(Headers) + R"cpp(
demo::task<int> value();
demo::task<int> f(bool b) {
  int x = co_await value();               // in an initialiser
  if (co_await value()) {}                // in a condition
  auto later = [] () -> demo::task<> { co_await std::suspend_always{}; };
  co_await std::suspend_never{};          // cannot suspend
  co_return co_await value();             // in a co_return operand
}
demo::generator<int> g() { co_yield 1; }
asio::awaitable<void> a() { auto ex = co_await asio::this_coro::executor; }
)cpp");
  unsigned Count = 0, Suspending = 0;
  model::forEachSuspensionPoint(
      model::getUserBody(*function(*AST, "f")),
      [&](const CoroutineSuspendExpr &S) {
        ++Count;
        Suspending += model::canSuspend(S);
      });
  EXPECT_EQ(Count, 4u);      // not the lambda's, not initial/final suspend
  EXPECT_EQ(Suspending, 3u); // suspend_never's await_ready is constant true
  unsigned Yields = 0;
  model::forEachSuspensionPoint(
      model::getUserBody(*function(*AST, "g")),
      [&](const CoroutineSuspendExpr &S) { Yields += isa<CoyieldExpr>(S); });
  EXPECT_EQ(Yields, 1u);
  // asio's this_coro::executor never suspends: by its awaiter, and by name.
  model::NameMatcher NonSuspending("asio::this_coro::executor_t");
  model::forEachSuspensionPoint(
      model::getUserBody(*function(*AST, "a")),
      [&](const CoroutineSuspendExpr &S) {
        EXPECT_FALSE(model::canSuspend(S));
        EXPECT_FALSE(model::canSuspend(S, &NonSuspending));
      });
}

TEST(CoroutineModel, OwnStmtsAnswersEveryPartAsAWalkWould) {
  auto AST = parse(std::string(Headers) + R"cpp(
demo::task<int> value();
int g(int);
demo::task<int> f(int n) {
  int a[3] = {1, 2, n};
  int x = co_await value() + static_cast<int>(sizeof(n + 1));
  auto L = [x, &n](int y) { return x + y + n; };
  struct Local { int m() { return 7; } };
  for (int k : a)
    x += g(k) ? L(k) : 0;
  switch (x) {
  case 1:
    x = g(x);
    break;
  default:
    break;
  }
  co_return x + decltype(n)(2);
}
)cpp");
  const FunctionDecl *F = function(*AST, "f");
  ASSERT_TRUE(F);
  const Stmt *Body = model::getUserBody(*F);
  ASSERT_TRUE(Body);
  model::OwnStmts Own(Body);
  auto Walk = [](const Stmt *S) {
    std::vector<const Stmt *> Seen;
    model::forEachOwnStmt(S, [&](const Stmt &Each) { Seen.push_back(&Each); });
    return Seen;
  };
  auto Read = [&](const Stmt *S) {
    std::vector<const Stmt *> Seen;
    Own.forEach(S, [&](const Stmt &Each) { Seen.push_back(&Each); });
    return Seen;
  };
  ASSERT_EQ(std::vector<const Stmt *>(Own.all().begin(), Own.all().end()),
            Walk(Body));
  ASSERT_GT(Own.all().size(), 40u);
  // The written form of `{1, 2, n}` is visited for the list Clang made of
  // it: walked again when asked about.
  auto Lists =
      match(findAll(initListExpr().bind("i")), *Body, AST->getASTContext());
  ASSERT_FALSE(Lists.empty());
  // Every part of the body, read from the list, is what walking it visits.
  for (const Stmt *S : Own.all())
    EXPECT_EQ(Read(S), Walk(S)) << S->getStmtClassName();
  // Not in the list: the unevaluated operand of sizeof, the lambda's body.
  auto Sizeofs = match(findAll(unaryExprOrTypeTraitExpr().bind("s")), *Body,
                       AST->getASTContext());
  ASSERT_EQ(Sizeofs.size(), 1u);
  const auto *Operand =
      Sizeofs[0].getNodeAs<UnaryExprOrTypeTraitExpr>("s")->getArgumentExpr();
  EXPECT_FALSE(llvm::is_contained(Own.all(), Operand));
  EXPECT_EQ(Read(Operand), Walk(Operand));
  EXPECT_FALSE(Read(Operand).empty());
  auto Lambdas =
      match(findAll(lambdaExpr().bind("l")), *Body, AST->getASTContext());
  ASSERT_EQ(Lambdas.size(), 1u);
  const Stmt *LambdaBody = Lambdas[0].getNodeAs<LambdaExpr>("l")->getBody();
  EXPECT_FALSE(llvm::is_contained(Own.all(), LambdaBody));
  EXPECT_EQ(Read(LambdaBody), Walk(LambdaBody));
  EXPECT_FALSE(Read(LambdaBody).empty());
}

// The constants written in a type (a template argument, an array's bound)
// do not run when the function runs; a variable-length array's bound does.
TEST(CoroutineModel, OwnStmtsSkipTheConstantsOfTypes) {
  auto AST = parse(R"cpp(
template <int N> struct Fixed { int v[N]; };
namespace ns { template <int N> struct Inner { using type = int; }; }
int size();
void f() {
  Fixed<40 + 2> a;
  int b[17] = {};
  ns::Inner<23>::type c = 0;
  int v[size()];
  (void)a; (void)b; (void)c; (void)v;
}
)cpp");
  const FunctionDecl *F = function(*AST, "f");
  ASSERT_TRUE(F);
  model::OwnStmts Own(model::getUserBody(*F));
  std::vector<uint64_t> Literals;
  unsigned Calls = 0;
  for (const Stmt *S : Own.all()) {
    if (const auto *L = dyn_cast<IntegerLiteral>(S))
      Literals.push_back(L->getValue().getZExtValue());
    Calls += isa<CallExpr>(S);
  }
  EXPECT_EQ(Literals, std::vector<uint64_t>({0}));
  EXPECT_EQ(Calls, 1u); // size(), the bound of v
}

TEST(NameMatcher, MatchesExactAndScopedSuffixes) {
  model::NameMatcher M("::std::this_thread::sleep_for; asio::read; wait");
  EXPECT_EQ(M.match("::std::this_thread::sleep_for"),
            "::std::this_thread::sleep_for");
  EXPECT_EQ(M.match("::x::std::this_thread::sleep_for"), "");
  EXPECT_EQ(M.match("::boost::asio::read"), "asio::read");
  EXPECT_EQ(M.match("::asio::read"), "asio::read");
  EXPECT_EQ(M.match("::myasio::read"), "");
  EXPECT_EQ(M.match("::ns::C::wait"), "wait");
  EXPECT_EQ(M.match("::ns::C::await"), "");
  EXPECT_EQ(M.match("wait"), "");
  EXPECT_EQ(M.match(""), "");
  EXPECT_FALSE(M.matches("::ns::C::wai"));
}

// The index by last segment answers as a scan of the list in order would:
// the first pattern that matches, also with odd patterns (':' in the last
// segment, an operator's name with a scope in it).
TEST(NameMatcher, IndexAnswersAsAScanInListOrder) {
  // Longer than a list that is scanned (24 patterns): the index answers.
  std::string List = "wait;::a::C::wait;C::wait;::a::wait;b:c;:wait;x::;"
                     "operator ns::T;::a::operator ns::T;a::b::get;get";
  for (int I = 0; I < 20; ++I)
    List += ";filler" + std::to_string(I) + "::wait";
  auto Scan = [&](llvm::StringRef Name) -> std::string {
    for (const std::string &P : model::splitList(List)) {
      llvm::StringRef Pat(P);
      if (Pat.starts_with("::") ? Name == Pat
                                : Name.size() >= Pat.size() + 2 &&
                                      Name.ends_with(Pat) &&
                                      Name.drop_back(Pat.size())
                                          .ends_with("::"))
        return P;
    }
    return "";
  };
  model::NameMatcher M(List);
  const char *Scopes[] = {"", "::a", "::a::C", "::z::C", "::a::b", "::q::b:c"};
  const char *Tails[] = {"wait",     "get",    "b:c", "c",         ":wait",
                         "x::",      "waitx",  "T",   "operator ns::T",
                         "C::wait", "b::get", ""};
  for (const char *Scope : Scopes)
    for (const char *Tail : Tails) {
      std::string Name = std::string(Scope) + "::" + Tail;
      EXPECT_EQ(M.match(Name).str(), Scan(Name)) << Name;
    }
  EXPECT_EQ(M.match("::a::C::wait"), "wait");
  EXPECT_EQ(M.match("::a::operator ns::T"), "operator ns::T");
  EXPECT_TRUE(M.mayMatchSegment("anything")); // ':wait', 'x::' are scanned
  model::NameMatcher Plain("::a::wait;get");
  EXPECT_TRUE(Plain.mayMatchSegment("wait"));
  EXPECT_FALSE(Plain.mayMatchSegment("read"));
}

TEST(Awaitables, FindsPromisesThroughCoroutineTraits) {
  auto AST = parse(std::string(Headers) + R"cpp(
demo::task<int> nested();
asio::awaitable<int> traits();
int neither();
)cpp");
  const CXXRecordDecl *Nested = model::promiseTypeOf(returnType(*AST, "nested"));
  ASSERT_TRUE(Nested);
  EXPECT_EQ(Nested->getName(), "promise_type");
  // asio names its promise with a partial specialisation of the traits.
  const CXXRecordDecl *Traits = model::promiseTypeOf(returnType(*AST, "traits"));
  ASSERT_TRUE(Traits);
  EXPECT_EQ(Traits->getName(), "awaitable_frame");
  EXPECT_FALSE(model::promiseTypeOf(returnType(*AST, "neither")));
}

TEST(Awaitables, TellsLazyFromEager) {
  auto AST = parse(std::string(Headers) + R"cpp(
demo::task<int> lazy_template();
demo::task<> lazy();
demo::fire_and_forget eager();
concurrencpp::result<int> eager_template();
asio::awaitable<void> asio_lazy();
struct maybe {
  struct awaiter {
    bool ready;
    bool await_ready() const noexcept { return ready; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    void await_resume() const noexcept {}
  };
  struct promise_type {
    maybe get_return_object();
    awaiter initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
};
maybe unknown();
)cpp");
  using model::Laziness;
  EXPECT_EQ(model::lazinessOf(returnType(*AST, "lazy_template")), Laziness::Lazy);
  EXPECT_EQ(model::lazinessOf(returnType(*AST, "lazy")), Laziness::Lazy);
  EXPECT_EQ(model::lazinessOf(returnType(*AST, "eager")), Laziness::Eager);
  EXPECT_EQ(model::lazinessOf(returnType(*AST, "eager_template")),
            Laziness::Eager);
  EXPECT_EQ(model::lazinessOf(returnType(*AST, "asio_lazy")), Laziness::Lazy);
  EXPECT_EQ(model::lazinessOf(returnType(*AST, "unknown")), Laziness::Unknown);
}

TEST(Awaitables, TellsWhenEveryCoroutineOfATypeIsLazy) {
  auto AST = parse(std::string(Headers) + R"cpp(
struct tag {};
template <class T> struct result {
  struct promise_type {
    result get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_value(T);
    void unhandled_exception();
  };
};
template <class T> struct rescheduled_promise {
  result<T> get_return_object();
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void return_value(T);
  void unhandled_exception();
};
template <class T, class... A>
struct std::coroutine_traits<result<T>, tag, A...> {
  using promise_type = rescheduled_promise<T>;
};
result<int> either();
demo::task<> lazy();
)cpp");
  using model::Laziness;
  // The traits choose a lazy promise for coroutines given a tag, the type's
  // own promise is eager: neither is true of every coroutine.
  EXPECT_EQ(model::lazinessOfEveryPromise(returnType(*AST, "either")),
            Laziness::Unknown);
  EXPECT_EQ(model::lazinessOfEveryPromise(returnType(*AST, "lazy")),
            Laziness::Lazy);
}

TEST(Awaitables, RecognisesAwaitablesByStructure) {
  auto AST = parse(std::string(Headers) + R"cpp(
struct members {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct member_op { std::suspend_always operator co_await(); };
namespace lib { struct free_op {}; std::suspend_always operator co_await(free_op); }
struct derived : members {};
members a();
member_op b();
lib::free_op c();
derived d();
concurrencpp::result<int> e();
demo::fire_and_forget f();
asio::awaitable<void> g();
)cpp");
  for (const char *Name : {"a", "b", "c", "d", "e"})
    EXPECT_TRUE(model::isAwaitableType(returnType(*AST, Name))) << Name;
  // Not awaitable by itself: fire-and-forget, and asio's awaitable (only
  // its own coroutines can await it, through await_transform).
  EXPECT_FALSE(model::isAwaitableType(returnType(*AST, "f")));
  EXPECT_FALSE(model::isAwaitableType(returnType(*AST, "g")));
}

TEST(Awaitables, KnowsWhatACoroutineCanAwait) {
  auto AST = parse(std::string(Headers) + R"cpp(
asio::awaitable<void> in_asio() { co_return; }
demo::task<> in_demo() { co_return; }
asio::awaitable<int> asio_op();
cppcoro::task<> other();
demo::task<int> demo_op();
)cpp");
  const FunctionDecl *Asio = function(*AST, "in_asio");
  const FunctionDecl *Demo = function(*AST, "in_demo");
  EXPECT_TRUE(model::canAwaitIn(*Asio, returnType(*AST, "asio_op")));
  EXPECT_FALSE(model::canAwaitIn(*Asio, returnType(*AST, "other")));
  EXPECT_TRUE(model::canAwaitIn(*Demo, returnType(*AST, "demo_op")));
  EXPECT_TRUE(model::canAwaitIn(*Demo, returnType(*AST, "other")));
  EXPECT_FALSE(model::canAwaitIn(*Demo, returnType(*AST, "asio_op")));
}

TEST(NameMatcher, MatchesQualifiedAndSuffixNames) {
  model::NameMatcher M("::std::this_thread::sleep_for;asio::read;sync_wait");
  EXPECT_FALSE(M.match("::std::this_thread::sleep_for").empty());
  EXPECT_TRUE(M.match("::mine::std::this_thread::sleep_for").empty());
  EXPECT_FALSE(M.match("::asio::read").empty());
  EXPECT_FALSE(M.match("::boost::asio::read").empty());
  EXPECT_TRUE(M.match("::myasio::read").empty());
  EXPECT_FALSE(M.match("::corp::sync_wait").empty());
  EXPECT_TRUE(M.match("::corp::my_sync_wait").empty());
  EXPECT_EQ(M.str(), "::std::this_thread::sleep_for;asio::read;sync_wait");
}

TEST(NameMatcher, CanonicalNamesSkipInlineNamespacesAndTemplateArguments) {
  auto AST = parse(std::string(Headers) + R"cpp(
#include <condition_variable>
#include <future>
void f(std::future<int> &F, std::condition_variable_any &C, std::mutex &M) {
  F.wait();
  std::unique_lock<std::mutex> L(M);
  C.wait(L);
}
)cpp");
  auto Calls = match(cxxMemberCallExpr(isExpansionInMainFile()).bind("c"),
                     AST->getASTContext());
  ASSERT_EQ(Calls.size(), 2u);
  std::optional<model::CallInfo> Wait =
      model::describeCall(*Calls[0].getNodeAs<Stmt>("c"));
  ASSERT_TRUE(Wait);
  // Declared in std::__basic_future, called on a std::future.
  EXPECT_EQ(Wait->Names[0], "::std::__basic_future::wait");
  EXPECT_EQ(Wait->Names[1], "::std::future::wait");
  std::optional<model::CallInfo> CvWait =
      model::describeCall(*Calls[1].getNodeAs<Stmt>("c"));
  ASSERT_TRUE(CvWait);
  EXPECT_EQ(CvWait->Names[0], "::std::condition_variable_any::wait");
}

TEST(NameMatcher, ClassListsAnswerAsTheCanonicalNameWould) {
  auto AST = parse(R"cpp(
namespace lib { inline namespace v1 { template <class T> struct view {}; } }
namespace other { struct view {}; struct task {}; }
struct { int x; } anon;
void f(lib::view<int> a, other::view b, other::task &c, int d,
       decltype(anon) e, const lib::view<char> &g);
)cpp");
  auto Params = match(parmVarDecl(isExpansionInMainFile()).bind("p"),
                      AST->getASTContext());
  ASSERT_GE(Params.size(), 6u); // and implicit members' parameters
  for (llvm::StringRef List :
       {"lib::view", "::lib::view", "view", "other::task;::lib::view",
        "operator::x;view", "", "::other::view", "(anonymous)"}) {
    model::NameMatcher M(List);
    for (const auto &P : Params) {
      QualType T = P.getNodeAs<ParmVarDecl>("p")->getType();
      EXPECT_EQ(model::matchesClassOf(M, T),
                M.matches(model::canonicalTypeName(T)))
          << List.str() << " on " << T.getAsString();
    }
  }
}

TEST(CoroutineModel, KnowsWhenRangeForTemporariesLive) {
  auto CXX20 = parse("int x;", "-std=c++20");
  auto CXX23 = parse("int x;", "-std=c++23");
  EXPECT_FALSE(model::rangeForInitTemporariesLiveThroughLoop(
      CXX20->getASTContext().getLangOpts()));
  EXPECT_TRUE(model::rangeForInitTemporariesLiveThroughLoop(
      CXX23->getASTContext().getLangOpts()));
}

} // namespace

/// The call to \p Callee whose first argument is the literal \p Arg, or
/// the first call to \p Callee.
const CallExpr *callTo(ASTUnit &AST, llvm::StringRef Callee, int Arg = -1) {
  auto Matcher = Arg < 0 ? callExpr(callee(functionDecl(hasName(Callee))))
                         : callExpr(callee(functionDecl(hasName(Callee))),
                                    hasArgument(0, integerLiteral(equals(
                                                       unsigned(Arg)))));
  auto Found = match(Matcher.bind("c"), AST.getASTContext());
  return Found.empty() ? nullptr : Found.front().getNodeAs<CallExpr>("c");
}

TEST(TaskFlow, FollowsTasksToWhereTheyGo) {
  auto AST = parse(std::string(Headers) + R"cpp(
#include <vector>
#include <utility>
demo::task<int> make(int);
namespace demo { template <class T> task<> when_all(T &&); }
struct holder { demo::task<int> Member; };
void consume(demo::task<int>);
demo::task<int> flow(asio::io_context &Ctx, holder &H, bool B) {
  co_await make(1);
  auto Later = make(2);
  std::vector<demo::task<int>> Many;
  Many.push_back(make(3));
  co_await demo::when_all(std::move(Many));
  H.Member = make(4);
  make(5);
  auto Handed = make(6);
  consume(std::move(Handed));
  consume(make(9));
  if (B)
    co_await Later;
  co_return co_await make(7);
}
demo::task<int> returns() { return make(8); }
)cpp");
  model::Library Lib;
  using K = model::TaskFate::Kind;
  ASTContext &Ctx = AST->getASTContext();
  model::TaskFlow Flow(*function(*AST, "flow"), Lib, Ctx);
  EXPECT_EQ(Flow.fateOf(callTo(*AST, "make", 1)).What, K::Awaited);
  EXPECT_EQ(Flow.fateOf(callTo(*AST, "make", 2)).What,
            K::AwaitedLater);
  EXPECT_EQ(Flow.fateOf(callTo(*AST, "make", 3)).What,
            K::AwaitedLater);
  model::TaskFate Member = Flow.fateOf(callTo(*AST, "make", 4));
  EXPECT_EQ(Member.What, K::Escapes);
  EXPECT_STREQ(Member.How, "stored here, where it outlives the function");
  EXPECT_EQ(Flow.fateOf(callTo(*AST, "make", 5)).What, K::Dropped);
  // Kept in a local, then taken by value by a function declared only: it
  // may run it later (HandedOverTasks.h); given in place, it may run it
  // before it returns: not known.
  EXPECT_EQ(Flow.fateOf(callTo(*AST, "make", 6)).What, K::Escapes);
  EXPECT_EQ(Flow.fateOf(callTo(*AST, "make", 9)).What, K::Unknown);
  EXPECT_EQ(Flow.fateOf(callTo(*AST, "make", 7)).What, K::Awaited);
  model::TaskFlow Returns(*function(*AST, "returns"), Lib, Ctx);
  model::TaskFate Returned = Returns.fateOf(callTo(*AST, "make", 8));
  EXPECT_EQ(Returned.What, K::Escapes);
  EXPECT_FALSE(Returned.OnExecutor);
}

TEST(TaskFlow, TellsTemporariesFromLocals) {
  auto AST = parse(std::string(Headers) + R"cpp(
#include <string>
#include <string_view>
void take(const std::string &, std::string_view, const int *, int &);
void again(const std::string &, std::string_view, const int *, int &);
void refer(std::string &Theirs) {
  std::string Local;
  int Number = 0;
  take(std::string("x"), Local, &Number, Number);
  again(Theirs, "literal", nullptr, Number);
}
)cpp");
  using K = model::Referent::Kind;
  const CallExpr *First = callTo(*AST, "take");
  const CallExpr *Second = callTo(*AST, "again");
  ASSERT_TRUE(First && Second);
  EXPECT_EQ(model::TaskFlow::referentOf(First->getArg(0), false).What,
            K::Temporary);
  model::Referent View = model::TaskFlow::referentOf(First->getArg(1), true);
  EXPECT_EQ(View.What, K::Local);
  EXPECT_EQ(View.Var->getName(), "Local");
  EXPECT_EQ(model::TaskFlow::referentOf(First->getArg(2), true).What,
            K::Local);
  EXPECT_EQ(model::TaskFlow::referentOf(First->getArg(3), false).What,
            K::Local);
  EXPECT_EQ(model::TaskFlow::referentOf(Second->getArg(0), false).What,
            K::Other);
  EXPECT_EQ(model::TaskFlow::referentOf(Second->getArg(1), true).What,
            K::Other);
}

TEST(LocalFlow, FindsUsesAfterASuspension) {
  auto AST = parse(std::string(Headers) + R"cpp(
struct ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
demo::fire_and_forget loop(const int &Before, const int &InLoop, const int &Never) {
  int N = Before;
  co_await ready();
  N += Never;
  for (int I = 0; I < 3; ++I) {
    N += InLoop;
    co_await demo::task<>();
  }
}
)cpp");
  const FunctionDecl *Loop = function(*AST, "loop");
  auto FirstUse = [&](unsigned Param, bool FromStart) {
    const ParmVarDecl *P = Loop->getParamDecl(Param);
    auto IsUse = [&](const Stmt &S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(&S);
      return Ref && Ref->getDecl() == P;
    };
    if (FromStart)
      return model::firstOwnStmt(model::getUserBody(*Loop), IsUse,
                                 AST->getSourceManager());
    FlowOf F(*Loop, AST->getASTContext());
    return F.Flow.firstUseAfterSuspension(IsUse);
  };
  EXPECT_EQ(FirstUse(0, false), nullptr);
  EXPECT_NE(FirstUse(0, true), nullptr);
  // Used before the loop's suspension, but again on the next iteration.
  EXPECT_NE(FirstUse(1, false), nullptr);
  // After a co_await that never suspends only.
  EXPECT_EQ(FirstUse(2, false), nullptr);
}

TEST(LocalFlow, EntersAHandlerAfterTheSuspensionsOfItsTryBlock) {
  auto AST = parse(std::string(Headers) + R"cpp(
void log(int);
void may_throw();
demo::task<> handlers(int Suspended, int Before, int Nested) {
  try {
    co_await demo::task<>();
  } catch (...) {
    log(Suspended);
  }
  try {
    may_throw();
  } catch (...) {
    log(Before);
  }
  try {
    try {
      co_await demo::task<>();
    } catch (int) {
    }
  } catch (...) {
    log(Nested);
  }
}
demo::task<> before_any(int Early) {
  try {
    may_throw();
  } catch (...) {
    log(Early);
  }
  co_await demo::task<>();
}
)cpp");
  auto After = [&](llvm::StringRef Name, unsigned Param) {
    const FunctionDecl *FD = function(*AST, Name);
    const ParmVarDecl *P = FD->getParamDecl(Param);
    FlowOf F(*FD, AST->getASTContext());
    bool Late = false;
    model::forEachOwnStmt(model::getUserBody(*FD), [&](const Stmt &S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(&S);
      Late |= Ref && Ref->getDecl() == P && F.Flow.mayRunAfterSuspension(S);
    });
    return Late;
  };
  EXPECT_TRUE(After("handlers", 0));
  // A handler of a try block that cannot suspend is not entered: only the
  // edges from suspension points are added (a limit: this one runs after
  // the first try statement's suspension).
  EXPECT_FALSE(After("handlers", 1));
  // The inner handler does not catch everything: on to the outer one.
  EXPECT_TRUE(After("handlers", 2));
  EXPECT_FALSE(After("before_any", 0));
}

TEST(Exceptions, FindsWhereAnExceptionEscapes) {
  auto AST = parse(std::string(Headers) + R"cpp(
#include <stdexcept>
extern "C" int puts(const char *);
void helper() { throw std::runtime_error("helper"); }
void quiet();
asio::awaitable<void> op();
asio::awaitable<void> throws() { throw std::runtime_error("x"); co_return; }
asio::awaitable<void> guarded() {
  try { helper(); } catch (...) { puts("caught"); }
  co_await throws();
}
struct settings_t {};
asio::awaitable<void> configured(settings_t) { throw std::runtime_error("y"); co_return; }
asio::awaitable<void> awaits_configured() { co_await configured(settings_t{}); }
asio::awaitable<void> caught() {
  try { helper(); } catch (const std::exception &) {}
  quiet();
  co_return;
}
struct other_error {};
asio::awaitable<void> narrow() {
  try { helper(); } catch (const other_error &) {}
  co_return;
}
asio::awaitable<void> typed() {
  try { helper(); } catch (const std::runtime_error &) {}
  co_return;
}
struct swallow {
  struct promise_type {
    swallow get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { puts("lost"); }
  };
};
struct keep {
  struct promise_type {
    std::exception_ptr Error;
    keep get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { Error = std::current_exception(); }
  };
};
)cpp");
  ASTContext &Ctx = AST->getASTContext();
  model::ThrowPolicy Policy;
  auto Escapes = [&](llvm::StringRef Name) {
    return model::firstEscapingThrow(
        model::getUserBody(*function(*AST, Name)), Policy, Ctx);
  };
  EXPECT_TRUE(isa_and_nonnull<CXXThrowExpr>(Escapes("throws")));
  // The handler catches everything; the awaited coroutine throws.
  EXPECT_TRUE(isa_and_nonnull<CoawaitExpr>(Escapes("guarded")));
  // A coroutine's last argument is no completion token, whatever its name.
  EXPECT_TRUE(isa_and_nonnull<CoawaitExpr>(Escapes("awaits_configured")));
  // std::exception catches what libraries throw; an opaque call is not
  // known to throw unless every call counts.
  EXPECT_EQ(Escapes("caught"), nullptr);
  Policy.AnyCall = true;
  EXPECT_NE(Escapes("caught"), nullptr);
  Policy.AnyCall = false;
  // A handler of another type lets the helper's exception through; one of
  // the type the helper throws catches it.
  EXPECT_TRUE(isa_and_nonnull<CallExpr>(Escapes("narrow")));
  EXPECT_EQ(Escapes("typed"), nullptr);

  auto Promise = [&](llvm::StringRef Name) {
    auto Found = match(cxxRecordDecl(hasName(Name)).bind("r"), Ctx);
    return Found.empty() ? nullptr : Found.front().getNodeAs<CXXRecordDecl>("r");
  };
  EXPECT_NE(model::swallowingUnhandledException(Promise("swallow::promise_type")),
            nullptr);
  EXPECT_EQ(model::swallowingUnhandledException(Promise("keep::promise_type")),
            nullptr);
}

TEST(Exceptions, FollowsATaskIntoTheCoroutineThatDropsItsExceptions) {
  auto AST = parse(std::string(Headers) + R"cpp(
#include <utility>
extern "C" int puts(const char *);
struct swallow {
  struct promise_type {
    swallow get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
swallow run(demo::task<> T) { co_await std::move(T); }
swallow run_caught(demo::task<> T) {
  try { co_await std::move(T); } catch (...) { puts("failed"); }
}
void direct(demo::task<> T) { run(std::move(T)); }
void through(demo::task<> T) { direct(std::move(T)); }
void too_deep(demo::task<> T) { through(std::move(T)); }
void caught(demo::task<> T) { run_caught(std::move(T)); }
void either(demo::task<> T, bool B) {
  if (B) run(std::move(T)); else run_caught(std::move(T));
}
)cpp");
  auto NothingAwaits = [](QualType T) { return !model::isAwaitableType(T); };
  auto Run = [&](llvm::StringRef Name) {
    const FunctionDecl *Fn = function(*AST, Name);
    return model::droppingRun(*Fn, *Fn->getParamDecl(0), NothingAwaits);
  };
  std::optional<model::DroppingRun> Direct = Run("direct");
  ASSERT_TRUE(Direct);
  EXPECT_EQ(Direct->Runner, function(*AST, "::run"));
  EXPECT_NE(Direct->Swallow, nullptr);
  EXPECT_EQ(Direct->HandedAt->getDirectCallee()->getName(), "run");
  // The runner itself; one function further; not two.
  std::optional<model::DroppingRun> Itself = Run("::run");
  ASSERT_TRUE(Itself);
  EXPECT_EQ(Itself->HandedAt, nullptr);
  std::optional<model::DroppingRun> Through = Run("through");
  ASSERT_TRUE(Through);
  EXPECT_EQ(Through->HandedAt->getDirectCallee()->getName(), "run");
  EXPECT_FALSE(Run("too_deep"));
  // A runner that catches everything; a choice between two runners; a type
  // that is awaited.
  EXPECT_FALSE(Run("caught"));
  EXPECT_FALSE(Run("either"));
  EXPECT_FALSE(model::droppingRun(*function(*AST, "::run"),
                                  *function(*AST, "::run")->getParamDecl(0),
                                  [](QualType) { return false; }));
}

TEST(SuspensionFlow, TellsWhatMayBeHeldWhereTheCoroutineSuspends) {
  auto AST = parse(std::string(Headers) + R"cpp(
struct guard { guard(); ~guard(); };
bool ready();
bool try_take();
void give_back();
demo::task<> sub();
demo::task<> scoped() {
  {
    guard G;
    co_await sub();
  }
  co_await sub();
}
demo::task<> in_initialiser() {
  guard G;
  int X = (co_await sub(), 1);
  (void)X;
}
demo::task<> on_one_path() {
  if (ready()) {
    guard G;
    co_return;
  }
  if (try_take())
    co_await sub();
  give_back();
  co_await sub();
}
)cpp");
  ASTContext &Ctx = AST->getASTContext();
  auto IsGuard = [](const VarDecl &V) {
    return V.getType().getAsString() == "guard";
  };
  model::FactTransfer T;
  auto Statement = [&](const Stmt &S, model::HeldFacts &Held) {
    if (const auto *D = dyn_cast<DeclStmt>(&S))
      if (const auto *V = dyn_cast<VarDecl>(D->getSingleDecl());
          V && IsGuard(*V))
        Held.try_emplace(V, &S);
    if (const auto *Call = dyn_cast<CallExpr>(&S);
        Call && Call->getDirectCallee() &&
        Call->getDirectCallee()->getName() == "give_back")
      Held.erase(nullptr);
  };
  auto Destroyed = [&](const VarDecl &V, model::HeldFacts &Held) {
    Held.erase(&V);
  };
  auto Branch = [&](const Expr &Cond, bool Taken, model::HeldFacts &Held) {
    const auto *Call = dyn_cast<CallExpr>(Cond.IgnoreParenImpCasts());
    if (Taken && Call && Call->getDirectCallee() &&
        Call->getDirectCallee()->getName() == "try_take")
      Held.try_emplace(nullptr, Call);
  };
  T.Statement = Statement;
  T.Destroyed = Destroyed;
  T.Branch = Branch;
  auto Held = [&](llvm::StringRef Name) {
    FlowOf F(*function(*AST, Name), Ctx);
    return F.Flow.heldAtSuspensions(T);
  };
  // Held at the first suspension, released at the end of its scope.
  std::vector<model::HeldAtSuspension> Scoped = Held("scoped");
  ASSERT_EQ(Scoped.size(), 1u);
  EXPECT_TRUE(isa<DeclStmt>(Scoped[0].Since));
  // A suspension inside an initialiser.
  EXPECT_EQ(Held("in_initialiser").size(), 1u);
  // Released by co_return's scope exit; taken on the true edge of a branch,
  // given back before the second suspension.
  std::vector<model::HeldAtSuspension> OnePath = Held("on_one_path");
  ASSERT_EQ(OnePath.size(), 1u);
  EXPECT_EQ(OnePath[0].Key, nullptr);
  EXPECT_TRUE(isa<CallExpr>(OnePath[0].Since));
  FlowOf Scope(*function(*AST, "scoped"), Ctx);
  EXPECT_EQ(Scope.Flow.points().size(), 2u);
}

TEST(SuspensionFlow, StopsAPathWhereWhatWasTakenIsTakenAgain) {
  auto AST = parse(std::string(Headers) + R"cpp(
int *take();
void use(int *);
demo::task<> sub();
demo::task<> straight() {
  int *P = take();
  co_await sub();
  use(P);
}
demo::task<> looped(int N) {
  for (int I = 0; I < N; ++I) {
    int *P = take();
    use(P);
    co_await sub();
  }
}
demo::task<> reassigned() {
  int *P = take();
  co_await sub();
  P = take();
  use(P);
}
)cpp");
  ASTContext &Ctx = AST->getASTContext();
  auto IsUse = [](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    return Call && Call->getDirectCallee() &&
           Call->getDirectCallee()->getName() == "use";
  };
  // What P holds is taken again by its declaration or an assignment.
  auto IsTaking = [](const Stmt &S) {
    return isa<DeclStmt>(S) ||
           (isa<BinaryOperator>(S) && cast<BinaryOperator>(S).isAssignmentOp());
  };
  auto Late = [&](llvm::StringRef Name, bool Ends) {
    const FunctionDecl *Fn = function(*AST, Name);
    auto Found = match(
        functionDecl(hasName(Name),
                     hasDescendant(declStmt(hasSingleDecl(varDecl(hasName("P"))))
                                       .bind("d"))),
        Ctx);
    FlowOf F(*Fn, Ctx);
    const model::SuspensionFlow &Flow = F.Flow;
    const auto &From = *Found.front().getNodeAs<DeclStmt>("d");
    return Ends ? Flow.firstUseAcross(From, IsUse, IsTaking)
                : Flow.firstUseAcross(From, IsUse);
  };
  EXPECT_TRUE(Late("straight", true).Use);
  EXPECT_TRUE(Late("straight", true).Suspension);
  // Without Ends, the walk goes round the loop to a use of a new P.
  EXPECT_TRUE(Late("looped", false).Use);
  EXPECT_FALSE(Late("looped", true).Use);
  EXPECT_TRUE(Late("reassigned", false).Use);
  EXPECT_FALSE(Late("reassigned", true).Use);
}

TEST(LocalFlow, TellsLoopsThatSuspendFromLoopsThatDoNot) {
  auto AST = parse(std::string(Headers) + R"cpp(
void spawn(int);
demo::task<> tick();
demo::task<> paced(bool B) {
  for (;;) {
    co_await tick();
    spawn(1);
  }
}
demo::task<> sometimes(bool B) {
  for (;;) {
    if (B)
      co_await tick();
    spawn(2);
  }
}
void plain(int N) {
  for (int I = 0; I < N; ++I)
    spawn(3);
  spawn(4);
}
)cpp");
  auto Repeats = [&](llvm::StringRef Fn, int Arg) {
    FlowOf F(*function(*AST, Fn), AST->getASTContext());
    return F.Flow.repeatsWithoutSuspending(*callTo(*AST, "spawn", Arg));
  };
  EXPECT_FALSE(Repeats("paced", 1));
  EXPECT_TRUE(Repeats("sometimes", 2));
  EXPECT_TRUE(Repeats("plain", 3));
  EXPECT_FALSE(Repeats("plain", 4));
}

// Each get() is tagged by the integer it is compared with: 1 is known
// ready there, 0 is not.
TEST(PathFacts, KnowsWhereAResultIsReady) {
  auto AST = parse(std::string(Headers) + R"cpp(
#include <vector>
using concurrencpp::result;
using concurrencpp::result_status;
result<int> compute();
void expect(int, int);
concurrencpp::lazy_result<void> paths(bool b, std::vector<result<int>> v) {
  result<int> r = compute();
  expect(r.get(), 0);
  if (b)
    co_await r.resolve();
  expect(r.get(), 0);
  co_await r.resolve();
  expect(r.get(), 1);
  r = compute();
  expect(r.get(), 0);
  if (r.status() != result_status::idle)
    expect(r.get(), 1);
  else
    expect(r.get(), 0);
  while (r.wait_for(1) == result_status::idle) {
    expect(r.get(), 0);
  }
  expect(r.get(), 1);
  auto all = co_await concurrencpp::when_all(v);
  expect(all[0].get(), 1);
  for (auto &e : all)
    expect(e.get(), 1);
  expect(v[0].get(), 0);
  auto any = co_await concurrencpp::when_any(v);
  expect(any.results[any.index].get(), 1);
  expect(any.results[0].get(), 0);
}
)cpp");
  const FunctionDecl *Paths = function(*AST, "paths");
  ASSERT_TRUE(Paths);
  model::Library Lib;
  model::AnalysisSession Session;
  model::AnalysisSession::LibraryId Id = Session.addLibrary(Lib);
  const model::PathFacts &Facts = Session.pathFacts(*Paths, Id);
  EXPECT_EQ(&Facts, &Session.pathFacts(*Paths, Id));
  auto Expects = match(
      callExpr(callee(functionDecl(hasName("expect"))),
               hasArgument(0, cxxMemberCallExpr().bind("get")),
               hasArgument(1, integerLiteral().bind("want"))),
      AST->getASTContext());
  ASSERT_EQ(Expects.size(), 13u);
  for (const BoundNodes &N : Expects) {
    const auto *Get = N.getNodeAs<CXXMemberCallExpr>("get");
    bool Want = N.getNodeAs<IntegerLiteral>("want")->getValue() != 0;
    EXPECT_EQ(Facts.isReadyAt(Get->getImplicitObjectArgument(), Get), Want)
        << "line " << AST->getSourceManager().getPresumedLineNumber(
                          Get->getBeginLoc());
  }
}

TEST(Expressions, StripsWrappersToTheRequestedDepth) {
  auto AST = parse(R"cpp(
#include <utility>
struct T { T(); T(const T &); T(T &&); explicit operator bool() const; };
void sink(T);
void sinkRef(const T &);
bool expect(bool);
void f(T Local) {
  sink(std::move(Local));
  sinkRef((Local));
  sink((T)Local);
  if (static_cast<bool>(Local)) {}
  if (__builtin_expect(bool(Local), 1)) {}
}
)cpp");
  ASSERT_TRUE(AST);
  using model::Wrappers;
  auto NamesLocal = [](const Expr *E) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
    return Ref && Ref->getDecl()->getName() == "Local";
  };
  // sink(std::move(Local)): the copy, the move and the temporary are not
  // another object; the syntax alone still shows the call to std::move.
  const Expr *Moved = callTo(*AST, "sink")->getArg(0);
  EXPECT_TRUE(NamesLocal(model::strip(Moved, Wrappers::Object)));
  EXPECT_FALSE(NamesLocal(model::strip(Moved, Wrappers::Syntax)));
  // sinkRef((Local)): parentheses and the implicit conversion to const.
  const Expr *Bound = callTo(*AST, "sinkRef")->getArg(0);
  EXPECT_TRUE(NamesLocal(model::strip(Bound, Wrappers::Syntax)));
  EXPECT_TRUE(NamesLocal(model::strip(Bound, Wrappers::Implicit)));
  // sink((T)Local): a cast written by the programmer stays, except when
  // asking which object is meant.
  auto Calls = match(
      callExpr(callee(functionDecl(hasName("sink")))).bind("c"),
      AST->getASTContext());
  ASSERT_EQ(Calls.size(), 2u);
  const Expr *Cast = Calls[1].getNodeAs<CallExpr>("c")->getArg(0);
  EXPECT_FALSE(NamesLocal(model::strip(Cast, Wrappers::Implicit)));
  EXPECT_TRUE(NamesLocal(model::strip(Cast, Wrappers::Object)));
  // Conditions: a cast to bool and __builtin_expect around the test.
  auto Ifs = match(ifStmt().bind("i"), AST->getASTContext());
  ASSERT_EQ(Ifs.size(), 2u);
  for (const BoundNodes &If : Ifs) {
    const Expr *Cond = If.getNodeAs<IfStmt>("i")->getCond();
    const Expr *Test = model::strip(Cond, Wrappers::Condition);
    const auto *Conversion = dyn_cast_or_null<CXXMemberCallExpr>(Test);
    ASSERT_TRUE(Conversion) << "line "
                            << AST->getSourceManager().getPresumedLineNumber(
                                   Cond->getBeginLoc());
    EXPECT_TRUE(NamesLocal(model::strip(Conversion->getImplicitObjectArgument(),
                                        Wrappers::Object)));
  }
  EXPECT_EQ(model::strip(nullptr, Wrappers::Object), nullptr);
}

TEST(Expressions, FindsWhatACallReadsWhenItRuns) {
  auto AST = parse(R"cpp(
struct Box { int K; int plus(int) const; int operator()(int) const; };
struct Holder { Box Inner; };
int add(const Box &, int);
int addValue(int, int);
struct Owner {
  Box Own;
  void f(const Box &B, const Holder &H, const Box *P) {
    B.plus(1);
    B(2);
    add(B, 3);
    H.Inner.plus(4);
    Own.plus(5);
    P->plus(6);
    addValue(B.K, 7);
  }
};
)cpp");
  ASSERT_TRUE(AST);
  // Each call of f, in order, and the names of what it reads when it runs
  // ("this" for the object itself).
  auto Calls = match(
      callExpr(hasAncestor(cxxMethodDecl(hasName("f")))).bind("c"),
      AST->getASTContext());
  std::vector<std::string> Reads;
  for (const BoundNodes &Call : Calls) {
    std::string Names;
    model::forEachReadAtCall(*Call.getNodeAs<CallExpr>("c"),
                             [&](const Expr &Read) {
                               if (isa<CXXThisExpr>(Read))
                                 Names += "this ";
                               else if (const auto *Ref =
                                            dyn_cast<DeclRefExpr>(&Read))
                                 Names += Ref->getDecl()->getName().str() + " ";
                             });
    Reads.push_back(Names);
  }
  // B.plus, B(), add(B, ...), H.Inner.plus, Own.plus (through this), and
  // neither a pointer's object nor a value argument.
  EXPECT_EQ(Reads, (std::vector<std::string>{"B ", "B ", "B ", "H ", "this ",
                                              "", ""}));
  int Count = 0;
  model::forEachReadAtCall(*Calls.front().getNodeAs<CallExpr>("c")->getArg(0),
                           [&](const Expr &) { ++Count; });
  EXPECT_EQ(Count, 0);
}

TEST(CallInfo, FindsTheCompletionTokenAsTheLastArgumentWritten) {
  auto AST = parse(R"cpp(
struct use_awaitable_t {};
struct detached_t {};
struct constraint {};
void async_read(int Fd, use_awaitable_t Token, constraint = {});
void spawn(int Work, detached_t Token);
void none();
void f() {
  async_read(1, use_awaitable_t{});
  spawn(2, detached_t{});
  none();
}
)cpp");
  ASSERT_TRUE(AST);
  EXPECT_EQ(model::completionTokenName(*callTo(*AST, "async_read")),
            "::use_awaitable_t");
  EXPECT_EQ(model::completionTokenName(*callTo(*AST, "spawn")), "::detached_t");
  EXPECT_EQ(model::completionToken(*callTo(*AST, "none")), nullptr);
  EXPECT_EQ(model::completionTokenName(*callTo(*AST, "none")), "");
}

namespace {

/// The local variable named \p Name, declared in a function body.
const VarDecl *local(ASTUnit &AST, llvm::StringRef Name) {
  auto Found =
      match(varDecl(hasName(Name), hasLocalStorage()).bind("v"),
            AST.getASTContext());
  return Found.empty() ? nullptr : Found.front().getNodeAs<VarDecl>("v");
}

} // namespace

TEST(ContainerHolds, TellsWhatALocalHoldsIntoAContainer) {
  auto AST = parse(R"cpp(
#include <string>
#include <string_view>
#include <vector>
struct store {
  std::vector<int> items_;
  std::string name_;
  void use() {
    auto It = items_.begin();
    int &Ref = items_[0];
    int *Ptr = &items_.front();
    int Copy = items_[0];
    std::string_view View = name_;
    std::string_view Literal = "x";
  }
};
)cpp");
  const FieldDecl *Items = nullptr, *Name = nullptr;
  for (const auto &Match :
       match(fieldDecl().bind("f"), AST->getASTContext())) {
    const auto *Field = Match.getNodeAs<FieldDecl>("f");
    (Field->getName() == "items_" ? Items : Name) = Field;
  }
  ASSERT_TRUE(Items && Name);
  model::Held H = model::Held::Element;
  EXPECT_EQ(model::elementSource(*local(*AST, "It"), H), Items);
  EXPECT_EQ(H, model::Held::Iterator);
  EXPECT_EQ(model::elementSource(*local(*AST, "Ref"), H), Items);
  EXPECT_EQ(H, model::Held::Element);
  EXPECT_EQ(model::elementSource(*local(*AST, "Ptr"), H), Items);
  EXPECT_EQ(H, model::Held::Element);
  // A copy of an element points nowhere.
  EXPECT_EQ(model::elementSource(*local(*AST, "Copy"), H), nullptr);
  model::NameMatcher Views("::std::basic_string_view");
  EXPECT_EQ(model::viewedContainer(local(*AST, "View")->getInit(), Views),
            Name);
  EXPECT_EQ(model::viewedContainer(local(*AST, "Literal")->getInit(), Views),
            nullptr);
}

TEST(CoroutineCalls, TellsWhichParametersReferToTheCaller) {
  auto AST = parse(R"cpp(
#include <functional>
#include <string_view>
void f(int &A, const int *B, void (*C)(), std::string_view D, int E,
       std::reference_wrapper<int> G) {}
)cpp");
  const FunctionDecl *F = function(*AST, "f");
  ASSERT_TRUE(F && F->getNumParams() == 6);
  model::NameMatcher Views("::std::basic_string_view");
  auto Refers = [&](unsigned I, bool Wrappers) {
    return model::refersThrough(*F->getParamDecl(I), Views, Wrappers);
  };
  EXPECT_TRUE(Refers(0, false));  // a reference
  EXPECT_TRUE(Refers(1, false));  // a pointer
  EXPECT_FALSE(Refers(2, false)); // a function pointer
  EXPECT_TRUE(Refers(3, false));  // a view
  EXPECT_FALSE(Refers(4, false)); // a value
  EXPECT_FALSE(Refers(5, false));
  EXPECT_TRUE(Refers(5, true)); // std::reference_wrapper, when asked
}

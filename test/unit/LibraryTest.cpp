//===--- LibraryTest.cpp - async-lint -------------------------------------===//
//
// The shared lists' defaults, composed from the libraries' tables
// (Libraries.def), hold the same names as the lists written per concept
// before the tables (the strings below, as docs/configuration.md lists
// them): moving knowledge between tables must not drop or add an entry.
//
//===----------------------------------------------------------------------===//

#include "Model/Library.h"
#include "gtest/gtest.h"
#include "llvm/ADT/StringExtras.h"
#include <set>

namespace clang::tidy::async::model {
namespace {

std::set<std::string> namesOf(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  List.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::set<std::string> Names;
  for (llvm::StringRef P : Parts)
    Names.insert(P.trim().str());
  return Names;
}

struct Documented {
  const char *List;
  const char *Names;
};

const Documented Lists[] = {
    {"TaskTypes",
     "asio::awaitable;asio::experimental::coro;cppcoro::task;"
     "cppcoro::shared_task;cppcoro::generator;folly::coro::Task;"
     "folly::coro::AsyncGenerator;::coro::task;::coro::generator;"
     "async_simple::coro::Lazy;concurrencpp::result;"
     "concurrencpp::lazy_result;::exec::task;boost::cobalt::task;"
     "boost::cobalt::promise;boost::cobalt::generator;seastar::future"},
    {"FireAndForgetTypes",
     "concurrencpp::null_result;boost::cobalt::detached"},
    {"SpawnFunctions",
     "asio::co_spawn;boost::asio::spawn;boost::cobalt::spawn;"
     "folly::coro::Task::start;folly::coro::Task::startInlineUnsafe;"
     "folly::coro::TaskWithExecutor::start;exec::async_scope::spawn;"
     "::coro::thread_pool::spawn;::coro::io_scheduler::spawn;"
     "::coro::thread_pool::spawn_detached;"
     "async_simple::coro::Lazy::start;"
     "async_simple::coro::RescheduleLazy::detach;seastar::spawn;"
     "co_spawn;spawn;start_detached"},
    {"DetachedTokens",
     "asio::detached;asio::detached_t"},
    {"DeferredTokens",
     "asio::use_awaitable_t;asio::deferred_t;"
     "asio::experimental::use_coro_t"},
    {"SyncWaitFunctions",
     "::cppcoro::sync_wait;::folly::coro::blockingWait;"
     "::stdexec::sync_wait;::stdexec::sync_wait_with_variant;"
     "::std::this_thread::sync_wait;::async_simple::coro::syncAwait;"
     "::coro::sync_wait;asio::io_context::run;asio::io_context::run_one;"
     "asio::io_context::run_for;asio::io_context::run_until;"
     "asio::thread_pool::join;asio::thread_pool::wait;"
     "::agrpc::GrpcContext::run;sync_wait;"
     "blockingWait;blocking_wait;syncAwait;sync_await"},
    {"JoinMembers",
     "concurrencpp::result::get;concurrencpp::result::wait;"
     "concurrencpp::shared_result::get;"
     "concurrencpp::shared_result::wait;seastar::future::get;"
     "folly::SemiFuture::get;folly::Future::get;::std::future::get;"
     "::std::future::wait"},
    {"JoiningExecutors",
     "async_simple::executors::SimpleExecutor;::coro::thread_pool;"
     "::coro::scheduler;::coro::io_scheduler;"
     "cppcoro::static_thread_pool;asio::thread_pool;"
     "concurrencpp::runtime;folly::CPUThreadPoolExecutor;"
     "folly::IOThreadPoolExecutor"},
    {"JoinFunctions",
     "::coro::thread_pool::shutdown;::coro::scheduler::shutdown;"
     "asio::thread_pool::join;asio::thread_pool::wait;"
     "::yaclib::ManualExecutor::Drain"},
    {"CombinatorFunctions",
     "when_all;when_any;when_all_ready;collectAll;collectAny;"
     "collectAllRange;collectAnyRange;collectAllTry;boost::cobalt::race;"
     "boost::cobalt::join;boost::cobalt::gather;"
     "asio::experimental::make_parallel_group"},
    {"KeepAliveFunctions",
     "folly::coro::co_invoke;::coro::invoke;co_invoke"},
    {"NonSuspendingAwaitables",
     "asio::this_coro::executor_t;asio::this_coro::cancellation_state_t;"
     "asio::this_coro::reset_cancellation_state_0_t;"
     "asio::this_coro::throw_if_cancelled_0_t"},
    {"AsyncSleepFunctions",
     "asio::basic_waitable_timer::async_wait;"
     "asio::basic_deadline_timer::async_wait;folly::coro::sleep;"
     "::coro::scheduler::yield_for;::coro::io_scheduler::yield_for;"
     "async_simple::coro::sleep;boost::cobalt::sleep;seastar::sleep"},
    {"AsyncMutexes",
     "cppcoro::async_mutex;folly::coro::Mutex;folly::coro::SharedMutex;"
     "::coro::mutex;async_simple::coro::Mutex;"
     "async_simple::coro::SharedMutex;concurrencpp::async_lock;"
     "seastar::shared_mutex;ssx::mutex"},
    {"Limiters",
     "cppcoro::static_thread_pool;folly::coro::Baton;::coro::semaphore;"
     "async_simple::coro::CountingSemaphore;asio::experimental::channel;"
     "asio::experimental::concurrent_channel;boost::cobalt::channel;"
     "seastar::semaphore"},
    {"WaitMembers",
     "::std::counting_semaphore::acquire;::std::latch::wait;"
     "::std::latch::arrive_and_wait;::std::barrier::arrive_and_wait;"
     "::coro::latch::operator co_await;::dd::gate::close;"
     "::yaclib::WaitGroup::Wait;::yaclib::WaitGroup::operator co_await;"
     "::yaclib::WaitGroup::AwaitInline;::yaclib::WaitGroup::AwaitSticky;"
     "::yaclib::WaitGroup::AwaitOn;::coro::wait_group_t::wait;"
     "::coro::wait_group_t::operator co_await;::coro::latch_t::wait;"
     "::coro::latch_t::operator co_await;::coro::latch_t::arrive_and_wait;"
     "::tmc::mutex::operator co_await;::tmc::mutex::lock_scope;"
     "::tmc::semaphore::operator co_await;::tmc::semaphore::acquire_scope;"
     "asio::basic_waitable_timer::async_wait;"
     "asio::basic_waitable_timer::wait;QEventLoop::exec"},
    {"SignalMembers",
     "::std::counting_semaphore::release;::std::latch::count_down;"
     "::std::latch::arrive_and_wait;::std::barrier::arrive;"
     "::std::barrier::arrive_and_wait;::std::barrier::arrive_and_drop;"
     "::coro::latch::count_down;::dd::gate::leave;"
     "::yaclib::WaitGroup::Done;::coro::wait_group_t::done;"
     "::coro::latch_t::count_down;::coro::latch_t::arrive_and_wait;"
     "::tmc::mutex::unlock;::tmc::mutex::co_unlock;"
     "::tmc::mutex::co_unlock_return;::tmc::semaphore::release;"
     "::tmc::semaphore::co_release;::tmc::semaphore::co_release_return;"
     "asio::basic_waitable_timer::cancel;"
     "asio::basic_waitable_timer::expires_at;"
     "asio::basic_waitable_timer::expires_after;QEventLoop::quit;"
     "QEventLoop::exit"},
    {"CurrentExecutorAwaitables",
     "async_simple::CurrentExecutor"},
    {"PromiseFutureMembers",
     "async_simple::Promise::getFuture;"
     "concurrencpp::result_promise::get_result;seastar::promise::get_future"},
    {"InlineStartCombinators", "::async_simple::coro::collectAll"},
    {"AlwaysTrueFunctions",
     "::testing::internal::AlwaysTrue;::Catch::AssertionHandler::allowThrows"},
    {"AsyncLockFunctions", "seastar::get_units"},
    {"ContextStopMembers",
     "asio::io_context::stop;asio::thread_pool::stop;"
     "::agrpc::GrpcContext::stop"},
    {"WorkDestroyingContexts", "asio::execution_context"},
    {"AlwaysFalseFunctions", "::boost::test_tools::tt_detail::dummy_cond"},
    {"ReadyOnAwait",
     "concurrencpp::result::resolve;"
     "concurrencpp::shared_result::resolve;"
     "concurrencpp::lazy_result::resolve"},
    {"ReadyAfterCall",
     "::std::future::wait;::std::shared_future::wait;"
     "concurrencpp::result::wait;concurrencpp::shared_result::wait;"
     "folly::SemiFuture::wait;folly::Future::wait;"
     "asyncpp::event::set_value;asyncpp::basic_event::set_exception;"
     "asyncpp::broadcast_event::set_value;"
     "asyncpp::basic_broadcast_event::set_exception;"
     "dpp::basic_promise::set_value;dpp::basic_promise::emplace_value;"
     "dpp::detail::promise::promise_base::set_exception;"
     "dpp::moveable_promise::set_value;dpp::moveable_promise::emplace_value;"
     "dpp::moveable_promise::set_exception"},
    {"StatusQueries",
     "::std::future::wait_for;::std::future::wait_until;"
     "::std::shared_future::wait_for;::std::shared_future::wait_until;"
     "concurrencpp::result::status;concurrencpp::result::wait_for;"
     "concurrencpp::result::wait_until;"
     "concurrencpp::lazy_result::status;"
     "concurrencpp::shared_result::status;"
     "concurrencpp::shared_result::wait_for;"
     "concurrencpp::shared_result::wait_until"},
    {"PendingStates",
     "::std::future_status::timeout;::std::future_status::deferred;"
     "concurrencpp::result_status::idle"},
    {"AllReadyCombinators",
     "concurrencpp::when_all;corolib::when_all;cppcoro::when_all_ready;"
     "folly::collectAll;folly::coro::collectAllTry;"
     "folly::coro::collectAllTryRange"},
    {"AnyReadyCombinators",
     "concurrencpp::when_any;corolib::when_any"},
    {"AssertionFunctions",
     "assert_true;assert_equal"},
    {"TestFailureReports",
     "::testing::internal::AssertHelper::operator=;"
     "::QTest::qVerify;::QTest::qCompare;::QTest::qFail"},
};

TEST(LibraryTables, ComposeTheDocumentedDefaults) {
  std::set<std::string> Seen;
  Library Lib;
  Lib.forEachList([&](llvm::StringRef Name, llvm::StringRef Value) {
    Seen.insert(Name.str());
    const Documented *D = nullptr;
    for (const Documented &L : Lists)
      if (Name == L.List)
        D = &L;
    ASSERT_NE(D, nullptr) << Name.str();
    EXPECT_EQ(namesOf(Value), namesOf(D->Names)) << Name.str();
    EXPECT_EQ(Value, Library::defaultOf(Name)) << Name.str();
  });
  EXPECT_EQ(Seen.size(), std::size(Lists));
}

TEST(LibraryTables, EveryEntryIsOneLibrarysKnowledgeOfAList) {
  std::set<std::string> Libraries;
  Library::forEachTableEntry(
      [&](llvm::StringRef Lib, llvm::StringRef List, llvm::StringRef Names) {
        Libraries.insert(Lib.str());
        EXPECT_FALSE(Library::defaultOf(List).empty()) << List.str();
        EXPECT_FALSE(Names.empty()) << Lib.str() << " " << List.str();
        // A library's table holds its own names (the common vocabulary is
        // the table of no library: unqualified names).
        for (const std::string &N : namesOf(Names))
          EXPECT_EQ(Lib == "generic", N.find("::") == std::string::npos)
              << Lib.str() << ": " << N;
      });
  EXPECT_TRUE(Libraries.count("libcoro"));
  EXPECT_TRUE(Libraries.count("generic"));
  EXPECT_TRUE(Library::defaultOf("NoSuchList").empty());
}

} // namespace
} // namespace clang::tidy::async::model

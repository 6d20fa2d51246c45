//===--- Library.cpp - async-lint -----------------------------------------===//
//
// Known libraries are named by qualified names; the common vocabulary
// (co_spawn, spawn, sync_wait, when_all, ...) also matches in any namespace,
// since in-house coroutine libraries reuse these names.
//
//===----------------------------------------------------------------------===//

#include "Library.h"

namespace clang::tidy::async::model {

const Library::Entry Library::Entries[] = {
    {"TaskTypes", &Library::TaskTypes,
     "asio::awaitable;asio::experimental::coro;cppcoro::task;"
     "cppcoro::shared_task;cppcoro::generator;folly::coro::Task;"
     "folly::coro::AsyncGenerator;::coro::task;::coro::generator;"
     "async_simple::coro::Lazy;concurrencpp::result;concurrencpp::lazy_result;"
     "::exec::task;boost::cobalt::task;boost::cobalt::promise;"
     "boost::cobalt::generator;seastar::future"},
    {"FireAndForgetTypes", &Library::FireAndForgetTypes,
     "concurrencpp::null_result;boost::cobalt::detached"},
    {"SpawnFunctions", &Library::SpawnFunctions,
     "asio::co_spawn;boost::asio::spawn;boost::cobalt::spawn;"
     "folly::coro::Task::start;folly::coro::Task::startInlineUnsafe;"
     "folly::coro::TaskWithExecutor::start;exec::async_scope::spawn;"
     "::coro::thread_pool::spawn;::coro::io_scheduler::spawn;"
     "::coro::thread_pool::spawn_detached;"
     "async_simple::coro::Lazy::start;async_simple::coro::RescheduleLazy::"
     "detach;seastar::spawn;co_spawn;spawn;start_detached"},
    {"DetachedTokens", &Library::DetachedTokens,
     "asio::detached;asio::detached_t"},
    {"DeferredTokens", &Library::DeferredTokens,
     "asio::use_awaitable_t;asio::deferred_t;asio::experimental::use_coro_t"},
    {"SyncWaitFunctions", &Library::SyncWaitFunctions,
     DefaultSyncWaitFunctions},
    {"JoinMembers", &Library::JoinMembers,
     "concurrencpp::result::get;concurrencpp::result::wait;"
     "concurrencpp::shared_result::get;concurrencpp::shared_result::wait;"
     "seastar::future::get;folly::SemiFuture::get;folly::Future::get;"
     "::std::future::get;::std::future::wait"},
    {"JoiningExecutors", &Library::JoiningExecutors,
     "async_simple::executors::SimpleExecutor;::coro::thread_pool;"
     "::coro::scheduler;::coro::io_scheduler;cppcoro::static_thread_pool;asio::"
     "thread_pool;"
     "concurrencpp::runtime;folly::CPUThreadPoolExecutor;"
     "folly::IOThreadPoolExecutor"},
    {"JoinFunctions", &Library::JoinFunctions,
     "::coro::thread_pool::shutdown;::coro::scheduler::shutdown;"
     "asio::thread_pool::join;asio::thread_pool::wait"},
    {"CombinatorFunctions", &Library::CombinatorFunctions,
     "when_all;when_any;when_all_ready;collectAll;collectAny;collectAllRange;"
     "collectAnyRange;collectAllTry;boost::cobalt::race;boost::cobalt::join;"
     "boost::cobalt::gather;asio::experimental::make_parallel_group"},
    {"KeepAliveFunctions", &Library::KeepAliveFunctions,
     "folly::coro::co_invoke;::coro::invoke;co_invoke"},
    {"NonSuspendingAwaitables", &Library::NonSuspendingAwaitables,
     "asio::this_coro::executor_t;asio::this_coro::cancellation_state_t;"
     "asio::this_coro::reset_cancellation_state_0_t;"
     "asio::this_coro::throw_if_cancelled_0_t"},
    {"AsyncSleepFunctions", &Library::AsyncSleepFunctions,
     "asio::basic_waitable_timer::async_wait;asio::basic_deadline_timer::"
     "async_wait;folly::coro::sleep;::coro::scheduler::yield_for;"
     "::coro::io_scheduler::yield_for;"
     "async_simple::coro::sleep;boost::cobalt::sleep;seastar::sleep"},
    {"AsyncMutexes", &Library::AsyncMutexes,
     "cppcoro::async_mutex;folly::coro::Mutex;folly::coro::SharedMutex;"
     "::coro::mutex;async_simple::coro::Mutex;async_simple::coro::SharedMutex;"
     "concurrencpp::async_lock"},
    {"Limiters", &Library::Limiters,
     "cppcoro::static_thread_pool;folly::coro::Baton;::coro::semaphore;"
     "async_simple::coro::CountingSemaphore;asio::experimental::channel;"
     "asio::experimental::concurrent_channel;boost::cobalt::channel;"
     "seastar::semaphore"},
    {"WaitMembers", &Library::WaitMembers,
     "::std::counting_semaphore::acquire;::std::latch::wait;"
     "::std::latch::arrive_and_wait;::std::barrier::arrive_and_wait;"
     "::coro::latch::operator co_await"},
    {"SignalMembers", &Library::SignalMembers,
     "::std::counting_semaphore::release;::std::latch::count_down;"
     "::std::latch::arrive_and_wait;::std::barrier::arrive;"
     "::std::barrier::arrive_and_wait;::std::barrier::arrive_and_drop;"
     "::coro::latch::count_down"},
    {"CurrentExecutorAwaitables", &Library::CurrentExecutorAwaitables,
     "async_simple::CurrentExecutor"},
    // What makes a result ready (PathFacts.h).
    {"ReadyOnAwait", nullptr,
     "concurrencpp::result::resolve;concurrencpp::shared_result::resolve;"
     "concurrencpp::lazy_result::resolve",
     &ReadinessKnowledge::ReadyOnAwait},
    {"ReadyAfterCall", nullptr,
     "::std::future::wait;::std::shared_future::wait;"
     "concurrencpp::result::wait;concurrencpp::shared_result::wait;"
     "folly::SemiFuture::wait;folly::Future::wait",
     &ReadinessKnowledge::ReadyAfterCall},
    {"StatusQueries", nullptr,
     "::std::future::wait_for;::std::future::wait_until;"
     "::std::shared_future::wait_for;::std::shared_future::wait_until;"
     "concurrencpp::result::status;concurrencpp::result::wait_for;"
     "concurrencpp::result::wait_until;concurrencpp::lazy_result::status;"
     "concurrencpp::shared_result::status;"
     "concurrencpp::shared_result::wait_for;"
     "concurrencpp::shared_result::wait_until",
     &ReadinessKnowledge::StatusQueries},
    {"PendingStates", nullptr,
     "::std::future_status::timeout;::std::future_status::deferred;"
     "concurrencpp::result_status::idle",
     &ReadinessKnowledge::PendingStates},
    {"AllReadyCombinators", nullptr,
     "concurrencpp::when_all;cppcoro::when_all_ready;folly::collectAll;"
     "folly::coro::collectAllTry;folly::coro::collectAllTryRange",
     &ReadinessKnowledge::AllReadyCombinators},
    {"AnyReadyCombinators", nullptr, "concurrencpp::when_any",
     &ReadinessKnowledge::AnyReadyCombinators},
    {"AssertionFunctions", nullptr, "assert_true;assert_equal",
     &ReadinessKnowledge::Assertions},
};

Library::Library() {
  for (const Entry &E : Entries)
    field(E) = NameMatcher(E.Default);
  Readiness.HandleTypes = TaskTypes;
}

Library::Library(
    llvm::function_ref<std::string(StringRef Name, StringRef Default)> Read) {
  for (const Entry &E : Entries)
    field(E) = NameMatcher(Read(E.Name, E.Default));
  Readiness.HandleTypes = TaskTypes;
}

void Library::forEachList(
    llvm::function_ref<void(StringRef Name, StringRef Value)> Visit) const {
  for (const Entry &E : Entries)
    Visit(E.Name, field(E).str());
}

} // namespace clang::tidy::async::model

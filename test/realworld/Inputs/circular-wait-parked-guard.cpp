// async-circular-wait's parked-guard shape on the real headers of cppcoro,
// libcoro and async_simple: a guard moved into a lazy task that is kept and
// not awaited, then the same mutex awaited again.
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/Mutex.h>
#include <coro/mutex.hpp>
#include <coro/task.hpp>
#include <cppcoro/async_mutex.hpp>
#include <cppcoro/task.hpp>
#include <mutex>
#include <utility>

cppcoro::task<> keep(cppcoro::async_mutex_lock guard) { co_return; }
cppcoro::task<> with_cppcoro(cppcoro::async_mutex &m) {
  auto guard = co_await m.scoped_lock_async();
  auto later = keep(std::move(guard));
  co_await m.lock_async();
  co_await later;
}

coro::task<> hold(coro::scoped_lock guard) { co_return; }
coro::task<> with_libcoro(coro::mutex &m) {
  auto guard = co_await m.scoped_lock();
  auto later = hold(std::move(guard));
  auto again = co_await m.scoped_lock();
  co_await later;
}

using AsyncMutex = async_simple::coro::Mutex;
async_simple::coro::Lazy<> retain(std::unique_lock<AsyncMutex> guard) {
  co_return;
}
async_simple::coro::Lazy<> with_async_simple(AsyncMutex &m) {
  auto guard = co_await m.coScopedLock();
  auto later = retain(std::move(guard));
  co_await m.coLock();
  co_await std::move(later);
}

// Silent twins: the task awaited before the relock.
coro::task<> awaited_first(coro::mutex &m) {
  auto guard = co_await m.scoped_lock();
  auto later = hold(std::move(guard));
  co_await later;
  auto again = co_await m.scoped_lock();
}
async_simple::coro::Lazy<> awaited_first(AsyncMutex &m) {
  auto guard = co_await m.coScopedLock();
  co_await retain(std::move(guard));
  co_await m.coLock();
  m.unlock();
}

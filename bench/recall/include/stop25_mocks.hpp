// Mocks for the stop-25 batch of the recall corpus (bench/recall), written for
// it; not taken from any project. The earlier mocks are included, not changed,
// and no case of the earlier batches includes this header.
//
// - locator::token_metadata / shared_token_metadata (ScyllaDB): the current
//   token metadata is owned by an lw_shared_ptr held in shared_token_metadata;
//   set() replaces it, and the old one dies when its last pointer does.
//   tablet_map::for_each_tablet calls the function for each tablet and may
//   yield between tablets (an eager future).
// - folly::coro::Task<T> (lazy), folly::coro::Baton (awaitable, post() wakes
//   the waiter), folly::CancellationToken / CancellationCallback, and
//   folly::coro::co_withExecutor(executor, task).start(), which starts the
//   task on the executor and detaches it. folly::Try<T>, co_awaitTry (awaits
//   a task and yields a Try holding its value or exception) and makeGuard (a
//   scope guard that calls the function when it dies).
// - pqxx::connection / pqxx::work (libpqxx): exec() and commit() send the
//   statement to the PostgreSQL server and wait for its answer on the calling
//   thread.
// - kj (Cap'n Proto's KJ): Promise<T> (here the corpus's lazy task),
//   ArrayPtr<T> (a non-owning view), String (here std::string) and
//   WebSocket, whose send() borrows the buffer until its promise resolves.
// - WebKit's CheckedPtr<T>: a non-owning pointer (it asserts, in the real
//   one, when its referent dies while it is alive), and Awaitable<T>, here the
//   corpus's lazy task.
#pragma once
#include "recall_task.hpp"
#include "seastar_sync_mock.hpp"
#include <coroutine>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace seastar {
inline future<> make_ready_future() { return {}; }
} // namespace seastar

namespace locator {
using table_id = int;
using tablet_id = int;
struct tablet_info {
  std::vector<std::string> replicas;
};
class tablet_map {
public:
  // Calls func(tid, info) for every tablet; may yield between tablets.
  seastar::future<> for_each_tablet(
      std::function<seastar::future<>(tablet_id, const tablet_info &)> func)
      const;
};
class tablet_metadata {
public:
  const tablet_map &get_tablet_map(table_id id) const;
};
class topology {
public:
  // dc -> rack -> nodes
  const std::map<std::string, std::map<std::string, std::set<int>>> &
  get_datacenter_racks() const;
};
class token_metadata {
public:
  const topology &get_topology() const;
  const tablet_metadata &tablets() const;
};
using token_metadata_ptr = seastar::lw_shared_ptr<const token_metadata>;
class shared_token_metadata {
public:
  token_metadata_ptr get() const noexcept { return current_; }
  // Replaces the current metadata (a topology change applied by Raft).
  void set(token_metadata_ptr tm) noexcept { current_ = std::move(tm); }

private:
  token_metadata_ptr current_;
};
} // namespace locator

namespace folly {
class CancellationToken {};
class CancellationCallback {
public:
  CancellationCallback(const CancellationToken &token,
                       std::function<void()> callback);
  ~CancellationCallback();
};
class EventBase {};
namespace coro {
template <class T = void> using Task = rc::task<T>;
class Baton {
public:
  void post() noexcept;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() const noexcept {}
};
template <class T> class TaskWithExecutor {
public:
  TaskWithExecutor(EventBase *evb, Task<T> task)
      : evb_(evb), task_(std::move(task)) {}
  // Starts the task on the executor and detaches it: nothing waits for it.
  void start() &&;

private:
  EventBase *evb_;
  Task<T> task_;
};
template <class T>
TaskWithExecutor<T> co_withExecutor(EventBase *evb, Task<T> task) {
  return TaskWithExecutor<T>(evb, std::move(task));
}
} // namespace coro
template <class T> class Try {
public:
  bool hasException() const;
  T &value();
};
namespace coro {
template <class T> Task<Try<T>> co_awaitTry(Task<T> task);
} // namespace coro
template <class F> class ScopeGuard {
public:
  explicit ScopeGuard(F f) : f_(std::move(f)) {}
  ~ScopeGuard() { f_(); }

private:
  F f_;
};
template <class F> ScopeGuard<F> makeGuard(F f) {
  return ScopeGuard<F>(std::move(f));
}
} // namespace folly

namespace pqxx {
class result {};
class connection {
public:
  explicit connection(const std::string &options);
};
class work {
public:
  explicit work(connection &c);
  result exec(const std::string &query); // blocks until the server answers
  void commit();                         // blocks until the server answers
};
} // namespace pqxx

namespace kj {
template <class T> using Promise = rc::task<T>;
using String = std::string;
template <class T> class ArrayPtr {
public:
  ArrayPtr(T *ptr, std::size_t size) : ptr_(ptr), size_(size) {}
  T *begin() const { return ptr_; }
  std::size_t size() const { return size_; }

private:
  T *ptr_;
  std::size_t size_;
};
inline ArrayPtr<const char> asArray(const String &s) {
  return ArrayPtr<const char>(s.data(), s.size());
}
class WebSocket {
public:
  Promise<String> receive();
  // The buffer must remain valid until the returned promise resolves.
  Promise<void> send(ArrayPtr<const char> message);
};
} // namespace kj

namespace WebKit {
template <class T> class CheckedPtr {
public:
  CheckedPtr(T *p = nullptr) : p_(p) {}
  T *operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

private:
  T *p_;
};
template <class T> using Awaitable = rc::task<T>;
} // namespace WebKit

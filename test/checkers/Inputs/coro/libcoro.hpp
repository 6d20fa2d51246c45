// Mock libcoro: a lazy task, executors that start a task detached, and the
// self-deleting task they wrap it in (its promise drops the exception).
#pragma once
#include <coroutine>
#include <exception>
namespace coro {
template <class T = void> class task {
public:
  struct promise_type {
    std::exception_ptr Error;
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept { Error = std::current_exception(); }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};
class thread_pool {
public:
  // Awaited, it resumes the coroutine on one of the pool's threads.
  struct schedule_operation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  [[nodiscard]] schedule_operation schedule();
  bool spawn_detached(task<void> &&) noexcept;
  task<void> spawn_joinable(task<void> &&) noexcept;
  // The pool is made from options and held by the pointer returned (a
  // std::unique_ptr in libcoro; the suite's <memory> has none, since tests
  // declare their own).
  struct options {
    unsigned thread_count = 4;
    int on_thread_start_functor = 0;
  };
  template <class T> struct owner {
    T *operator->() const;
    T &operator*() const;
  };
  static owner<thread_pool> make_unique(options opts);
  static owner<thread_pool> make_unique();
  // Joins the pool's threads once the tasks scheduled have run.
  void shutdown() noexcept;
};
// Blocks the calling thread until the awaitable ends.
template <class Awaitable> auto sync_wait(Awaitable &&) { return 0; }
class scheduler {
public:
  // By default the scheduler runs its own event thread and a thread pool;
  // with the manual thread strategy and inline processing, the work spawned
  // on it runs only inside the owner's process_events().
  enum class thread_strategy_t { spawn, manual };
  enum class execution_strategy_t {
    process_tasks_on_thread_pool,
    process_tasks_inline
  };
  struct options {
    thread_strategy_t thread_strategy{thread_strategy_t::spawn};
    int on_io_thread_start_functor = 0;
    thread_pool::options pool{};
    execution_strategy_t execution_strategy{
        execution_strategy_t::process_tasks_on_thread_pool};
  };
  static thread_pool::owner<scheduler> make_unique(options opts);
  static thread_pool::owner<scheduler> make_unique();
  unsigned long process_events(int timeout = 0);
  bool spawn_detached(task<void> &&);
  task<void> spawn_joinable(task<void> &&);
  void shutdown() noexcept;
};
template <class Executor> class task_group {
public:
  explicit task_group(Executor *);
  [[nodiscard]] bool start(task<void> &&);
  // Awaited, it waits until every task started in the group has ended.
  struct empty_awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  empty_awaiter operator co_await() const noexcept { return {}; }
};
namespace detail {
class task_self_deleting;
class promise_self_deleting {
public:
  task_self_deleting get_return_object();
  std::suspend_always initial_suspend();
  std::suspend_never final_suspend() noexcept;
  void return_void() noexcept;
  void unhandled_exception();
};
class task_self_deleting {
public:
  using promise_type = promise_self_deleting;
  explicit task_self_deleting(promise_self_deleting &);
};
task_self_deleting make_task_self_deleting(task<void> user_task);
} // namespace detail
// Events, latches and an asynchronous mutex (awaited; set, counted down,
// unlocked by other code).
class event {
public:
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  explicit event(bool initially_set = false) noexcept;
  bool is_set() const noexcept;
  void set() noexcept;
  void reset() noexcept;
  awaiter operator co_await() const noexcept { return {}; }
};
class latch {
public:
  explicit latch(long count) noexcept;
  void count_down(long n = 1) noexcept;
  event::awaiter operator co_await() const noexcept { return {}; }
};
class mutex;
class scoped_lock {
public:
  explicit scoped_lock(mutex &m);
  scoped_lock(scoped_lock &&other) noexcept;
  ~scoped_lock();
  void unlock();
};
class mutex {
public:
  struct lock_operation {
    mutex *m;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    ::coro::scoped_lock await_resume() noexcept;
  };
  struct plain_lock_operation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  [[nodiscard]] lock_operation scoped_lock() { return {this}; }
  [[nodiscard]] plain_lock_operation lock() { return {}; }
  bool try_lock();
  void unlock();
};
template <class... Tasks> task<void> when_all(Tasks &&...);
} // namespace coro

#pragma once
#include <coroutine>
#include <memory>

#include <tuple>
#include <vector>
namespace concurrencpp {
enum class result_status { idle, value, exception };
template <class T> class result;
template <class T> struct result_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};
template <class T> class result {
public:
  struct promise_type {
    result get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  T get() { return T(); }
  void wait() {}
  result_status wait_for(int) { return result_status::idle; }
  result_status status() const { return result_status::idle; }
  // Awaiting it makes this result ready and yields it.
  result_awaiter<result> resolve() { return {}; }
  explicit operator bool() const { return true; }
};
// Awaitable through a namespace-scope operator co_await.
template <class T> result_awaiter<T> operator co_await(result<T> &&);

template <class T> struct returns_value {
  void return_value(T) {}
};
template <> struct returns_value<void> {
  void return_void() {}
};
template <class T> struct lazy_result {
  struct promise_type : returns_value<T> {
    lazy_result get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
  explicit operator bool() const noexcept { return true; }
  result_status status() const { return result_status::idle; }
  // Awaiting it runs this task and yields it, done.
  result_awaiter<lazy_result> resolve() { return {}; }
};
template <class Seq> struct when_any_result {
  decltype(sizeof 0) index;
  Seq results;
};
template <class T> lazy_result<std::vector<T>> when_all(std::vector<T> &);
template <class T>
lazy_result<when_any_result<std::vector<T>>> when_any(std::vector<T> &);
template <class... T>
lazy_result<when_any_result<std::tuple<result<T>...>>> when_any(result<T> &&...);
} // namespace concurrencpp

// A coroutine returning result<T> whose first parameter is executor_tag is
// posted to the executor that follows it: its initial awaiter suspends and
// hands the coroutine to the executor, which runs it at once.
namespace concurrencpp {
struct executor_tag {};
class executor {
public:
  void post(std::coroutine_handle<>) {}
};
template <class T> struct rescheduled_promise : result<T>::promise_type {
  executor *Ex = nullptr;
  struct scheduling_awaiter {
    executor *Ex;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> H) { Ex->post(H); }
    void await_resume() const noexcept {}
  };
  scheduling_awaiter initial_suspend() noexcept { return {Ex}; }
};
} // namespace concurrencpp
template <class T, class... Args>
struct std::coroutine_traits<concurrencpp::result<T>, concurrencpp::executor_tag,
                             concurrencpp::executor *, Args...> {
  using promise_type = concurrencpp::rescheduled_promise<T>;
};

// A manual executor: the tasks posted to it run only when its owner loops.
namespace concurrencpp {
template <class Concrete> class derivable_executor : public executor {
public:
  template <class F> void post(F &&) {}
  template <class F> result<int> submit(F &&);
};
class manual_executor : public derivable_executor<manual_executor> {
public:
  bool loop_once();
  unsigned long loop(unsigned long);
  void wait_for_task();
  unsigned long clear();
  void shutdown();
};
// Keeps the executors it makes only to shut them down when it ends.
class runtime {
public:
  std::shared_ptr<manual_executor> make_manual_executor();
};
} // namespace concurrencpp

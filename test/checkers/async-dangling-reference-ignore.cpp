// RUN: %check_async_lint %s async-dangling-reference %t

// `std::ignore = e;` throws e away: std::ignore's assignment keeps nothing,
// so what is assigned to it is not stored where it outlives the function,
// although std::ignore is a global. Reduced from a test suite that blocks on
// a lazy task with `std::ignore = std::move(t).get();`. Storing the task in
// any other global still outlives the locals it refers to.

#include <coroutine>
#include <tuple>
#include <utility>

struct result {
  int Value;
};
// Lazy: get() starts the task and returns when it has finished.
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int) {}
    void unhandled_exception() {}
  };
  result get() &&;
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  int await_resume();
};
task step();
task writer(int &X) {
  co_await step();
  X = 1;
  co_return 0;
}
template <class T> task write_into(T &X) {
  co_await step();
  X = T();
  co_return 0;
}
task Kept;

#define IGNORE_RESULT(t) std::ignore = std::move(t).get()
#define KEEP(t) Kept = (t)

// --- Silent: the value assigned to std::ignore is thrown away.

void ignored_result() {
  int X = 0;
  auto T = writer(X);
  std::ignore = std::move(T).get();
}
void ignored_task() {
  int X = 0;
  std::ignore = writer(X);
}
template <class V> void ignored_template() {
  V X{};
  auto T = write_into(X);
  std::ignore = std::move(T).get();
}
template void ignored_template<int>();
void ignored_macro() {
  int X = 0;
  auto T = writer(X);
  IGNORE_RESULT(T);
}
void ignored_lambda() {
  int X = 0;
  auto Run = [](int &Y) {
    auto T = writer(Y);
    std::ignore = std::move(T).get();
  };
  Run(X);
  auto Coro = [](int &Y) -> task {
    co_await step();
    Y = 2;
    co_return 0;
  };
  std::ignore = Coro(X);
}

// --- Reported: the task is kept in another global, where it outlives 'X'.

void kept_task() {
  int X = 0;
  Kept = writer(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: parameter 'X' of coroutine 'writer' refers to local 'X', which the task may outlive [async-dangling-reference]
}
template <class V> void kept_template() {
  V X{};
  Kept = write_into(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: parameter 'X' of coroutine 'write_into' refers to local 'X', which the task may outlive [async-dangling-reference]
}
template void kept_template<int>();
void kept_macro() {
  int X = 0;
  KEEP(writer(X));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: parameter 'X' of coroutine 'writer' refers to local 'X', which the task may outlive [async-dangling-reference]
}
void kept_lambda() {
  int X = 0;
  auto Coro = [](int &Y) -> task {
    co_await step();
    Y = 2;
    co_return 0;
  };
  Kept = Coro(X);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: parameter 'Y' of coroutine lambda refers to local 'X', which the task may outlive [async-dangling-reference]
}

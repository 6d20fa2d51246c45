// RUN: %check_async_lint %s async-unbounded-spawn %t

// A task joined in the full expression that makes it is known by resolved
// declarations, never by a member's bare name: a listed join (the library
// tables' JoinMembers, the blocking catalogue's waits for a result), or a
// member whose visible body waits on the task's own state with one of them
// or with a WaitAllFunctions call. YACLib's Future::Get() && is
// `Wait(*this); return result;` and Task::Get() && is
// `std::move(*this).ToFuture().Get()`. Reduced from YACLib's stress test
// `std::ignore = tester().Get();`. A Get() whose body is not seen, or that
// waits on nothing of its task, is no join.

#include <atomic>
#include <coroutine>
#include <tuple>
#include <utility>
#include <vector>

namespace yaclib {
template <class T = void> struct Future;
template <class... F> void Wait(F &...Fs);
template <class T> struct Future {
  struct promise_type {
    Future get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  int Get() && {
    Wait(*this);
    return 0;
  }
  int Peek() const { return 0; }
};
template <class T = void> struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  Future<T> ToFuture() &&;
  int Get() && { return std::move(*this).ToFuture().Get(); }
};
} // namespace yaclib

// An in-house task whose get() is only declared: nothing shows it waits.
struct opaque {
  struct promise_type {
    opaque get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  int get() &&;
};

yaclib::Future<> tester();
yaclib::Task<> chained();
opaque unseen();
bool more();

#define RUN_ONE() std::ignore = tester().Get()

// --- Silent: one task per round, joined where it is made.

void rounds() {
  while (more())
    std::ignore = tester().Get();
  while (more())
    (void)chained().Get();
  while (more())
    RUN_ONE();
}

template <class T> void rounds_template() {
  while (more())
    std::ignore = tester().Get();
}
template void rounds_template<int>();

void rounds_lambda() {
  auto Tester = []() -> yaclib::Future<> { co_return; };
  while (more())
    std::ignore = Tester().Get();
}

// --- Reported: nothing waits, or nothing shows that it does.

void twins() {
  while (more())
    (void)tester().Peek();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'tester' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound
  while (more())
    (void)unseen().get();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'unseen' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound
  while (more())
    std::ignore = tester();
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'tester' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound
}

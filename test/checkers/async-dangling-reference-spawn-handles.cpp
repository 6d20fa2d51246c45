// RUN: %check_async_lint %s async-dangling-reference %t

// A spawn that hands back an awaitable (TooManyCooks' tmc::spawn, issue
// #23's holdout, fact 1): the child is a structured one when the caller
// awaits that awaitable, in place or through modifiers that return it
// (`co_await spawn(t).with_priority(1)`), or awaits on every path the join
// handle a member of it returns (`auto j = spawn(t).fork(); co_await j;`),
// before the borrowed local dies. Only a detach, a dropped handle or a path
// that leaves without the join leaves the child running on its own.

#include <coroutine>
#include <utility>

namespace rt {
struct executor {};
struct task { // lazy: starts only when awaited or spawned
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct joiner { // join handle: awaiting it waits for the child
  joiner(joiner &&) = delete;
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
template <class Derived> struct priority_mixin {
  Derived &&with_priority(int) && { return static_cast<Derived &&>(*this); }
};
// Nothing runs until it is awaited, forked or detached.
struct [[nodiscard]] spawned : priority_mixin<spawned> {
  task t;
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
  spawned &&run_on(executor &) &&;
  spawned resume_on(executor &) &&;
  joiner fork() &&;  // starts the child; the caller must await the joiner
  void detach() &&;  // starts the child; nobody waits
};
template <class T> spawned spawn(T &&t);
// A spawn whose result is not awaitable itself but hands out a join handle.
struct handle_only {
  joiner fork() &&;
  void detach() &&;
};
handle_only start(task t);
} // namespace rt

rt::task child(int &v) {
  ++v;
  co_return;
}

// R1: forked and joined.
rt::task forked() {
  int v = 0;
  auto j = rt::spawn(child(v)).fork();
  co_await j;
}

rt::task forked_moved(rt::executor &ex) {
  int v = 0;
  auto j = rt::spawn(child(v)).run_on(ex).with_priority(2).fork();
  co_await std::move(j);
}

// R1b: awaited in place through modifiers.
rt::task awaited_modified(rt::executor &ex) {
  int v = 0;
  co_await rt::spawn(child(v)).with_priority(1);
  co_await rt::spawn(child(v)).run_on(ex).resume_on(ex).with_priority(0);
}

// Kept in a local, then awaited through a modifier, or forked and joined.
rt::task kept_then_awaited(rt::executor &ex) {
  int v = 0;
  auto s = rt::spawn(child(v));
  co_await std::move(s).run_on(ex).resume_on(ex);
}

rt::task kept_then_forked() {
  int v = 0;
  auto s = rt::spawn(child(v));
  auto j = std::move(s).fork();
  co_await std::move(j);
}

rt::task handle_of_plain_spawn() {
  int v = 0;
  auto j = rt::spawn(child(v)).fork();
  co_await std::move(j);
}

// The twins: nothing joins the child.
rt::task detached() {
  int v = 0;
  rt::spawn(child(v)).with_priority(1).detach();
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: parameter 'v' of coroutine 'child' refers to local 'v', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned here
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'v' is destroyed here
  // CHECK-NOTES: :58:5: note: 'v' is used here, when the task runs
  co_return;
}

rt::task handle_dropped() {
  int v = 0;
  (void)rt::spawn(child(v)).fork();
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: parameter 'v' of coroutine 'child' refers to local 'v', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:9: note: the task is spawned here
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'v' is destroyed here
  // CHECK-NOTES: :58:5: note: 'v' is used here, when the task runs
  co_return;
}

rt::task handle_never_awaited() {
  int v = 0;
  auto j = rt::spawn(child(v)).fork();
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: parameter 'v' of coroutine 'child' refers to local 'v', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE+4]]:1: note: the task is started by the spawn, and its handle dropped here without being awaited
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'v' is destroyed here
  // CHECK-NOTES: :58:5: note: 'v' is used here, when the task runs
  co_return;
}

// A path that returns before the join.
rt::task returns_before_join(bool early) {
  int v = 0;
  auto j = rt::spawn(child(v)).fork();
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: parameter 'v' of coroutine 'child' refers to local 'v', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE+4]]:5: note: the task is started by the spawn, and its handle dropped here on a path that does not await it
  // CHECK-NOTES: :[[@LINE+5]]:1: note: 'v' is destroyed here
  // CHECK-NOTES: :58:5: note: 'v' is used here, when the task runs
  if (early)
    co_return;
  co_await std::move(j);
}

// The handle is awaited only after the local's scope has ended.
rt::task joined_too_late() {
  rt::task keep;
  {
    int v = 0;
    auto j = rt::spawn(child(v)).fork();
    // CHECK-NOTES: :[[@LINE-1]]:30: warning: parameter 'v' of coroutine 'child' refers to local 'v', which the task may outlive [async-dangling-reference]
    // CHECK-NOTES: :[[@LINE+3]]:3: note: the task is started by the spawn, and its handle dropped here without being awaited
    // CHECK-NOTES: :[[@LINE+2]]:3: note: 'v' is destroyed here
    // CHECK-NOTES: :58:5: note: 'v' is used here, when the task runs
  }
  co_await keep;
}

// The same, with a spawn whose result only hands out handles.
rt::task started_and_joined() {
  int v = 0;
  auto j = rt::start(child(v)).fork();
  co_await j;
}

// Templates, macros and lambdas.
template <class T> rt::task forked_template() {
  T v{};
  auto j = rt::spawn(child(v)).fork();
  co_await std::move(j);
}
template <class T> rt::task detached_template() {
  T v{};
  rt::spawn(child(v)).detach();
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: parameter 'v' of coroutine 'child' refers to local 'v', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned here
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'v' is destroyed here
  // CHECK-NOTES: :58:5: note: 'v' is used here, when the task runs
  co_return;
}
template rt::task forked_template<int>();
template rt::task detached_template<int>();

#define FORK(x) rt::spawn(x).fork()
rt::task forked_macro() {
  int v = 0;
  auto j = FORK(child(v));
  co_await std::move(j);
}

rt::task forked_lambda() {
  int v = 0;
  auto j = rt::spawn([](int &x) -> rt::task {
             ++x;
             co_return;
           }(v)).fork();
  co_await std::move(j);
  co_await rt::spawn([](auto &x) -> rt::task {
    ++x;
    co_return;
  }(v)).with_priority(1);
}

rt::task detached_lambda() {
  int v = 0;
  rt::spawn([](auto &x) -> rt::task {
    ++x;
    co_return;
  }(v)).detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: parameter 'x' of coroutine lambda refers to local 'v', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the task is spawned here
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'v' is destroyed here
  // CHECK-NOTES: :[[@LINE-6]]:7: note: 'x' is used here, when the task runs
  co_return;
}

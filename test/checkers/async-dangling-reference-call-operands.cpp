// RUN: %check_async_lint --modes=plugin,driver %s async-dangling-reference %t

// A call runs once its arguments are evaluated. When an argument suspends
// (`b.plus(co_await x)`, `f(co_await x)` on a closure, `add(b, co_await x)`
// with b bound to a reference parameter), the call reads its object and its
// reference arguments after the coroutine has suspended, although they are
// named, and evaluated as references, before the suspension. An eager
// coroutine that uses a reference parameter only that way still reads its
// referent after suspending: a temporary of the caller's full expression is
// gone by then.

#include <coroutine>

struct eager {
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct pending {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept;
  int await_resume() const noexcept;
};
struct box {
  int K;
  int plus(int X) const { return K + X; }
  int operator()(int X) const { return K + X; }
};
struct holder {
  box Inner;
};
int add(const box &B, int X);
int add_value(int K, int X);

eager member_call(const box &B) { (void)B.plus(co_await pending{}); }
eager call_operator(const box &B) { (void)B(co_await pending{}); }
eager reference_argument(const box &B) { (void)add(B, co_await pending{}); }
eager through_member(const holder &H) {
  (void)H.Inner.plus(co_await pending{});
}
template <class F> eager closure_call(F &&Fn) { (void)Fn(co_await pending{}); }
#define PLUS_AFTER_WAITING(b) (void)(b).plus(co_await pending{})
eager macro_call(const box &B) { PLUS_AFTER_WAITING(B); }

// --- Reported: the temporary dies at the end of the caller's statement,
// while the coroutine is suspended inside the call's arguments.

void reported() {
  member_call(box{1});
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: parameter 'B' of coroutine 'member_call' refers to a temporary that the task outlives [async-dangling-reference]
  call_operator(box{2});
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: parameter 'B' of coroutine 'call_operator' refers to a temporary that the task outlives [async-dangling-reference]
  reference_argument(box{3});
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: parameter 'B' of coroutine 'reference_argument' refers to a temporary that the task outlives [async-dangling-reference]
  through_member(holder{{4}});
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: parameter 'H' of coroutine 'through_member' refers to a temporary that the task outlives [async-dangling-reference]
  closure_call([K = 5](int X) { return K + X; });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: parameter 'Fn' of coroutine 'closure_call' refers to a temporary that the task outlives [async-dangling-reference]
  macro_call(box{6});
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: parameter 'B' of coroutine 'macro_call' refers to a temporary that the task outlives [async-dangling-reference]
}

// --- Silent: the referent is read before the first suspension, the
// coroutine owns a copy, the read is not a call's (a by-value argument may
// be read before the other arguments), or the caller awaits the task
// within the temporary's full expression.

eager read_before(const box &B) {
  int V = B.plus(1);
  co_await pending{};
  (void)V;
}
eager own_copy(box B) { (void)B.plus(co_await pending{}); }
eager value_argument(const box &B) {
  (void)add_value(B.K, co_await pending{});
}

void silent() {
  read_before(box{1});
  own_copy(box{2});
  value_argument(box{3});
}
eager awaited_in_time() {
  co_await member_call(box{4});
  co_await closure_call([K = 5](int X) { return K + X; });
}

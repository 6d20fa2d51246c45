// RUN: %check_async_lint --modes=plugin,driver %s async-dangling-reference %t

// A call of a std::function whose target the calling function does not
// show (a parameter, a member) is judged by its type, as a coroutine
// declared only: a call operator returning a lazy task type runs the
// function it holds only once the task runs, after the call returned. And a
// member of a lazy coroutine type that resumes its coroutine (step()) runs
// it there, as an await does.

#include <coroutine>
#include <functional>
#include <string>
#include <string_view>

#include "task.h"

// A hand-written lazy coroutine type, run by step().
struct stepper {
  struct promise_type {
    stepper get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool step() {
    H.resume();
    return !H.done();
  }
  std::coroutine_handle<promise_type> H;
};

std::string make_key();
using lookup_fn = std::function<demo::task<int>(const std::string &)>;

// --- A parameter, the task awaited after the full expression.
demo::task<int> lookup_later(lookup_fn Lookup) {
  auto T = Lookup(make_key());
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: parameter 1 of function object 'Lookup' refers to a temporary that the task outlives [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:13: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-5]]:40: note: the function object holds a target not shown here; its type 'std::function<demo::task<int> (const std::basic_string<char> &)>' returns a lazy task type, so the target runs only once the task does, after the call has returned
  co_return co_await T;
}

// --- A member returning the hand-written type, run by step(); a local
// view returned with the task.
struct scanner {
  std::function<stepper(std::string_view)> Scan;
  void run_once() {
    auto S = Scan(make_key());
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: parameter 1 of function object 'Scan' refers to a temporary that the task outlives [async-dangling-reference]
    // CHECK-NOTES: :[[@LINE-2]]:29: note: the temporary is destroyed at the end of this full expression
    // CHECK-NOTES: :[[@LINE+2]]:12: note: the task is awaited here, after the full expression that created it
    // CHECK-NOTES: :[[@LINE-6]]:44: note: the function object holds a target not shown here; its type 'std::function<stepper (std::basic_string_view<char>)>' returns {{.*}}
    while (S.step()) {
    }
  }
  demo::task<int> lookup_local(lookup_fn &Lookup) {
    std::string Key = make_key();
    return Lookup(Key);
  }
};
// CHECK-NOTES: :[[@LINE-3]]:19: warning: parameter 1 of function object 'Lookup' refers to local 'Key', which the task may outlive [async-dangling-reference]
// CHECK-NOTES: :[[@LINE-4]]:5: note: the task is returned here
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'Key' is destroyed here
// CHECK-NOTES: :[[@LINE-8]]:43: note: the function object holds a target not shown here; {{.*}}

// --- In a template, through a macro.
template <class Fn> demo::task<int> lookup_generic(Fn &Lookup) {
  auto T = Lookup(std::string("k"));
  co_return co_await T;
}
template demo::task<int> lookup_generic(lookup_fn &);
// CHECK-NOTES: :[[@LINE-4]]:19: warning: parameter 1 of function object 'Lookup' refers to a temporary that the task outlives [async-dangling-reference]
// CHECK-NOTES: :[[@LINE-5]]:35: note: {{.*}}
// CHECK-NOTES: :[[@LINE-5]]:13: note: {{.*}}
// CHECK-NOTES: :[[@LINE-8]]:56: note: {{.*}}
#define LOOKUP(fn, k) fn(k)
demo::task<int> lookup_macro(lookup_fn Lookup) {
  auto T = LOOKUP(Lookup, make_key());
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: parameter 1 of function object 'Lookup' refers to a temporary that the task outlives [async-dangling-reference]
  // CHECK-NOTES: :82:26: note: expanded from macro 'LOOKUP'
  // CHECK-NOTES: :[[@LINE-3]]:12: note: {{.*}}
  // CHECK-NOTES: :82:27: note: expanded from macro 'LOOKUP'
  // CHECK-NOTES: :[[@LINE+2]]:13: note: {{.*}}
  // CHECK-NOTES: :[[@LINE-7]]:40: note: {{.*}}
  co_return co_await T;
}

// --- Silent: awaited in the full expression, the argument outlives the
// task, a by-value parameter, an eager type, a target the function shows.
demo::task<int> lookup_now(lookup_fn Lookup) {
  co_return co_await Lookup(make_key());
}
demo::task<int> lookup_kept(lookup_fn Lookup) {
  std::string Key = make_key();
  auto T = Lookup(Key);
  co_return co_await T;
}
demo::task<int> lookup_copy(std::function<demo::task<int>(std::string)> F) {
  auto T = F(make_key());
  co_return co_await T;
}
void notify(std::function<demo::fire_and_forget(const std::string &)> F) {
  F(make_key());
}
demo::task<int> count(const std::string &K) { co_return K.size(); }
demo::task<int> lookup_shown() {
  lookup_fn F = [](const std::string &K) -> demo::task<int> {
    co_return K.size();
  };
  std::string Key = make_key();
  auto T = F(Key);
  co_return co_await T;
}

// The same as a parameter beside a local reset to another target (moved
// here from async-dangling-reference-wrappers.cpp, which also runs in
// async-lint-clangd: these calls are not yet reported there).
demo::task<int> wrapped_fetch(const std::string &Key);
demo::task<int> wrapped_fetch_copy(std::string Key);
std::string wrapped_key();
// A function object whose target the function does not show: a parameter
// is judged by its type (above); a local assigned another function later is
// not.
demo::task<>
unknown_reset(std::function<demo::task<int>(const std::string &)> &Given) {
  auto T = Given(wrapped_key());
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: parameter 1 of function object 'Given' refers to a temporary that the task outlives [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:31: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+5]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-5]]:68: note: the function object holds a target not shown here; {{.*}}
  std::function<demo::task<int>(const std::string &)> Reset = wrapped_fetch;
  Reset = wrapped_fetch_copy;
  auto U = Reset(wrapped_key());
  co_await T;
  co_await U;
}

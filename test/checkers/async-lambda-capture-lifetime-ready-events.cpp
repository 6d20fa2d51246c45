// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// An eager coroutine lambda whose every await is of a local the caller
// captured by reference and made ready before the call (a ReadyAfterCall
// member: asyncpp's event::set_value, after which await_ready is true)
// never suspends: its body runs to its end inside the call, before the
// closure temporary dies. The awaited locals are named in the body only by
// those awaits (nothing there can make them not ready again), and the
// caller's path facts show them ready on every path to the call.

#include <coroutine>

#include "asyncpp/event.hpp"

// Eager; parks at its end; its destructor destroys the frame.
struct monitor_task {
  struct promise_type {
    monitor_task get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> H;
  monitor_task(std::coroutine_handle<promise_type> C) : H(C) {}
  monitor_task(monitor_task &&O) : H(O.H) { O.H = {}; }
  ~monitor_task() {
    if (H)
      H.destroy();
  }
};

int report(int);

void set_first() {
  asyncpp::event<int> Evt;
  int Value = 1;
  Evt.set_value(Value);
  auto Monitor = [&]() -> monitor_task {
    int R = co_await Evt;
    report(R + Value);
  }();
}

// Two events, both set, awaited one after the other.
void both_set() {
  asyncpp::event<int> First, Second;
  int Value = 1;
  First.set_value(1);
  Second.set_value(2);
  auto Monitor = [&]() -> monitor_task {
    int A = co_await First;
    int B = co_await Second;
    report(A + B + Value);
  }();
}

// In a test framework's section (a macro around a branch).
#define SECTION(Name) if (report(Name))
void in_a_section() {
  SECTION(1) {
    asyncpp::event<int> Evt;
    int Value = 1;
    Evt.set_value(Value);
    auto Monitor = [&]() -> monitor_task {
      int R = co_await Evt;
      report(R + Value);
    }();
  }
}

// --- Twins that must still be reported.

// Set after the call: the await suspends, the set resumes the body inline
// after the closure died.
void set_after() {
  asyncpp::event<int> Evt;
  int Value = 1;
  auto Monitor = [&]() -> monitor_task {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    int R = co_await Evt;
    report(R + Value);
  }();
  Evt.set_value(Value);
}

// Set on one path only.
void set_on_one_path(bool Now) {
  asyncpp::event<int> Evt;
  int Value = 1;
  if (Now)
    Evt.set_value(Value);
  auto Monitor = [&]() -> monitor_task {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    int R = co_await Evt;
    report(R + Value);
  }();
}

// One of two events is set.
void one_of_two_set() {
  asyncpp::event<int> First, Second;
  int Value = 1;
  First.set_value(1);
  auto Monitor = [&]() -> monitor_task {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    int A = co_await First;
    int B = co_await Second;
    report(A + B + Value);
  }();
  Second.set_value(2);
}

// The body names the event other than by awaiting it.
void named_in_the_body() {
  asyncpp::event<int> Evt;
  int Value = 1;
  Evt.set_value(Value);
  auto Monitor = [&]() -> monitor_task {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    asyncpp::event<int> &Alias = Evt;
    int R = co_await Alias;
    report(R + Value);
  }();
}

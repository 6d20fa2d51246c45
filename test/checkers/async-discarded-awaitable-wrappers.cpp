// RUN: %check_async_lint --check-suffix=DEFAULT %s async-discarded-awaitable %t.default
// RUN: %check_async_lint --check-suffix=AWAITING %s async-discarded-awaitable %t.awaiting \
// RUN:   --config="{CheckOptions: {async-discarded-awaitable.AwaitingWrappers: 'corp::spawning_function'}}"

// A callable whose call returns a task, converted to a type-erased wrapper
// whose call returns void: every call of the wrapper drops the task. A lazy
// one never runs; an eager one runs detached, its failure lost. Reported at
// the conversion (a variable, a parameter, a member assigned or
// initialised), with a note at what each call returns. Silent: a wrapper
// returning the task, a callable returning void or a fire-and-forget type,
// a wrapper made in a discarded or unevaluated expression (never called),
// and a wrapper listed in AwaitingWrappers (the AWAITING run).

#include "concurrencpp/concurrencpp.h"
#include "task.h"
#include <functional>

demo::task<int> fetch(int);
demo::task<> refresh();
void on_event(std::function<void()> Callback);
void on_value(std::move_only_function<void(int)> Callback);

namespace corp {
// A wrapper that spawns what its callable returns (documented so).
template <class> class spawning_function;
template <class R, class... A> class spawning_function<R(A...)> {
public:
  template <class F> spawning_function(F) {}
  void operator()(A...) const;
};
} // namespace corp
void on_spawned(corp::spawning_function<void()> Callback);

void variables() {
  std::function<void(int)> Lazy = [](int) -> demo::task<> { co_return; };
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:35: warning: task returned by the lambda is discarded by each call of 'std::function<void (int)>' and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:35: warning: task returned by the lambda
  std::function<void()> Eager = []() -> concurrencpp::result<int> {
    co_return 1;
  };
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-3]]:33: warning: task returned by the lambda is discarded by each call of 'std::function<void ()>' and runs detached [async-discarded-awaitable]
  // CHECK-MESSAGES-AWAITING: :[[@LINE-4]]:33: warning: task returned by the lambda
  // A lambda that is no coroutine but returns one's task.
  std::function<void()> Plain = [] { return fetch(1); };
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:33: warning: task returned by the lambda is discarded by each call of 'std::function<void ()>' and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:33: warning: task returned by the lambda
  // A function, by name or address, and a generic lambda.
  std::function<void()> Named = refresh;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:33: warning: task returned by 'refresh' is discarded by each call of 'std::function<void ()>' and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:33: warning: task returned by 'refresh'
  std::function<void(int)> Address = &fetch;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:38: warning: task returned by 'fetch' is discarded
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:38: warning: task returned by 'fetch'
  std::function<void(int)> Generic = [](auto) -> demo::task<> { co_return; };
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:38: warning: task returned by the lambda is discarded
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:38: warning: task returned by the lambda
  // A wrapper of a wrapper that returns the task drops it too.
  std::function<demo::task<>()> Keeps = refresh;
  std::function<void()> Outer = Keeps;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:33: warning: task returned by 'std::function::operator()' is discarded
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:33: warning: task returned by 'std::function::operator()'
}

// Silent: the wrapper returns the task, the callable returns void or a
// fire-and-forget type.
void silent_types() {
  std::function<demo::task<>()> Returns = []() -> demo::task<> { co_return; };
  std::function<void()> Void = [] {};
  std::function<void()> Detached = []() -> demo::fire_and_forget { co_return; };
  std::function<void()> Copy = Void;
}

// Silent: never called. A wrapper made and dropped, or not evaluated.
void silent_contexts() {
  std::function<void()>([]() -> demo::task<> { co_return; });
  (void)std::function<void()>{[]() -> demo::task<> { co_return; }};
  (void)sizeof(std::function<void()>([]() -> demo::task<> { co_return; }));
}

// Parameters, the move-only wrapper, a macro.
#define ON_EVENT(F) on_event(F)
void parameters(int &Count) {
  on_event([&Count]() -> demo::task<> {
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:12: warning: task returned by the lambda is discarded by each call of 'std::function<void ()>' and never runs [async-discarded-awaitable]
    // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:12: warning: task returned by the lambda
    co_await fetch(Count);
    ++Count;
  });
  on_value([](int N) -> demo::task<> { co_await fetch(N); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:12: warning: task returned by the lambda is discarded by each call of 'std::move_only_function<void (int)>' and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:12: warning: task returned by the lambda
  ON_EVENT([]() -> demo::task<> { co_return; });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:12: warning: task returned by the lambda is discarded
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:12: warning: task returned by the lambda
  on_event([] {});
  // A wrapper that spawns the task: reported until the option names it.
  on_spawned([]() -> demo::task<> { co_return; });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:14: warning: task returned by the lambda is discarded by each call of 'corp::spawning_function<void ()>' and never runs [async-discarded-awaitable]
}

// Members of wrapper type: assigned, initialised by a constructor, or by a
// default member initialiser.
struct widget {
  std::function<void()> OnClick = [] {};
  std::move_only_function<void(int)> OnValue;
  std::function<void()> OnClose = []() -> demo::task<> { co_return; };
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:35: warning: task returned by the lambda is discarded by each call of 'std::function<void ()>' and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:35: warning: task returned by the lambda
  widget() : OnValue([this](int N) -> demo::task<> { co_await fetch(N); }) {}
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:22: warning: task returned by the lambda is discarded by each call of 'std::move_only_function<void (int)>' and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:22: warning: task returned by the lambda
  demo::task<> reload();
  void wire() {
    OnClick = [this]() -> demo::task<> { co_await reload(); };
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:15: warning: task returned by the lambda is discarded by each call of 'std::function<void ()>' and never runs [async-discarded-awaitable]
    // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:15: warning: task returned by the lambda
    OnClick = [] {};
  }
};

// A member function, and a function object.
struct job {
  demo::task<> operator()() const;
};
void objects() {
  std::function<void(widget &)> Member = &widget::reload;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:42: warning: task returned by 'widget::reload' is discarded
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:42: warning: task returned by 'widget::reload'
  on_event(job{});
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:12: warning: task returned by 'job::operator()' is discarded
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:12: warning: task returned by 'job::operator()'
}

// In a template: reported in the instantiation whose callable returns a
// task, at the conversion in the template; silent for a void one.
template <class F> void keep(F Fn) {
  std::function<void()> Kept = Fn;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:32: warning: task returned by the lambda is discarded by each call of 'std::function<void ()>' and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:32: warning: task returned by the lambda
  Kept();
}
void templates() {
  keep([]() -> demo::task<> { co_return; });
  keep([] {});
}

// In a coroutine, and in a lambda's body.
demo::task<> in_coroutine() {
  auto Register = [] {
    on_event([]() -> demo::task<> { co_return; });
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:14: warning: task returned by the lambda is discarded
    // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:14: warning: task returned by the lambda
  };
  Register();
  co_await refresh();
}

// An alias names the wrapper as the program does; a returned wrapper.
using handler = std::function<void(int)>;
handler make_handler() {
  return [](int N) -> demo::task<> { co_await fetch(N); };
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:10: warning: task returned by the lambda is discarded by each call of 'handler' and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-AWAITING: :[[@LINE-2]]:10: warning: task returned by the lambda is discarded by each call of 'handler'
}

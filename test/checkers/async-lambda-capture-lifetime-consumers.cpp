// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// Closures consumed before their coroutine ends: a capturing lambda handed
// to code that calls it and then destroys it while the eager coroutine it
// started (or called) still runs.

#include <string>
#include <utility>

#include "task.h"

namespace std {
template <class F, class... A> decltype(auto) invoke(F &&f, A &&...a) {
  return static_cast<F &&>(f)(static_cast<A &&>(a)...);
}
} // namespace std
namespace demo {
void sync_wait(task<>);
} // namespace demo

demo::task<> sub();

// --- Consumers seen by structure.

// A by-value parameter called through a local copy, or std::invoke.
template <class F> void run_copy(F Fn) {
  auto Local = std::move(Fn);
  Local();
  // The named copy is itself a closure that dies while its task runs.
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: closure 'Local' of a coroutine lambda is destroyed while its task may still use the captures
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES: :43:67: note: capture 'S' is used here, after the coroutine may have suspended
  // (the first instantiation, from consumers() below)
}
template <class F> void run_invoke(F Fn) { std::invoke(Fn); }
// A reference parameter bound to the caller's temporary, whose task is
// dropped.
template <class F> void run_ref(F &&Fn) { Fn(); }

void consumers() {
  std::string S;
  run_copy([S]() -> demo::fire_and_forget { co_await sub(); (void)S.size(); });
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: coroutine lambda with captures passed to 'run_copy' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
  // CHECK-NOTES: :28:3: note: the lambda is called here, and destroyed when this function returns
  // CHECK-NOTES: :[[@LINE-3]]:67: note: capture 'S' is used here, after the coroutine may have suspended
  run_invoke([S]() -> demo::fire_and_forget { co_await sub(); (void)S.size(); });
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: coroutine lambda with captures passed to 'run_invoke' is destroyed while the coroutine may still run
  // CHECK-NOTES: :36:44: note: the lambda is called here, and destroyed when this function returns
  // CHECK-NOTES: :[[@LINE-3]]:69: note: capture 'S' is used here, after the coroutine may have suspended
  run_ref([S]() -> demo::fire_and_forget { co_await sub(); (void)S.size(); });
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: coroutine lambda with captures passed to 'run_ref' is destroyed while the coroutine may still run
  // CHECK-NOTES: :39:43: note: the lambda is called here, and its task dropped
  // CHECK-NOTES: :[[@LINE-3]]:66: note: capture 'S' is used here, after the coroutine may have suspended
}

// --- A reference parameter of an eager coroutine bound to a capture of a
// consumed closure.

demo::fire_and_forget process(std::string &&Text) {
  co_await sub();
  (void)Text.size();
}
demo::fire_and_forget inspect(const std::string &Text) {
  (void)Text.size();
  co_await sub();
}

void borrowed(demo::thread_pool &Pool) {
  Pool.post([S = std::string()]() mutable { process(std::move(S)); });
  // CHECK-NOTES: :[[@LINE-1]]:53: warning: coroutine 'process' borrows capture 'S', which 'demo::thread_pool::post' destroys while the coroutine may still run
  // CHECK-NOTES: :62:9: note: 'Text' is used here, after the coroutine may have suspended
  std::string Name;
  run_copy([Name]() mutable { return process(std::move(Name)); });
  // CHECK-NOTES: :[[@LINE-1]]:46: warning: coroutine 'process' borrows capture 'Name', which 'run_copy' destroys while the coroutine may still run
  // CHECK-NOTES: :28:3: note: the lambda is called here, and destroyed when this function returns
  // CHECK-NOTES: :62:9: note: 'Text' is used here, after the coroutine may have suspended
  // Silent: used only before the coroutine first suspends; a capture by
  // reference refers to the caller's local, not to the closure.
  Pool.post([Name]() { inspect(Name); });
  Pool.post([&Name]() { process(std::move(Name)); });
}

// --- Templates and macros.

template <class T> void generic_post(demo::thread_pool &Pool, T Value) {
  Pool.post([Value]() -> demo::fire_and_forget { co_await sub(); (void)Value; });
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: coroutine lambda with captures passed to 'demo::thread_pool::post' is destroyed while the coroutine may still run
  // CHECK-NOTES: :[[@LINE-2]]:72: note: capture 'Value' is used here, after the coroutine may have suspended
}
template void generic_post<int>(demo::thread_pool &, int);

#define RUN_COPY(LAMBDA) run_copy(LAMBDA)
void by_macro(int N) {
  RUN_COPY([N]() -> demo::fire_and_forget { co_await sub(); (void)N; });
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: coroutine lambda with captures passed to 'run_copy' is destroyed while the coroutine may still run
  // CHECK-NOTES: :28:3: note: the lambda is called here, and destroyed when this function returns
  // CHECK-NOTES: :[[@LINE-3]]:67: note: capture 'N' is used here, after the coroutine may have suspended
}

// --- Silent.

// The consumer waits for the work before it returns.
template <class F> void run_and_wait(F Fn) {
  Fn();
  demo::sync_wait(sub());
}
// The consumer returns the task of the caller's temporary: the caller's
// full expression decides (-relays.cpp); here it keeps the eager task in a
// local, dropped at the end of the function, after the closure died.
template <class F> auto forward_task(F &&Fn) { return Fn(); }
// The consumer keeps the callable in something that outlives the call.
template <class F> struct keeper {
  F Fn;
};
template <class F> void keep(F Fn) {
  static keeper<F> Kept{Fn};
  Kept.Fn();
}
void silent(int N) {
  run_and_wait([N]() -> demo::fire_and_forget { co_await sub(); (void)N; });
  auto Task = forward_task([N]() -> demo::fire_and_forget { co_await sub(); (void)N; });
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: coroutine lambda with captures passed to 'forward_task' is destroyed while the coroutine may still run
  // CHECK-NOTES: :[[@LINE-2]]:87: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+5]]:1: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES: :[[@LINE-4]]:83: note: capture 'N' is used here, after the coroutine may have suspended
  keep([N]() -> demo::fire_and_forget { co_await sub(); (void)N; });
  // A lazy task dropped by the consumer never runs.
  run_copy([N]() -> demo::task<> { co_await sub(); (void)N; });
}

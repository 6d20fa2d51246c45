// Defaults, in C++23: explicit object parameters taken by value copy the
// closure into the coroutine frame.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-lambda-capture-lifetime %t.default -- -- -std=c++23

// An in-house callback API, an in-house keep-alive wrapper, and an in-house
// co_composed (ComposeFunctions).
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-lambda-capture-lifetime %t.custom \
// RUN:   --config="{CheckOptions: {async-lambda-capture-lifetime.CallbackFunctions: 'corp::on_ready', \
// RUN:     KeepAliveFunctions: 'corp::hold', SpawnFunctions: 'corp::launch', \
// RUN:     async-lambda-capture-lifetime.ComposeFunctions: 'corp::compose'}}" -- -- -std=c++23

// Spawns of an in-house executor, and an in-house reference that keeps an
// object alive (OwnerFunctions).
// RUN: %check_async_lint --check-suffix=OWNERS %s async-lambda-capture-lifetime %t.owners \
// RUN:   --config="{CheckOptions: {async-lambda-capture-lifetime.OwnerFunctions: 'corp::pin', \
// RUN:     SpawnFunctions: 'corp::launch'}}" -- -- -std=c++23

#include "task.h"

demo::task<> sub();

namespace corp {
template <class F> void on_ready(F &&) {}
template <class F> auto hold(F &&Fn) -> decltype(Fn()) { return Fn(); }
template <class T> void launch(T &&) {}
template <class F> int compose(F &&) { return 0; }
} // namespace corp

demo::task<> explicit_object(int X) {
  // The closure is copied into the frame: nothing to lose.
  auto Copied = [X](this auto Self) -> demo::task<> { co_await sub(); (void)X; }();
  co_await Copied;
  // Taken by reference, it is not.
  auto Referenced = [X](this const auto &Self) -> demo::task<> { co_await sub(); (void)X; }();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:21: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:93: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES-DEFAULT: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:88: note: capture 'X' is used here, when the task runs
  co_await Referenced;
  // CHECK-NOTES-CUSTOM: :[[@LINE-6]]:21: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
  // CHECK-NOTES-CUSTOM: :[[@LINE-7]]:93: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES-CUSTOM: :[[@LINE-9]]:88: note: capture 'X' is used here, when the task runs
  // CHECK-NOTES-OWNERS: :[[@LINE-10]]:21: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
  // CHECK-NOTES-OWNERS: :[[@LINE-11]]:93: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES-OWNERS: :[[@LINE-7]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES-OWNERS: :[[@LINE-13]]:88: note: capture 'X' is used here, when the task runs
}

void in_house(int X) {
  corp::on_ready([X]() -> demo::fire_and_forget { co_await sub(); (void)X; });
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:18: warning: coroutine lambda with captures passed to 'corp::on_ready' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:73: note: capture 'X' is used here, after the coroutine may have suspended
  corp::compose([X]() -> demo::fire_and_forget { co_await sub(); (void)X; });
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:17: warning: 'corp::compose' does not keep the closure of this coroutine lambda until the coroutine completes
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: note: the initiation object that holds the closure is destroyed once the operation has started; pass what the coroutine needs as arguments of the initiation
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:72: note: capture 'X' is used here, after the coroutine may have suspended
  int Local = 0;
  corp::launch(corp::hold([&Local]() -> demo::task<> { co_await sub(); ++Local; }));
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:29: warning: local 'Local' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: note: the task is spawned here
  // CHECK-NOTES-CUSTOM: :[[@LINE+2]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:74: note: 'Local' is used here, when the task runs
}
// Without 'corp::hold' in KeepAliveFunctions, it is a visible function
// that returns the task of the caller's temporary, which the spawn keeps
// (RelayedClosures).
// CHECK-NOTES-OWNERS: :[[@LINE-9]]:27: warning: coroutine lambda with captures passed to 'corp::hold' is destroyed while the coroutine may still run
// CHECK-NOTES-OWNERS: :[[@LINE-10]]:3: note: the task is spawned here
// CHECK-NOTES-OWNERS: :[[@LINE-11]]:83: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES-OWNERS: :[[@LINE-12]]:74: note: capture 'Local' is used here, when the task runs

// OwnerFunctions: a captured strong reference ties the object's life to the
// spawned task.
namespace corp {
struct strong {};
template <class T> strong pin(T *);
} // namespace corp
struct pinned {
  int N = 0;
  corp::strong get_strong();
  void start_strong() {
    corp::launch([this, S = get_strong()]() -> demo::task<> { co_await sub(); ++N; });
  }
  void start_pinned() {
    corp::launch([this, P = corp::pin(this)]() -> demo::task<> { co_await sub(); ++N; });
  }
};
void pins() {
  pinned P, Q;
  P.start_strong();
  // CHECK-NOTES-OWNERS: :[[@LINE-1]]:3: warning: function 'start_strong' runs a coroutine lambda detached on '*this', owned by local 'P', which the task may outlive [async-lambda-capture-lifetime]
  // CHECK-NOTES-OWNERS: :[[@LINE-10]]:5: note: the task is spawned here
  // CHECK-NOTES-OWNERS: :[[@LINE+7]]:1: note: 'P' is destroyed here
  // CHECK-NOTES-OWNERS: :[[@LINE-12]]:81: note: captured 'this' is used here, when the task runs
  Q.start_pinned();
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:3: warning: function 'start_pinned' runs a coroutine lambda detached on '*this', owned by local 'Q', which the task may outlive [async-lambda-capture-lifetime]
  // CHECK-NOTES-CUSTOM: :[[@LINE-12]]:5: note: the task is spawned here
  // CHECK-NOTES-CUSTOM: :[[@LINE+2]]:1: note: 'Q' is destroyed here
  // CHECK-NOTES-CUSTOM: :[[@LINE-14]]:84: note: captured 'this' is used here, when the task runs
}

// RUN: %check_async_lint --modes=plugin,driver %s async-lambda-capture-lifetime %t

// Closures handed on by the code they are given to (RelayedClosures): a
// consumer that returns the task of its reference parameter's call, whose
// caller drops it or keeps it past the closure; and a consumer that moves
// its parameter into an init-capture of a lambda that a callback API (or a
// visible consumer) calls and destroys.

#include <string>
#include <utility>

#include "eager_future.h"
#include "task.h"

demo::eager<> pause();
demo::eager<int> ready();
void consume(const std::string &);

// --- The task of the caller's temporary returned.

template <class F> auto guarded(demo::latch_like &L, F &&Fn) {
  L.arrive();
  auto R = Fn();
  L.depart();
  return R;
}
template <class F> auto direct(F &&Fn) { return Fn(); }
#define GUARDED(L, Body) (void)guarded(L, [S]() -> demo::eager<> Body)

void returned(demo::latch_like &L, std::string S) {
  (void)guarded(L, [S]() -> demo::eager<> { co_await pause(); consume(S); });
  direct([S]() -> demo::eager<> { co_await pause(); consume(S); });
  GUARDED(L, { co_await pause(); consume(S); });
  auto InLambda = [&L](std::string T) {
    (void)guarded(L, [T]() -> demo::eager<> { co_await pause(); consume(T); });
  };
  InLambda(S);
}

demo::eager<> kept(std::string S) {
  auto Later = direct([S]() -> demo::eager<> { co_await pause(); consume(S); });
  co_await Later;
}

// Silent: awaited in the same full expression; a lazy task dropped (never
// runs); captureless; the captures copied before the first suspension; a
// named closure that lives until its task is awaited.
demo::eager<> returnedSilent(demo::latch_like &L, std::string S) {
  co_await guarded(L, [S]() -> demo::eager<> { co_await pause(); consume(S); });
  (void)direct([S]() -> demo::task<> { consume(S); co_return; });
  (void)direct([]() -> demo::eager<> { co_await pause(); });
  (void)guarded(L, [S]() mutable -> demo::eager<> {
    std::string Mine = std::move(S);
    co_await pause();
    consume(Mine);
  });
  auto Named = [S]() -> demo::eager<> { co_await pause(); consume(S); };
  auto Task = direct(Named);
  co_await Task;
}

// --- The closure moved into a lambda that is called, then destroyed.

template <class F> demo::eager<> whenReady(F &&Fn) {
  return ready().then([Fn = std::forward<F>(Fn)](int) mutable { return Fn(); });
}
template <class G> void runNow(G Job) { Job(); }
template <class F> void relayNow(F &&Fn) {
  runNow([Fn = std::move(Fn)]() mutable { (void)Fn(); });
}
void stash(void (*)(void *), void *);
template <class F> void relayUnknown(F &&Fn) {
  auto Relay = [Fn = std::move(Fn)]() mutable { (void)Fn(); };
  stash(nullptr, &Relay);
}

demo::eager<> relayed(std::string S) {
  co_await whenReady([S]() -> demo::eager<> { co_await pause(); consume(S); });
  relayNow([S]() -> demo::eager<> { co_await pause(); consume(S); });
}

// Silent: a relay to code that does not say it calls it; the captures
// copied before the first suspension.
demo::eager<> relayedSilent(std::string S) {
  relayUnknown([S]() -> demo::eager<> { co_await pause(); consume(S); });
  co_await whenReady([S]() mutable -> demo::eager<> {
    std::string Mine = std::move(S);
    co_await pause();
    consume(Mine);
  });
}

// CHECK-NOTES: :31:20: warning: coroutine lambda with captures passed to 'guarded' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
// CHECK-NOTES: :31:3: note: the eager task is dropped here and runs on detached
// CHECK-NOTES: :31:76: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :31:71: note: capture 'S' is used here, after the coroutine may have suspended
// CHECK-NOTES: :32:10: warning: coroutine lambda with captures passed to 'direct' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
// CHECK-NOTES: :32:3: note: the eager task is dropped here and runs on detached
// CHECK-NOTES: :32:66: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :32:61: note: capture 'S' is used here, after the coroutine may have suspended
// CHECK-NOTES: :33:3: warning: coroutine lambda with captures passed to 'guarded' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
// CHECK-NOTES: :28:43: note: expanded from macro 'GUARDED'
// CHECK-NOTES: :33:3: note: the eager task is dropped here and runs on detached
// CHECK-NOTES: :28:26: note: expanded from macro 'GUARDED'
// CHECK-NOTES: :33:3: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :28:70: note: expanded from macro 'GUARDED'
// CHECK-NOTES: :33:42: note: capture 'S' is used here, after the coroutine may have suspended
// CHECK-NOTES: :35:22: warning: coroutine lambda with captures passed to 'guarded' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
// CHECK-NOTES: :35:5: note: the eager task is dropped here and runs on detached
// CHECK-NOTES: :35:78: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :35:73: note: capture 'T' is used here, after the coroutine may have suspended
// CHECK-NOTES: :41:23: warning: coroutine lambda with captures passed to 'direct' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
// CHECK-NOTES: :41:79: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :42:3: note: the task is awaited here, after the full expression that created it
// CHECK-NOTES: :41:74: note: capture 'S' is used here, after the coroutine may have suspended
// CHECK-NOTES: :78:22: warning: coroutine lambda with captures passed to 'whenReady' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
// CHECK-NOTES: :65:72: note: the lambda is called here, and destroyed when this function returns
// CHECK-NOTES: :78:73: note: capture 'S' is used here, after the coroutine may have suspended
// CHECK-NOTES: :79:12: warning: coroutine lambda with captures passed to 'relayNow' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
// CHECK-NOTES: :69:49: note: the lambda is called here, and destroyed when this function returns
// CHECK-NOTES: :79:63: note: capture 'S' is used here, after the coroutine may have suspended

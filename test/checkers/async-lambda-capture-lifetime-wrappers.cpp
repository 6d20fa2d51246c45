// RUN: %check_async_lint --modes=plugin,driver %s async-lambda-capture-lifetime %t
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-lambda-capture-lifetime %t.custom \
// RUN:   --config="{CheckOptions: {async-lambda-capture-lifetime.NonOwningWrappers: 'corp::fn_ref'}}"

// Non-owning wrappers (NonOwningWrappers): a wrapper that keeps a pointer
// to the lambda it wraps, built around a temporary coroutine lambda and
// kept past the full expression (in a local that is used, or returned,
// itself or inside an object whose type names it), calls a dead closure.

#include <string>
#include <utility>

#include "eager_future.h"

demo::eager<> pause();
void consume(const std::string &);

namespace seastar::coroutine {
template <class Fn> struct lambda {
  Fn *Target;
  explicit lambda(Fn &&F) : Target(&F) {}
  auto operator()() const { return (*Target)(); }
};
template <class Fn> lambda(Fn &&) -> lambda<Fn>;
} // namespace seastar::coroutine
namespace corp {
template <class Fn> struct fn_ref {
  Fn *Target;
  explicit fn_ref(Fn &&F) : Target(&F) {}
};
template <class Fn> fn_ref(Fn &&) -> fn_ref<Fn>;
} // namespace corp

template <class Fn> struct Job {
  explicit Job(Fn F) : Body(std::move(F)) {}
  demo::eager<> run() { return Body(); }
  Fn Body;
};
template <class T> struct Owner {
  T *Ptr;
  T *operator->() const { return Ptr; }
};
template <class Fn> Owner<Job<Fn>> makeJob(Fn F) {
  return {new Job<Fn>(std::move(F))};
}
template <class Fn> demo::eager<> runOnce(Fn F) { return F(); }
template <class T> void later(T &&);
#define WRAPPED(Body) seastar::coroutine::lambda([S]() -> demo::eager<> Body)

void stored(std::string S) {
  auto J = makeJob(seastar::coroutine::lambda([S]() -> demo::eager<> {
    co_await pause();
    consume(S);
  }));
  later(std::move(J));
  auto W = WRAPPED({ co_await pause(); consume(S); });
  (void)W();
  auto C = corp::fn_ref([S]() -> demo::eager<> { co_await pause(); consume(S); });
  (void)C;
}
auto returned(std::string S) {
  return makeJob(seastar::coroutine::lambda([S]() -> demo::eager<> {
    co_await pause();
    consume(S);
  }));
}

// Silent: awaited in the full expression that made the wrapper (the
// remedy); a named lambda that outlives the wrapper's use; a holder never
// used; no captures.
demo::eager<> silent(std::string S) {
  co_await runOnce(seastar::coroutine::lambda([S]() -> demo::eager<> {
    co_await pause();
    consume(S);
  }));
  auto Named = [S]() -> demo::eager<> { co_await pause(); consume(S); };
  auto J = makeJob(seastar::coroutine::lambda(std::move(Named)));
  co_await J->run();
  auto Unused = makeJob(seastar::coroutine::lambda([S]() -> demo::eager<> {
    co_await pause();
    consume(S);
  }));
  auto None = makeJob(seastar::coroutine::lambda([]() -> demo::eager<> {
    co_await pause();
  }));
  later(std::move(None));
}

// CHECK-NOTES: :51:47: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
// CHECK-NOTES: :51:8: note: the function object holds 'seastar::coroutine::lambda', which refers to the closure and does not own it
// CHECK-NOTES: :54:6: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :53:13: note: capture 'S' is used here, when the task runs
// CHECK-NOTES: :56:12: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
// CHECK-NOTES: :48:50: note: expanded from macro 'WRAPPED'
// CHECK-NOTES: :56:8: note: the function object holds 'seastar::coroutine::lambda', which refers to the closure and does not own it
// CHECK-NOTES: :56:54: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :56:48: note: capture 'S' is used here, when the task runs
// CHECK-NOTES: :62:45: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
// CHECK-NOTES: :62:3: note: the function object holds 'seastar::coroutine::lambda', which refers to the closure and does not own it
// CHECK-NOTES: :65:5: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :64:13: note: capture 'S' is used here, when the task runs

// CHECK-NOTES-CUSTOM: :58:25: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
// CHECK-NOTES-CUSTOM: :58:8: note: the function object holds 'corp::fn_ref', which refers to the closure and does not own it
// CHECK-NOTES-CUSTOM: :58:82: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES-CUSTOM: :58:76: note: capture 'S' is used here, when the task runs

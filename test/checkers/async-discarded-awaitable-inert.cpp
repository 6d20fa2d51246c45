// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-discarded-awaitable %t

// An awaiter whose await does nothing (await_ready is constant true, so
// await_suspend never runs, and await_resume is empty: std::suspend_never)
// is no work: dropping it loses nothing. Reduced from a tutorial that drives
// a hand-made promise by hand. The twins do something when awaited.

#include <coroutine>

struct resumer {
  std::coroutine_handle<> Continuation;
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept { Continuation.resume(); }
  void await_resume() noexcept {}
};
struct ready_with_effect {
  int *Count;
  bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept { ++*Count; }
};
struct promise {
  std::suspend_never initial_suspend() noexcept { return {}; }
  resumer final_suspend() noexcept { return {}; }
  ready_with_effect counted(int &N) { return {&N}; }
};
template <class P> void drive(P &Promise) { Promise.initial_suspend(); }
#define START(p) (p).initial_suspend()

void by_hand(promise &P, int &N) {
  P.initial_suspend();
  START(P);
  drive(P);
  P.final_suspend();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'promise::final_suspend' is discarded [async-discarded-awaitable]
  P.counted(N);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'promise::counted' is discarded [async-discarded-awaitable]
}

// Members named like an awaiter's, but no await_suspend that takes the
// coroutine's handle: 'co_await' on it does not compile, so it is no
// awaitable (a runtime's 'fork' result that is only joined by a call).
struct not_an_awaiter {
  bool await_ready();
  void await_suspend();
  void await_resume();
};
not_an_awaiter make_joinable();
void kept_not_awaiter() { [[maybe_unused]] not_an_awaiter J = make_joinable(); }

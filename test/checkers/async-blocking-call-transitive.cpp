// RUN: %check_async_lint %s async-blocking-call %t

#include <future>
#include <thread>

#include "task.h"

using namespace std::chrono_literals;

// A helper chain: the coroutine is flagged at its call, with the path.
void nap() { std::this_thread::sleep_for(5ms); }
void tidy_up() { nap(); }

demo::task<> caller() {
  tidy_up();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: call to 'tidy_up' blocks the executor thread inside coroutine 'caller' [async-blocking-call]
  // CHECK-NOTES: :12:18: note: 'tidy_up' calls 'nap' here
  // CHECK-NOTES: :11:14: note: 'nap' calls 'std::this_thread::sleep_for' here, which blocks (sleeping); await an asynchronous timer instead
  co_return;
}

// Member functions and constructors defined in this file are followed too.
struct Cache {
  Cache() { refresh(); }
  void refresh() { Pending.wait(); }
  std::future<int> Pending;
};

demo::task<> uses_cache(Cache &C) {
  C.refresh();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: call to 'Cache::refresh' blocks the executor thread inside coroutine 'uses_cache'
  // CHECK-NOTES: :25:28: note: 'Cache::refresh' calls 'std::future::wait' here, which blocks (waiting for a result); 'co_await' the result instead
  Cache Fresh;
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: call to 'Cache::Cache' blocks the executor thread inside coroutine 'uses_cache'
  // CHECK-NOTES: :24:13: note: 'Cache::Cache' calls 'Cache::refresh' here
  // CHECK-NOTES: :25:28: note: 'Cache::refresh' calls 'std::future::wait' here, which blocks (waiting for a result); 'co_await' the result instead
  co_return;
}

// A lambda called in the coroutine runs in the coroutine.
demo::task<> calls_lambdas() {
  [] { std::this_thread::sleep_for(1ms); }();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: call to a lambda blocks the executor thread inside coroutine 'calls_lambdas'
  // CHECK-NOTES: :[[@LINE-2]]:8: note: a lambda calls 'std::this_thread::sleep_for' here, which blocks (sleeping); await an asynchronous timer instead
  auto Wait = [](std::future<int> &F) { return F.get(); };
  std::future<int> F;
  Wait(F);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: call to a lambda blocks the executor thread inside coroutine 'calls_lambdas'
  // CHECK-NOTES: :[[@LINE-4]]:50: note: a lambda calls 'std::future::get' here, which blocks (waiting for a result); 'co_await' the result instead
  co_return;
}

// Templates: the instantiation that blocks is followed.
template <class T> void drain(T &Source) { Source.get(); }
struct Nothing {
  int get() { return 0; }
};
demo::task<> generic(std::future<int> &F, Nothing &N) {
  drain(N);
  drain(F);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: call to 'drain' blocks the executor thread inside coroutine 'generic'
  // CHECK-NOTES: :[[@LINE-8]]:51: note: 'drain' calls 'std::future::get' here, which blocks (waiting for a result); 'co_await' the result instead
  co_return;
}

// A helper that hands the blocking work to another thread does not block.
void offload() {
  std::thread([] { std::this_thread::sleep_for(1s); }).detach();
}
void offload_to_pool(demo::thread_pool &Pool) {
  Pool.post([] { std::this_thread::sleep_for(1s); });
}
// Recursion terminates, and a helper that does not block stays silent.
int fib(int N) { return N < 2 ? N : fib(N - 1) + fib(N - 2); }
void ping();
void pong() { ping(); }
void ping() { pong(); }
// Calling another coroutine creates a task; its body is judged on its own.
demo::task<> sleeper() {
  std::this_thread::sleep_for(1s);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'sleeper'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: this call blocks (sleeping); await an asynchronous timer instead 
  co_return;
}

demo::task<> silent(demo::thread_pool &Pool) {
  offload();
  offload_to_pool(Pool);
  (void)fib(10);
  ping();
  co_await sleeper();
  co_return;
}

// The path is followed three functions deep by default (MaxCallDepth).
void level3() { std::this_thread::sleep_for(1s); }
void level2() { level3(); }
void level1() { level2(); }
void level0() { level1(); }

demo::task<> depth() {
  level1();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: call to 'level1' blocks the executor thread inside coroutine 'depth'
  // CHECK-NOTES: :[[@LINE-6]]:17: note: 'level1' calls 'level2' here
  // CHECK-NOTES: :[[@LINE-8]]:17: note: 'level2' calls 'level3' here
  // CHECK-NOTES: :[[@LINE-10]]:17: note: 'level3' calls 'std::this_thread::sleep_for' here, which blocks (sleeping); await an asynchronous timer instead
  level0();
  co_return;
}

// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-blocking-call %t -- -- -I %S/Inputs/project

// A finding in a library's generic bridge about the lambda its caller handed
// in is reported at that lambda, with the bridge's line as a note. Before,
// it lay in the library's header, which the user cannot change and where
// clang-tidy shows nothing unless --header-filter names it.

#include <chrono>
#include <thread>

#include "generic_bridge.h"

void hands_in_a_blocking_lambda() {
  auto t = bridge::submit([] {
    // CHECK-NOTES: :[[@LINE-1]]:27: warning: call to a lambda blocks the executor thread inside coroutine 'run_bridged' [async-blocking-call]
    std::this_thread::sleep_for(std::chrono::seconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: note: a lambda calls 'std::this_thread::sleep_for' here, which blocks (sleeping); await an asynchronous timer instead
    // CHECK-NOTES: generic_bridge.h:8:65: note: 'bridge::run_bridged', a template in another file, calls the lambda here
    // LSP-MISSING: [[@LINE-5]] clangd's preamble skips the bridge's body in the header
    return 1;
  });
  (void)t;
}

// A lambda that does not block: nothing to report, here or in the bridge.
void hands_in_a_quick_lambda() {
  auto t = bridge::submit([] { return 1; });
  (void)t;
}

// The library's own lambda, written in its own header: not the caller's.
void library_lambda() {
  auto t = bridge::own_lambda(0);
  (void)t;
}

// A generic bridge written in this file: the finding stays where it is, in
// code the user can change.
template <class F> demo::task<int> local_bridge(F f) {
  co_return f();
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: call to a lambda blocks the executor thread inside coroutine 'local_bridge' [async-blocking-call]
}

void hands_a_blocking_lambda_to_a_local_bridge() {
  auto t = local_bridge([] {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: note: a lambda calls 'std::this_thread::sleep_for' here, which blocks (sleeping); await an asynchronous timer instead
    return 1;
  });
  (void)t;
}

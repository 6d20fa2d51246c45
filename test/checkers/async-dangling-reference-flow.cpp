// RUN: %check_async_lint %s async-dangling-reference %t

// A task kept in a local is judged on the function's CFG: what runs
// between its creation and its await is what the paths say, not what lies
// between them in the source (TaskFlow, TaskFateLattice.h).

#include "task.h"

demo::task<int> count(const int *P);

// The await comes before the creation in the source; it runs on the next
// iteration, after the local the task points to is destroyed.
demo::task<> awaited_next_iteration(int N) {
  auto T = count(nullptr);
  for (int I = 0; I < N; ++I) {
    co_await T;
    int Local = I;
    T = count(&Local);
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: parameter 'P' of 'count' refers to local 'Local', which its task may outlive
    // CHECK-NOTES: :[[@LINE-4]]:5: note: the task is awaited here, after the full expression that created it
    // CHECK-NOTES: :[[@LINE+2]]:3: note: 'Local' is destroyed here
    // CHECK-NOTES: :9:17: note: 'count' is declared here and defined elsewhere, so its task may use what it is given when it runs; 'demo::task<int>' is a lazy task type: the body runs only after the call has returned
  }
}

// Awaited in the iteration that created it: fine.
demo::task<> awaited_same_iteration(int N) {
  for (int I = 0; I < N; ++I) {
    int Local = I;
    auto T = count(&Local);
    co_await T;
  }
}

// Dropped at the end of the iteration on the path that skips the await: a
// lazy task that is dropped never runs, so the local's death after it is
// fine.
demo::task<> dropped_before_local_dies(int N) {
  for (int I = 0; I < N; ++I) {
    int Local = I;
    auto T = count(&Local);
    if (I % 2)
      co_await T;
  }
}

// Defaults: loops bounded by their data are not reported; every coroutine is
// judged; the default checkpoint functions are known.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-busy-loop %t.default
// Custom values of every option: loops bounded at run time are reported
// (not those of a compile-time bound), 'corp::relax' is a checkpoint, and
// 'legacy::reported' is not judged.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-busy-loop %t.custom \
// RUN:   --config="{CheckOptions: {async-busy-loop.IgnoredFunctions: 'legacy::reported', async-busy-loop.CheckpointFunctions: 'corp::relax', async-busy-loop.CheckRuntimeBoundedLoops: true}}"

#include "task.h"
#include <array>
#include <atomic>
#include <vector>

std::atomic<bool> ready;
void use(int);

namespace corp {
void relax();
}

namespace legacy {
demo::task<> reported() {
  while (!ready.load()) {
  }
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: warning: loop never suspends: while it spins, no other task on this executor runs [async-busy-loop]
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:10: note: this condition depends only on state the loop does not change
  co_return;
}
} // namespace legacy

demo::task<> relaxing() {
  for (;;)
    corp::relax();
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: warning: loop never suspends: while it runs, no other task on this executor runs
  co_return;
}

struct queue {
  bool empty() const;
  void pop();
};

demo::task<> bounded_at_run_time(std::vector<int> &items, int n, queue &q) {
  for (int item : items)
    use(item);
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: warning: loop never suspends: for as many iterations as its data has, no other task on this executor runs [async-busy-loop]
  for (int i = 0; i < n * 4096; ++i)
    use(i);
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: warning: loop never suspends: for as many iterations as its data has
  while (!q.empty())
    q.pop();
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: warning: loop never suspends: for as many iterations as its data has
  co_return;
}

demo::task<> bounded_at_compile_time(std::array<int, 4> &fixed) {
  int c_array[8] = {};
  for (int item : c_array)
    use(item);
  for (int item : fixed)
    use(item);
  for (int i = 0; i < 16; ++i)
    use(i);
  constexpr int Size = 4;
  int j = 0;
  while (j < Size)
    use(j++);
  co_return;
}

demo::task<> bounded_and_yielding(std::vector<int> &items) {
  for (int item : items)
    co_await demo::task<>();
  co_return;
}

// The check's own lists and a shared one, set in .clang-tidy.
// Defaults: corp::launch and corp::start_thread are no spawns,
// corp::take_slot() is no limiter, and corp::fan_each (declared only) is no
// parallel_for_each.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unbounded-spawn %t.default
// In-house spawns (a shared list and a spawn-like one) and limiter, listed.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-unbounded-spawn %t.custom \
// RUN:   --config="{CheckOptions: {SpawnFunctions: 'asio::co_spawn;corp::launch', async-unbounded-spawn.SpawnLikeFunctions: 'corp::start_thread', async-unbounded-spawn.LimiterFunctions: 'corp::take_slot', async-unbounded-spawn.ParallelForEachFunctions: 'corp::fan_each'}}"

#include <vector>

#include "asio.hpp"
#include "task.h"

namespace corp {
void launch(asio::io_context &, asio::awaitable<void>);
void start_thread(void (*)());
void take_slot();
template <class Range, class Func> demo::task<> fan_each(Range &, Func);
} // namespace corp
demo::task<> handle(int);

asio::awaitable<void> process(int);
void job();

void launches(asio::io_context &Ctx, const std::vector<int> &Items) {
  for (int Item : Items)
    corp::launch(Ctx, process(Item));
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:5: warning: 'corp::launch' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:3: note: the loop has no static bound, and some path through it comes back to the spawn without suspending
}

void threads(bool &Running) {
  while (Running)
    corp::start_thread(job);
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:5: warning: 'corp::start_thread' starts a task on every iteration of an unbounded loop
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:3: note: the loop has no static bound
}

void slotted(asio::io_context &Ctx, const std::vector<int> &Items) {
  for (int Item : Items) {
    corp::take_slot();
    asio::co_spawn(Ctx, process(Item), asio::detached);
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration of an unbounded loop
    // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:3: note: the loop has no static bound
  }
}

demo::task<> fans(std::vector<int> &Items) {
  co_await corp::fan_each(Items, handle);
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:12: warning: 'corp::fan_each' starts a task for every element of a range of runtime size, all at once [async-unbounded-spawn]
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:27: note: the range has no static bound
}

// async-work-never-run on the real libcoro headers: a scheduler made by
// scheduler::make_unique with the manual thread strategy and inline task
// processing runs what is spawned on it only in process_events().
#include <coro/coro.hpp>

coro::task<void> work() { co_return; }

void spawnedNeverProcessed() {
  auto s = coro::scheduler::make_unique(coro::scheduler::options{
      .thread_strategy = coro::scheduler::thread_strategy_t::manual,
      .execution_strategy =
          coro::scheduler::execution_strategy_t::process_tasks_inline});
  s->spawn_detached(work());
}

void spawnedAndProcessed() {
  auto s = coro::scheduler::make_unique(coro::scheduler::options{
      .thread_strategy = coro::scheduler::thread_strategy_t::manual,
      .execution_strategy =
          coro::scheduler::execution_strategy_t::process_tasks_inline});
  s->spawn_detached(work());
  while (s->process_events(std::chrono::milliseconds{10}) > 0)
    ;
}

// The default options: the scheduler's own thread and pool run the work.
void spawnedOnDefault() {
  auto s = coro::scheduler::make_unique();
  s->spawn_detached(work());
}

// Manual, but tasks go to the scheduler's thread pool, which runs them.
void spawnedManualOnPool() {
  auto s = coro::scheduler::make_unique(coro::scheduler::options{
      .thread_strategy = coro::scheduler::thread_strategy_t::manual});
  s->spawn_detached(work());
}

// Compiled against the real libcoro headers of prepare.sh: an in-house spawn
// whose body hands the task to thread_pool::spawn_detached loses what it
// throws (libcoro's self-deleting task drops the exception).
#include <coro/coro.hpp>
#include <stdexcept>
#include <utility>

bool failed();

coro::task<void> job() {
  if (failed())
    throw std::runtime_error("job");
  co_return;
}
coro::task<void> quiet() { co_return; }

void run_job(coro::thread_pool &Pool, coro::task<void> Job) {
  Pool.spawn_detached(std::move(Job));
}

void use(coro::thread_pool &Pool) {
  run_job(Pool, job());
  // Silent: a task that cannot throw loses nothing.
  run_job(Pool, quiet());
}

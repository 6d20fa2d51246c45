// async-circular-wait's one-thread pool table on the real cppcoro headers:
// sync_wait on the only thread of a static_thread_pool, of work that needs it.
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>

cppcoro::static_thread_pool single{1};

cppcoro::task<int> work(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
  co_return 1;
}
cppcoro::task<void> blocks() {
  co_await single.schedule();
  cppcoro::sync_wait(work(single));
}

// The caller is not on the pool (cppcoro's own sync_wait test): silent.
int from_main() { return cppcoro::sync_wait(work(single)); }

// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unbounded-spawn %t.default
// RUN: %check_async_lint --check-suffix=STRICT %s async-unbounded-spawn %t.strict \
// RUN:   --config="{CheckOptions: {async-unbounded-spawn.StrictMode: true}}"

#include <array>
#include <future>
#include <thread>
#include <utility>
#include <vector>

#include "asio.hpp"
#include "folly/coro/Task.h"
#include "task.h"

namespace demo {
template <class T> task<> when_all(T &&);
} // namespace demo
namespace coro {
struct semaphore {
  demo::task<> acquire();
  void release();
};
} // namespace coro

asio::awaitable<void> process(int);
asio::awaitable<void> session(asio::ip::tcp::socket);
asio::awaitable<void> op();
demo::task<> handle(int);
demo::fire_and_forget notify(int);
folly::coro::Task<> work(int);
void job();

// --- Loops without a bound that spawn and do not wait.

void fan_out(asio::io_context &Ctx, const std::vector<int> &Items) {
  for (int Item : Items)
    asio::co_spawn(Ctx, process(Item), asio::detached);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound, and some path through it comes back to the spawn without suspending
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:5: warning: 'asio::co_spawn' starts a task on every iteration of an unbounded loop that waits for none of them
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the loop has no static bound, and some path
}

asio::awaitable<void> sometimes_suspends(asio::io_context &Ctx, bool Flag) {
  for (int I = 0;; ++I) {
    if (Flag)
      co_await op();
    asio::co_spawn(Ctx, process(I), asio::detached);
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration of an unbounded loop that waits for none of them
    // CHECK-NOTES-DEFAULT: :[[@LINE-5]]:3: note: the loop has no static bound, and some path
    // CHECK-NOTES-STRICT: :[[@LINE-3]]:5: warning: 'asio::co_spawn' starts a task
    // CHECK-NOTES-STRICT: :[[@LINE-7]]:3: note: the loop has no static bound, and some path
  }
}

void threads_and_futures(bool &Running, int N) {
  while (Running)
    std::thread(job).detach();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'std::thread::detach' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:5: warning: 'std::thread::detach' starts a task on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the loop has no static bound
  for (int I = 0; I < N; ++I)
    (void)std::async(job);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:11: warning: 'std::async' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:11: warning: 'std::async' starts a task on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the loop has no static bound
}

void collected_threads(const std::vector<int> &Items,
                       std::vector<std::thread> &Workers) {
  for (int Item : Items)
    Workers.emplace_back(job);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the loop has no static bound
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back(job);
  // A condition that is a conjunction ends the loop no later than its
  // bounding part; a disjunction does not.
  for (int I = 0; I < 4 && !Workers.empty(); ++I)
    Workers.emplace_back(job);
  for (int I = 0; !Workers.empty() && (I < 4 && I < 8); ++I)
    Workers.emplace_back(job);
  for (int I = 0; I < 4 || Items.empty(); ++I)
    Workers.emplace_back(job);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the loop has no static bound
}

// A pool sized once: the bound is a local (or a member of one) that the loop
// does not change. Silent.
struct pool_options {
  unsigned thread_count;
};
struct pool {
  pool_options opts;
  std::vector<std::thread> threads;
};
void fixed_pool(pool *P, pool_options Opts) {
  const unsigned Count = Opts.thread_count;
  for (unsigned I = 0; I < Count; ++I)
    P->threads.emplace_back(job);
  pool *Q = P;
  for (unsigned I = 0; I < Q->opts.thread_count; ++I)
    Q->threads.emplace_back(job);
}

// The twin: a bound read from a parameter is the caller's input.
void pool_from_input(pool *P) {
  for (unsigned I = 0; I < P->opts.thread_count; ++I)
    P->threads.emplace_back(job);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the loop has no static bound
}

void eager_per_item(const std::vector<int> &Items, folly::Executor *Ex) {
  for (int Item : Items)
    notify(Item);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'notify' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:5: warning: 'notify' starts a task on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the loop has no static bound
  for (int Item : Items)
    work(Item).scheduleOn(Ex).start();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'folly::coro::TaskWithExecutor::start' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:5: warning: 'folly::coro::TaskWithExecutor::start' starts a task on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the loop has no static bound
}

// --- Fan-out: one task per element of a runtime-sized range, all at once.

demo::task<> gather(const std::vector<int> &Items) {
  std::vector<demo::task<>> Tasks;
  for (int Item : Items)
    Tasks.push_back(handle(Item));
  co_await demo::when_all(std::move(Tasks));
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Tasks' at once, one per iteration of an unbounded loop
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-5]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:12: warning: 'demo::when_all' runs every task in 'Tasks' at once
  // CHECK-NOTES-STRICT: :[[@LINE-6]]:5: note: a task is added here on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-8]]:3: note: the loop has no static bound
}

// --- Recursion: a coroutine that spawns itself.

asio::awaitable<void> ticker(asio::io_context &Ctx) {
  co_await op();
  asio::co_spawn(Ctx, ticker(Ctx), asio::detached);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: coroutine 'ticker' spawns itself: every run starts another, with no bound on how many run at once
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: warning: coroutine 'ticker' spawns itself
}

// --- The accept loop: paced by its input, reported only in StrictMode.

asio::awaitable<void> listener(asio::ip::tcp::acceptor &Acceptor,
                               asio::io_context &Ctx) {
  for (;;) {
    auto Socket = co_await Acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(Ctx, session(std::move(Socket)), asio::detached);
    // CHECK-NOTES-STRICT: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration of an unbounded loop paced only by what it awaits [async-unbounded-spawn]
    // CHECK-NOTES-STRICT: :[[@LINE-4]]:3: note: the loop has no static bound; each iteration suspends before spawning, but nothing waits for the spawned tasks
  }
}

// --- Silent: bounded loops, limiters.

void bounded(asio::io_context &Ctx) {
  for (int I = 0; I < 4; ++I)
    asio::co_spawn(Ctx, process(I), asio::detached);
  int Fixed[] = {1, 2, 3};
  for (int I : Fixed)
    asio::co_spawn(Ctx, process(I), asio::detached);
  for (int I : std::array<int, 2>{1, 2})
    asio::co_spawn(Ctx, process(I), asio::detached);
}

demo::task<> with_semaphore(coro::semaphore &Slots,
                            const std::vector<int> &Items) {
  for (int Item : Items) {
    co_await Slots.acquire();
    notify(Item);
  }
}

asio::awaitable<void> with_counter(asio::io_context &Ctx, int &Active,
                                   const std::vector<int> &Items) {
  for (int Item : Items) {
    while (Active >= 16)
      co_await op();
    ++Active;
    asio::co_spawn(Ctx, process(Item), asio::detached);
  }
}

asio::awaitable<void>
with_channel(asio::experimental::channel<void(int)> &Queue,
             asio::ip::tcp::acceptor &Acceptor, asio::io_context &Ctx) {
  for (;;) {
    auto Socket = co_await Acceptor.async_accept(asio::use_awaitable);
    co_await Queue.async_send(1, asio::use_awaitable);
    asio::co_spawn(Ctx, session(std::move(Socket)), asio::detached);
  }
}

demo::task<> one_at_a_time(const std::vector<int> &Items) {
  for (int Item : Items)
    co_await handle(Item);
}

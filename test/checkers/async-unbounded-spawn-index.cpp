// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-unbounded-spawn %t

// Index loops over a range that start a request per element: `i <
// r.size()` runs once per element of 'r', as a range-based for over it
// does, so it is bounded only when the range's size is fixed (an array, a
// std::array, a span of static extent, a local made from constants), not
// when it is a member, a local filled at run time, or a count taken from
// one.

#include <array>
#include <thread>
#include <span>
#include <utility>
#include <vector>

#include "asio.hpp"
#include "task.h"

namespace demo {
template <class T> task<> when_all(T &&);
struct semaphore {
  task<> acquire();
  void release();
};
} // namespace demo

struct request {};
demo::task<> send(const request &);
asio::awaitable<void> push(int);
std::vector<request> load();

// --- A count read from a range of runtime size.

// A local filled at run time, its count kept in a local.
demo::task<> fetch_loaded() {
  std::vector<request> Requests = load();
  std::vector<demo::task<>> Tasks;
  const unsigned long N = Requests.size();
  for (unsigned long I = 0; I < N; ++I)
    Tasks.push_back(send(Requests[I]));
  co_await demo::when_all(std::move(Tasks));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Tasks' at once, one per iteration of an unbounded loop [async-unbounded-spawn]
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the loop has no static bound
}

// A span over the caller's requests, made locally.
demo::task<> fetch_view(std::vector<request> &All) {
  std::span<request> View(All);
  std::vector<demo::task<>> Tasks(View.size());
  for (unsigned long I = 0; I < View.size(); ++I)
    Tasks[I] = send(View[I]);
  co_await demo::when_all(std::move(Tasks));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Tasks' at once
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the loop has no static bound
}

// A member container that grows with the load (add() adds to it), one
// spawn per element.
struct broadcaster {
  asio::io_context &Ctx;
  std::vector<int> Peers;
  void add(int Peer) { Peers.push_back(Peer); }
  void publish() {
    for (unsigned long I = 0; I < Peers.size(); ++I)
      asio::co_spawn(Ctx, push(Peers[I]), asio::detached);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'asio::co_spawn' starts a task on every iteration of an unbounded loop that waits for none of them
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the loop has no static bound, and some path through it comes back to the spawn without suspending
  }
  // The same in a member function template.
  template <class T> void publish_again(T Value) {
    for (unsigned long I = 0; Peers.size() > I; ++I)
      asio::co_spawn(Ctx, push(Peers[I] + Value), asio::detached);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'asio::co_spawn' starts a task on every iteration
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the loop has no static bound
  }
};
template void broadcaster::publish_again<int>(int);

// Through a macro, and in a lambda.
#define FOR_INDEX(I, R) for (unsigned long I = 0; I < (R).size(); ++I)
void through_macro(asio::io_context &Ctx) {
  std::vector<request> Requests = load();
  auto Run = [&] {
    FOR_INDEX(J, Requests)
      asio::co_spawn(Ctx, push(static_cast<int>(J)), asio::detached);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'asio::co_spawn' starts a task on every iteration
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the loop has no static bound
    // CHECK-NOTES: :[[@LINE-8]]:25: note: expanded from macro 'FOR_INDEX'
  };
  Run();
}

// --- Silent twins.

// Ranges of a fixed size: a std::array, a span of static extent, a local
// made with a constant count.
struct fixed_fanout {
  asio::io_context &Ctx;
  std::array<int, 4> Shards;
  void publish() {
    for (unsigned long I = 0; I < Shards.size(); ++I)
      asio::co_spawn(Ctx, push(Shards[I]), asio::detached);
  }
};
demo::task<> fixed_ranges(std::span<request, 3> Three) {
  std::vector<demo::task<>> Tasks;
  for (unsigned long I = 0; I < Three.size(); ++I)
    Tasks.push_back(send(Three[I]));
  co_await demo::when_all(std::move(Tasks));
  std::vector<request> Eight(8);
  std::vector<demo::task<>> More;
  for (unsigned long I = 0; I < Eight.size(); ++I)
    More.push_back(send(Eight[I]));
  co_await demo::when_all(std::move(More));
}

// A semaphore taken before each request, and fixed-size batches.
demo::task<> limited(demo::semaphore &Slots) {
  std::vector<request> Requests = load();
  std::vector<demo::task<>> Tasks;
  for (unsigned long I = 0; I < Requests.size(); ++I) {
    co_await Slots.acquire();
    Tasks.push_back(send(Requests[I]));
  }
  co_await demo::when_all(std::move(Tasks));
  std::vector<demo::task<>> Batch;
  for (unsigned long I = 0; I < Requests.size(); ++I) {
    Batch.push_back(send(Requests[I]));
    if (Batch.size() >= 16)
      co_await demo::when_all(std::move(Batch));
  }
  co_await demo::when_all(std::move(Batch));
}

// A pool sized from what its constructor is given.
struct pool {
  asio::io_context &Ctx;
  std::vector<std::thread> Workers;
  pool(asio::io_context &Ctx, const std::vector<int> &Cores) : Ctx(Ctx) {
    for (unsigned long I = 0; I < Cores.size(); ++I)
      Workers.emplace_back([] {});
  }
  ~pool() {
    for (std::thread &W : Workers)
      W.join();
  }
};

// A member filled only by the constructor (a pool of contexts made once,
// asio's io_context_pool): one thread per context, joined after the loop.
struct context_pool {
  std::vector<asio::io_context *> Contexts;
  explicit context_pool(unsigned long Size) {
    for (unsigned long I = 0; I < Size; ++I)
      Contexts.push_back(nullptr);
  }
  void run() {
    std::vector<std::thread> Threads;
    for (unsigned long I = 0; I < Contexts.size(); ++I)
      Threads.emplace_back([] {});
    for (unsigned long I = 0; I < Threads.size(); ++I)
      Threads[I].join();
  }
};

// A combinator's awaiter that starts every input it was made with (async
// simple's collectAny): a local taken whole from a member that only the
// constructor fills has the size the caller chose.
struct any_awaiter {
  asio::io_context &Ctx;
  std::vector<int> Input;
  any_awaiter(asio::io_context &Ctx, std::vector<int> &&In)
      : Ctx(Ctx), Input(std::move(In)) {}
  void start_all() {
    auto Taken = std::move(Input);
    for (unsigned long I = 0; I < Taken.size(); ++I)
      asio::co_spawn(Ctx, push(Taken[I]), asio::detached);
  }
};

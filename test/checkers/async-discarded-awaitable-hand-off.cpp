// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-discarded-awaitable %t

// An awaitable whose destructor hands its work on when it was not awaited
// (a nursery's start: awaiting it waits until the child has started,
// dropping it submits the child anyway) loses at most the wait when it is
// dropped, not the work. The evidence: the destructor moves out a member
// that awaiting moves out too. The twins: a lazy operation without a
// destructor, a destructor that only destroys, a destructor that moves
// out something awaiting does not.

#include <coroutine>
#include <utility>

#include "task.h"

template <class T> T *release(T *&P) {
  T *Old = P;
  P = nullptr;
  return Old;
}
struct work {
  void operator()() const {}
};

struct group {
  template <class Fn> void submit(Fn F) { F(); }

  class starter {
    group *G;
    work W;

  public:
    starter(group *G, work W) : G(G), W(std::move(W)) {}
    starter(starter &&O) noexcept
        : G(release(O.G)), W(std::move(O.W)) {}
    ~starter() {
      if (G) // not awaited: submit it now
        G->submit(std::move(W));
    }
    bool await_ready() { return false; }
    void await_suspend(std::coroutine_handle<>) {
      release(G)->submit(std::move(W));
    }
    void await_resume() {}
  };
  starter start(work W) { return starter(this, std::move(W)); }

  // A template of the same shape that moves its callable into the awaiter
  // operator co_await makes, and submits it from a lambda in its destructor.
  template <class Fn> struct start_awaiter {
    group *G;
    Fn F;
    bool await_ready() { return false; }
    void await_suspend(std::coroutine_handle<>) { G->submit(work{}); }
    void await_resume() {}
  };
  template <class Fn> class maker {
    group *G;
    Fn F;

  public:
    maker(group *G, Fn F) : G(G), F(std::move(F)) {}
    maker(maker &&O) noexcept
        : G(release(O.G)), F(std::move(O.F)) {}
    ~maker() {
      if (G)
        [this] { G->submit(std::move(F)); }();
    }
    start_awaiter<Fn> operator co_await() && {
      return {release(G), std::move(F)};
    }
  };
  template <class Fn> maker<Fn> start_with(Fn F) {
    return maker<Fn>(this, std::move(F));
  }

  // A lazy operation: nothing happens unless it is awaited.
  struct later {
    group *G;
    bool await_ready() { return false; }
    void await_suspend(std::coroutine_handle<>) { G->submit(work{}); }
    void await_resume() {}
  };
  later flush() { return later{this}; }

  // Its destructor only gives back what it holds.
  struct releasing {
    group *G;
    work W;
    work Spare;
    ~releasing() { G->submit(std::move(Spare)); }
    bool await_ready() { return false; }
    void await_suspend(std::coroutine_handle<>) { G->submit(std::move(W)); }
    void await_resume() {}
  };
  releasing take() { return releasing{this, {}, {}}; }

  // Its destructor only destroys.
  struct holding {
    int *Owned;
    ~holding() { delete Owned; }
    bool await_ready() { return false; }
    void await_suspend(std::coroutine_handle<>) { G->submit(work{}); }
    void await_resume() {}
    group *G;
  };
  holding hold() { return holding{new int(0), this}; }
};

#define START(g) (g).start(work{})

// --- Silent: the destructor submits the work.
demo::task<> dropped(group &G) {
  G.start(work{});
  G.start_with(work{});
  START(G);
  co_await G.start(work{});
}
struct owner {
  group G;
  demo::task<> run() {
    G.start(work{});
    co_return;
  }
};
auto Lambda = [](group &G) -> demo::task<> {
  G.start_with([] {});
  co_return;
};
template <class Fn> demo::task<> generic(group &G, Fn F) {
  G.start_with(std::move(F));
  co_return;
}
template demo::task<> generic<work>(group &, work);

// --- Reported: nothing hands the work on.
demo::task<> lost(group &G) {
  G.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'group::flush' is discarded [async-discarded-awaitable]
  G.take();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'group::take' is discarded [async-discarded-awaitable]
  G.hold();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'group::hold' is discarded [async-discarded-awaitable]
  co_return;
}

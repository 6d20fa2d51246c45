// Mocks for the owned-resumer and gate tests of async-dangling-reference
// and async-lambda-capture-lifetime: an eager task type, a thread pool whose
// wait_stop() joins its threads (read from its body), a manual executor
// whose Drain() runs its queue here (declared only: YACLib's name is in
// JoinFunctions), a wait group, and a gate its tasks hold (kelcoro's names
// of enter/leave and close are in SignalMembers and WaitMembers).

#ifndef ASYNC_LINT_TEST_OWNED_RESUMERS_H
#define ASYNC_LINT_TEST_OWNED_RESUMERS_H

#include <coroutine>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

using demo_size_t = decltype(sizeof 0);

template <class T = void> struct eager {
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

template <class T = void> struct lazy {
  struct promise_type {
    lazy get_return_object() { return {}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

namespace demo {
struct pool {
  std::vector<std::thread> threads;
  std::thread timer;
  struct hop {
    pool &p;
    bool await_ready();
    void await_suspend(std::coroutine_handle<>);
    bool await_resume();
  };
  void cancel_pending(); // resumes what is left, cancelled, on this thread
  void wait_stop() {     // joins every worker, then cancels what is left
    for (auto &t : threads)
      if (t.joinable())
        t.join();
    timer.join();
    cancel_pending();
  }
  void join_timer() { timer.join(); } // the workers still run
  int count() const;
};
inline pool::hop jump_on(pool &p) { return {p}; }
} // namespace demo

namespace yaclib {
struct IExecutor {
  virtual ~IExecutor() = default;
};
struct ManualExecutor : IExecutor {
  demo_size_t Drain() noexcept; // runs the queue on this thread until empty
};
template <class T> struct IntrusivePtr {
  T *p;
  T &operator*() const { return *p; }
  T *operator->() const { return p; }
};
using IExecutorPtr = IntrusivePtr<IExecutor>;
IExecutorPtr MakeManual();
struct OnAwaiter {
  IExecutor &e;
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
inline OnAwaiter On(IExecutor &e) { return {e}; }
struct WaitGroup {
  WaitGroup(demo_size_t n = 0);
  void Add(demo_size_t);
  void Done();
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
void keep(IExecutorPtr);
void signal_later(WaitGroup &);
} // namespace yaclib

struct parked { // resumed by someone else, on some thread
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
parked after_count(int n); // a timer: resumed on the timer's thread

namespace dd {
struct gate {
  demo_size_t count = 0;
  bool closing = false;
  std::coroutine_handle<> closer;
  void enter() { ++count; }
  void leave() {
    if (--count == 0 && closer)
      closer.resume();
  }
  struct holder {
    gate *g = nullptr;
    holder(gate *g) : g(g) { g->enter(); }
    ~holder() {
      if (g)
        g->leave();
    }
  };
  holder hold() { return holder{this}; }
  bool is_closed() const { return closing; }
  struct close_awaiter {
    gate *g;
    bool await_ready() { return g->count == 0; }
    void await_suspend(std::coroutine_handle<> h) { g->closer = h; }
    void await_resume() {}
  };
  close_awaiter close() {
    closing = true;
    return {this};
  }
};
} // namespace dd

#endif // ASYNC_LINT_TEST_OWNED_RESUMERS_H

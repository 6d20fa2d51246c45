// RUN: %check_async_lint %s async-blocking-call %t

// A start-up handshake: a function starts its own threads and waits on a
// local that only those threads' callables change, each at the top of its
// body, before any loop or blocking call (TooManyCooks' ex_cpu::init). No
// task of the waiting thread has to run for the wait to end: not reported,
// directly or through a call. A wait on anything else stays reported.

#include <atomic>
#include <chrono>
#include <latch>
#include <thread>
#include <vector>

#include "task.h"

using namespace std::chrono_literals;

void run_work();
void set_up_thread();
void keep(std::atomic<int> &);

// The reduction (R3): the threads signal before they run their work.
struct pool {
  std::vector<std::jthread> threads;
  void init() {
    std::atomic<int> started(2);
    for (int i = 0; i < 2; ++i)
      threads.emplace_back([&started] {
        started.fetch_sub(1);
        started.notify_all();
        for (;;)
          run_work();
      });
    for (int v = started.load(); v != 0; v = started.load())
      started.wait(v);
  }
};

demo::task<> starts_a_pool() {
  pool p;
  p.init();
  co_return;
}

// Waited on directly in the coroutine, with a std::thread and a latch.
demo::task<> waits_for_its_thread() {
  std::latch ready(1);
  std::thread t([&] {
    set_up_thread();
    ready.count_down();
    run_work();
  });
  ready.wait();
  t.detach();
  co_return;
}

// A helper makes the thread's callable, holding the local by reference
// (ex_cpu_st::make_worker); the thread is a member assigned from a
// temporary.
struct single {
  std::jthread worker;
  auto make_worker(std::atomic<int> &barrier) {
    return [&barrier] {
      set_up_thread();
      barrier.fetch_sub(1);
      barrier.notify_all();
      while (true)
        run_work();
    };
  }
  void init() {
    std::atomic<int> barrier(1);
    worker = std::jthread(make_worker(barrier));
    auto v = barrier.load();
    while (v != 0) {
      barrier.wait(v);
      v = barrier.load();
    }
  }
};

demo::task<> starts_a_single() {
  single s;
  s.init();
  co_return;
}

// Templates and macros: the same facts in an instantiation, the signal
// written through a macro.
#define SIGNAL_STARTED(b)                                                      \
  b.fetch_sub(1);                                                              \
  b.notify_all()

template <int N> struct tpool {
  std::vector<std::thread> threads;
  void init() {
    std::atomic<int> started(N);
    for (int i = 0; i < N; ++i)
      threads.push_back(std::thread([&] {
        SIGNAL_STARTED(started);
        run_work();
      }));
    for (int v = started.load(); v != 0; v = started.load())
      started.wait(v);
  }
};

demo::task<> starts_a_template_pool() {
  tpool<4> p;
  p.init();
  co_return;
}

// Positive twins.

// The R3 twin: an event that whoever sets it may be a task of this thread.
struct event {
  std::atomic<int> flag{0};
  void wait() { flag.wait(0); }
};

demo::task<> waits_on_an_event(event &e) {
  e.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'event::wait' blocks the executor thread inside coroutine 'waits_on_an_event' [async-blocking-call]
  co_return;
}

// The thread signals only after a loop of work.
struct late_signal {
  std::vector<std::jthread> threads;
  void init() {
    std::atomic<int> done(1);
    threads.emplace_back([&done] {
      for (int i = 0; i < 100; ++i)
        run_work();
      done.fetch_sub(1);
      done.notify_all();
    });
    done.wait(1);
  }
};

demo::task<> waits_after_a_loop() {
  late_signal l;
  l.init();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'late_signal::init' blocks {{.*}} [async-blocking-call]
  co_return;
}

// The thread blocks before it signals.
demo::task<> waits_for_a_sleeper() {
  std::latch ready(1);
  std::thread t([&] {
    std::this_thread::sleep_for(10ms);
    ready.count_down();
  });
  ready.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::latch::wait' blocks {{.*}} [async-blocking-call]
  t.detach();
  co_return;
}

// Other code may change the local too.
demo::task<> waits_on_a_shared_local() {
  std::atomic<int> started(1);
  keep(started);
  std::thread t([&started] {
    started.fetch_sub(1);
    started.notify_all();
  });
  started.wait(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::atomic::wait' blocks {{.*}} [async-blocking-call]
  t.detach();
  co_return;
}

// A callable handed to a thread pool, not to a thread of its own.
demo::task<> waits_on_pool_work(demo::thread_pool &tp) {
  std::latch ready(1);
  tp.post([&ready] { ready.count_down(); });
  ready.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::latch::wait' blocks {{.*}} [async-blocking-call]
  co_return;
}

// The signal only on one branch.
demo::task<> waits_on_a_maybe(bool fast) {
  std::latch ready(1);
  std::thread t([&] {
    if (fast)
      ready.count_down();
  });
  ready.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::latch::wait' blocks {{.*}} [async-blocking-call]
  t.detach();
  co_return;
}

// A helper whose lambda loops before it signals.
struct slow_single {
  std::jthread worker;
  auto make_worker(std::latch &ready) {
    return [&ready] {
      while (true)
        run_work();
      ready.count_down();
    };
  }
  void init() {
    std::latch ready(1);
    worker = std::jthread(make_worker(ready));
    ready.wait();
  }
};

demo::task<> starts_a_slow_single() {
  slow_single s;
  s.init();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'slow_single::init' blocks {{.*}} [async-blocking-call]
  co_return;
}

// A wait on a parameter, even one a thread signals.
void wait_for(std::latch &l) { l.wait(); }

demo::task<> waits_on_a_parameter() {
  std::latch ready(1);
  std::thread t([&ready] { ready.count_down(); });
  wait_for(ready);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'wait_for' blocks {{.*}} [async-blocking-call]
  t.detach();
  co_return;
}

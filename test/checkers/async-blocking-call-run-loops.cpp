// RUN: %check_async_lint --modes=plugin,driver %s async-blocking-call %t

// An executor's run loop resumes its tasks and waits (here: sleeps until the
// next timer) only between them. A task that re-enters its runner's loop to
// run another task to completion (a runner's 'await' from plain code) runs a
// nested loop: the runner's other tasks go on running, so the loop's idle
// wait blocks nothing the executor would run. Reduced from a single-threaded
// runner whose 'await' pushes a task and runs the main loop until it is done.

#include <chrono>
#include <coroutine>
#include <deque>
#include <thread>

#include "task.h"

using namespace std::chrono_literals;

// A while loop that resumes handles itself.
struct runner {
  std::deque<std::coroutine_handle<>> Ready;
  void run_until(std::coroutine_handle<> Goal) {
    while (!Goal.done()) {
      if (!Ready.empty()) {
        std::coroutine_handle<> H = Ready.front();
        Ready.pop_front();
        H.resume();
        continue;
      }
      std::this_thread::sleep_for(1ms);
    }
  }
  void await(std::coroutine_handle<> H) {
    Ready.push_back(H);
    run_until(H);
  }
};

// A label and gotos back to it; the tasks are resumed by a member helper;
// the idle wait is written through a macro.
#define IDLE_WAIT() std::this_thread::sleep_for(1ms)
template <class Clock> struct goto_runner {
  std::deque<std::coroutine_handle<>> Ready;
  void run_tasks() {
    for (std::coroutine_handle<> H : Ready)
      H();
    Ready.clear();
  }
  void run() {
  loop:
    if (!Ready.empty()) {
      run_tasks();
      goto loop;
    }
    IDLE_WAIT();
    goto loop;
  }
};

// --- Silent: a nested loop of the runner.

demo::task<> nested(runner &R, std::coroutine_handle<> Child) {
  R.await(Child);
  co_return;
}

demo::task<> nested_goto(goto_runner<int> &R) {
  R.run();
  co_return;
}

void lambda(runner &R, std::coroutine_handle<> Child) {
  auto Task = [&R, Child]() -> demo::task<> {
    R.await(Child);
    co_return;
  };
  (void)Task;
}

// --- Reported: waits that are not a run loop's idle wait.

// A loop that resumes nothing: it only waits.
struct poller {
  bool Done = false;
  void wait_done() {
    while (!Done)
      std::this_thread::sleep_for(1ms);
  }
};
demo::task<> polls(poller &P) {
  P.wait_done();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'poller::wait_done' blocks the executor thread inside coroutine 'polls' [async-blocking-call]
  co_return;
}

// The wait comes after the loop that resumes.
struct drainer {
  std::deque<std::coroutine_handle<>> Ready;
  std::thread Worker;
  void drain_then_join() {
    while (!Ready.empty()) {
      Ready.front().resume();
      Ready.pop_front();
    }
    Worker.join();
  }
};
demo::task<> drains(drainer &D) {
  D.drain_then_join();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'drainer::drain_then_join' blocks the executor thread inside coroutine 'drains' [async-blocking-call]
  co_return;
}

// A coroutine that runs a loop itself blocks the thread it runs on.
demo::task<> own_loop(std::deque<std::coroutine_handle<>> &Ready) {
  while (!Ready.empty()) {
    Ready.front().resume();
    Ready.pop_front();
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'own_loop' [async-blocking-call]
  }
  co_return;
}

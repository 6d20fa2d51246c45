// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// Lifetimes a function waits out through the only things that can resume a
// task: an eager coroutine lambda whose every suspension awaits a local
// executor of the function (or a local event that only such tasks signal)
// can run again only when that executor runs it. Joining the executor (a
// member whose body joins every thread it holds) or draining it (YACLib's
// ManualExecutor::Drain, in JoinFunctions) before the closure and the
// captured locals die waits the task out. In a template, through a macro
// and for a task kept in a local too. Twins: no join, a join before the
// start or under a branch, a task that also awaits something the function
// does not own, an executor copied into a lambda, a lazy task, an event
// signalled from outside, a member that joins one thread only, an await
// that only reads the executor (`after_count(p.count())`).

#include "owned_resumers.h"

void joined_pool(int &out) {
  demo::pool p;
  int counter = 0;
  auto task = [&]() -> eager<> {
    while (co_await demo::jump_on(p))
      ++counter;
  };
  task();
  std::move(p).wait_stop();
  out = counter;
}

template <class Pool> void joined_pool_t(int &out) {
  Pool p;
  int counter = 0;
  auto task = [&]() -> eager<> {
    while (co_await demo::jump_on(p))
      ++counter;
  };
  task();
  p.wait_stop();
  out = counter;
}
template void joined_pool_t<demo::pool>(int &);

#define STOP_POOL(P) (P).wait_stop()
void joined_pool_macro(int &out) {
  demo::pool p;
  int counter = 0;
  auto task = [&]() -> eager<> {
    while (co_await demo::jump_on(p))
      ++counter;
  };
  for (int i = 0; i < 4; ++i)
    task();
  STOP_POOL(p);
  out = counter;
}

void drained_manual(bool &out) {
  auto manual = yaclib::MakeManual();
  yaclib::WaitGroup wg;
  bool waiter_done = false, worker_done = false;
  auto waiter = [&]() -> eager<> {
    co_await On(*manual);
    co_await wg;
    waiter_done = true;
  };
  auto w = waiter();
  auto worker = [&]() -> eager<> {
    co_await On(*manual);
    worker_done = true;
    wg.Done();
  };
  wg.Add(1);
  auto k = worker();
  std::ignore = static_cast<yaclib::ManualExecutor &>(*manual).Drain();
  out = waiter_done && worker_done;
}

void drained_in_loop(demo_size_t &out) {
  auto manual = yaclib::MakeManual();
  yaclib::WaitGroup wg{0};
  demo_size_t done = 0;
  auto worker = [&]() -> eager<> {
    co_await On(*manual);
    ++done;
    wg.Done();
  };
  wg.Add(3);
  for (int j = 0; j < 3; ++j)
    std::ignore = worker();
  demo_size_t steps = static_cast<yaclib::ManualExecutor &>(*manual).Drain();
  out = done + steps;
}

void not_joined(int &out) {
  demo::pool p;
  int counter = 0;
  auto task = [&]() -> eager<> {
    while (co_await demo::jump_on(p))
      ++counter;
  };
  task();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  out = counter;
}

void joined_under_branch(int &out, bool stop) {
  demo::pool p;
  int counter = 0;
  auto task = [&]() -> eager<> {
    while (co_await demo::jump_on(p))
      ++counter;
  };
  task();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  if (stop)
    p.wait_stop();
  out = counter;
}

void also_parked(int &out) {
  demo::pool p;
  int counter = 0;
  auto task = [&]() -> eager<> {
    co_await demo::jump_on(p);
    co_await parked{};
    ++counter;
  };
  task();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  p.wait_stop();
  out = counter;
}

void joins_one_thread(int &out) {
  demo::pool p;
  int counter = 0;
  auto task = [&]() -> eager<> {
    while (co_await demo::jump_on(p))
      ++counter;
  };
  task();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  p.join_timer();
  out = counter;
}

void executor_shared(bool &out) {
  auto manual = yaclib::MakeManual();
  bool done = false;
  auto worker = [&]() -> eager<> {
    co_await On(*manual);
    done = true;
  };
  auto k = worker();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: closure 'worker' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  yaclib::keep(manual);
  std::ignore = static_cast<yaclib::ManualExecutor &>(*manual).Drain();
  out = done;
}

void event_signalled_elsewhere(bool &out) {
  auto manual = yaclib::MakeManual();
  yaclib::WaitGroup wg;
  bool done = false;
  auto waiter = [&]() -> eager<> {
    co_await On(*manual);
    co_await wg;
    done = true;
  };
  auto w = waiter();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: closure 'waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  yaclib::signal_later(wg);
  std::ignore = static_cast<yaclib::ManualExecutor &>(*manual).Drain();
  out = done;
}

void drained_before_start(bool &out) {
  auto manual = yaclib::MakeManual();
  bool done = false;
  std::ignore = static_cast<yaclib::ManualExecutor &>(*manual).Drain();
  auto worker = [&]() -> eager<> {
    co_await On(*manual);
    done = true;
  };
  auto k = worker();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: closure 'worker' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  out = done;
}

void reads_executor_only(int &out) {
  demo::pool p;
  int counter = 0;
  auto task = [&]() -> eager<> {
    co_await after_count(p.count());
    ++counter;
  };
  task();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  p.wait_stop();
  out = counter;
}

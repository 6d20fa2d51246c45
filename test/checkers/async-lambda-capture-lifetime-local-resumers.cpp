// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A coroutine lambda whose only possible resumers are local objects of the
// function, captured by reference and driven by the function itself (a
// local async mutex it unlocks, a local queue it move-assigns), cannot
// outlive the closure or the captures: it runs again only inside those
// calls, and stays parked if they do not come. Twins: the mutex also
// captured by a lambda handed to a std::thread, a mutex reached through a
// reference parameter, and an unlock after the closure died.

#include "local_resumers.h"

bool mutex_shape() {
  demo::async_mutex m;
  m.try_lock();
  bool done = false;
  auto task = [&]() -> eager<> {
    co_await m.lock();
    done = true;
  };
  task();
  m.unlock();
  return done;
}

template <class Queue> bool queue_shape_t() {
  Queue q(1);
  bool pushed = false;
  q.try_push(1);
  auto task = [&]() -> eager<> {
    co_await q.push(2);
    pushed = true;
  };
  task();
  Queue q2 = std::move(q);
  q2 = Queue();
  return pushed;
}
template bool queue_shape_t<demo::async_queue<int>>();

bool handed_to_thread() {
  demo::async_mutex m;
  m.try_lock();
  bool done = false;
  auto task = [&]() -> eager<> {
    co_await m.lock();
    done = true;
  };
  task();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  std::thread([&] { m.unlock(); }).detach();
  return done;
}

bool through_reference(demo::async_mutex &m) {
  bool done = false;
  auto task = [&]() -> eager<> {
    co_await m.lock();
    done = true;
  };
  task();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  m.unlock();
  return done;
}

void unlocked_late() {
  demo::async_mutex m;
  m.try_lock();
  {
    bool done = false;
    auto task = [&]() -> eager<> {
      co_await m.lock();
      done = true;
    };
    task();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: closure 'task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  }
  m.unlock();
}

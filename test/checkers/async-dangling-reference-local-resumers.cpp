// RUN: %check_async_lint %s async-dangling-reference %t

// A coroutine whose only possible resumers are local objects of the
// function that starts it, driven by that function itself, cannot outlive
// the function's locals: parked on a local async mutex, queue, reactor or
// channel, it is resumed only inside the function's own calls on that
// object (`m.unlock()`, `q2 = queue()`, `r.wait(...)` in a helper that only
// calls members on it, `co_await ch.read()`) or by the destructor of the
// referenced local itself; if the function stops driving it, it stays
// parked. A queue moved into another local and a guard made from the mutex
// (its destructor unlocks, and it dies first) are such objects too. In a
// template and through a macro too. Twins: the mutex handed to
// a std::thread, the mutex a member, a coroutine that also parks on a
// global, an unlock after the referenced local died, a channel declared
// before the referenced local (its destructor resumes the writer), and a
// reactor made from a parameter, and the mutex handed to a function whose
// body is not visible, and a mutex that outlives a loop whose next round
// may resume the task of this one.

#include "local_resumers.h"

demo::async_mutex global_mutex;

bool mutex_shape() {
  demo::async_mutex m;
  if (!m.try_lock())
    return false;
  {
    bool done = false;
    [](demo::async_mutex &m, bool &done) -> eager<> {
      co_await m.lock();
      done = true;
    }(m, done);
    m.unlock();
    if (!done)
      return false;
  }
  return true;
}

bool queue_shape() {
  demo::async_queue<int> q(1);
  bool pushed = false;
  bool result = true;
  q.try_push(41);
  [](demo::async_queue<int> &q, bool &pushed, bool &result) -> eager<> {
    result = co_await q.push(42);
    pushed = true;
  }(q, pushed, result);
  demo::async_queue<int> q2 = std::move(q);
  if (q2.size() != 1)
    return false;
  q2 = demo::async_queue<int>();
  return pushed && !result;
}

eager<> wait_times(demo::reactor &r, demo::event &e, unsigned n) {
  while (n--)
    co_await demo::wait_in(r, e);
}
void resume_ready(demo::reactor &r) {
  void *ready[8];
  demo_size_t n = r.wait(ready);
  for (demo_size_t i = 0; i < n; ++i)
    std::coroutine_handle<>::from_address(ready[i]).resume();
}
int reactor_shape() {
  demo::reactor r;
  demo::event e;
  wait_times(r, e, 6);
  for (int i = 0; i < 8; ++i) {
    e.set();
    resume_ready(r);
  }
  return 0;
}

eager<> produce(demo::channel<int> &ch) {
  for (int v = 3; v >= 0; --v)
    co_await ch.write(v);
  bool ok = co_await ch.write(-1);
  (void)ok;
}
eager<> channel_shape() {
  demo::channel<int> ch;
  produce(ch);
  while (co_await ch.read() != 0) {
  }
}

#define UNLOCK(M) (M).unlock()
template <class Mutex> bool mutex_shape_t() {
  Mutex m;
  m.try_lock();
  bool done = false;
  [](Mutex &m, bool &done) -> eager<> {
    co_await m.lock();
    done = true;
  }(m, done);
  UNLOCK(m);
  return done;
}
template bool mutex_shape_t<demo::async_mutex>();

bool handed_to_thread() {
  demo::async_mutex m;
  m.try_lock();
  bool done = false;
  [](demo::async_mutex &m, bool &done) -> eager<> {
    co_await m.lock();
    done = true;
  }(m, done);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'done' of coroutine lambda refers to local 'done', which the task may outlive [async-dangling-reference]
  std::thread([&m] { m.unlock(); }).detach();
  return done;
}

struct holder {
  demo::async_mutex m;
  bool member() {
    m.try_lock();
    bool done = false;
    [](demo::async_mutex &m, bool &done) -> eager<> {
      co_await m.lock();
      done = true;
    }(m, done);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: parameter 'done' of coroutine lambda refers to local 'done', which the task may outlive [async-dangling-reference]
    m.unlock();
    return done;
  }
};

bool also_global() {
  demo::async_mutex m;
  m.try_lock();
  bool done = false;
  [](demo::async_mutex &m, bool &done) -> eager<> {
    co_await m.lock();
    co_await global_mutex.lock();
    done = true;
  }(m, done);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'done' of coroutine lambda refers to local 'done', which the task may outlive [async-dangling-reference]
  m.unlock();
  return done;
}

void unlocked_late() {
  demo::async_mutex m;
  m.try_lock();
  {
    bool done = false;
    [](demo::async_mutex &m, bool &done) -> eager<> {
      co_await m.lock();
      done = true;
    }(m, done);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: parameter 'done' of coroutine lambda refers to local 'done', which the task may outlive [async-dangling-reference]
  }
  m.unlock();
}

eager<> produce_into(demo::channel<int> &ch, int &sent) {
  co_await ch.write(1);
  ++sent;
}
void channel_first() {
  demo::channel<int> ch;
  int sent = 0;
  produce_into(ch, sent);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: parameter 'sent' of coroutine 'produce_into' refers to local 'sent', which the task may outlive [async-dangling-reference]
}

int reactor_from(demo::reactor &outer) {
  demo::reactor r = outer;
  demo::event e;
  wait_times(r, e, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: parameter 'r' of coroutine 'wait_times' refers to local 'r', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: parameter 'e' of coroutine 'wait_times' refers to local 'e', which the task may outlive [async-dangling-reference]
  resume_ready(r);
  return 0;
}

void keep(demo::async_mutex &m);
bool handed_to_opaque() {
  demo::async_mutex m;
  m.try_lock();
  bool done = false;
  [](demo::async_mutex &m, bool &done) -> eager<> {
    co_await m.lock();
    done = true;
  }(m, done);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'done' of coroutine lambda refers to local 'done', which the task may outlive [async-dangling-reference]
  keep(m);
  return done;
}

struct adopt_t {};
inline constexpr adopt_t adopt{};
class scoped_unlock {
public:
  scoped_unlock(demo::async_mutex &m, adopt_t) : m(&m) {}
  ~scoped_unlock() { m->unlock(); }
  void release() { m->unlock(); }

private:
  demo::async_mutex *m;
};
bool queue_then_guard() {
  demo::async_queue<int> q(1);
  bool pushed = false;
  q.try_push(1);
  [](demo::async_queue<int> &q, bool &pushed) -> eager<> {
    co_await q.push(2);
    pushed = true;
  }(q, pushed);
  demo::async_queue<int> q2 = std::move(q);
  bool second = false;
  [](demo::async_queue<int> &q2, bool &second) -> eager<> {
    co_await q2.push(3);
    second = true;
  }(q2, second);
  q2 = demo::async_queue<int>();
  demo::async_mutex m;
  m.try_lock();
  bool locked = false;
  [](demo::async_mutex &m, bool &locked) -> eager<> {
    co_await m.lock();
    locked = true;
  }(m, locked);
  {
    scoped_unlock guard(m, adopt);
    guard.release();
  }
  return pushed && second && locked;
}

void unlocked_next_round(int rounds) {
  demo::async_mutex m;
  m.try_lock();
  for (int i = 0; i < rounds; ++i) {
    bool done = false;
    [](demo::async_mutex &m, bool &done) -> eager<> {
      co_await m.lock();
      done = true;
    }(m, done);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: parameter 'done' of coroutine lambda refers to local 'done', which the task may outlive [async-dangling-reference]
    if (i % 2)
      m.unlock();
  }
}

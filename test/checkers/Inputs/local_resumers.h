// Mocks for the local-resumer tests of async-dangling-reference and
// async-lambda-capture-lifetime: an eager task type, an async mutex whose
// unlock() resumes a waiter inline (its destructor only checks), a bounded
// queue whose move-assignment fails its waiters and resumes them inline, a
// reactor that keeps registered handles for its wait() to hand back (an
// epoll set), and a channel whose destructor wakes its parked writers.

#ifndef ASYNC_LINT_TEST_LOCAL_RESUMERS_H
#define ASYNC_LINT_TEST_LOCAL_RESUMERS_H

#include <coroutine>
#include <thread>
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

namespace demo {

[[noreturn]] void fail_check(const char *what);

struct waiter {
  waiter *next = nullptr;
  std::coroutine_handle<> handle;
  bool ok = true;
};

class async_mutex {
public:
  struct awaiter : waiter {
    async_mutex &m;
    explicit awaiter(async_mutex &m) : m(m) {}
    bool await_ready() { return m.try_lock(); }
    void await_suspend(std::coroutine_handle<> h) {
      handle = h;
      next = m.waiters;
      m.waiters = this;
    }
    void await_resume() {}
  };
  ~async_mutex() {
    if (waiters != nullptr)
      fail_check("destroyed with waiters");
  }
  bool try_lock() { return locked ? false : (locked = true); }
  awaiter lock() { return awaiter(*this); }
  void unlock() {
    if (waiter *w = waiters) {
      waiters = w->next;
      w->handle.resume();
    } else {
      locked = false;
    }
  }

private:
  bool locked = false;
  waiter *waiters = nullptr;
};

template <class T> class async_queue {
public:
  struct push_awaiter : waiter {
    async_queue *q;
    T value;
    push_awaiter(async_queue *q, T v) : q(q), value(v) {}
    bool await_ready() { return q->count < q->max; }
    void await_suspend(std::coroutine_handle<> h) {
      handle = h;
      next = q->pushers;
      q->pushers = this;
    }
    bool await_resume() { return ok; }
  };
  explicit async_queue(demo_size_t max = 16) : max(max) {}
  async_queue(async_queue &&o)
      : items(std::move(o.items)), count(o.count), max(o.max),
        pushers(o.pushers) {
    o.pushers = nullptr;
  }
  async_queue &operator=(async_queue &&o) {
    waiter *old = pushers;
    pushers = o.pushers;
    o.pushers = nullptr;
    count = o.count;
    for (; old; old = old->next) {
      old->ok = false;
      old->handle.resume();
    }
    return *this;
  }
  bool try_push(T v) {
    items.push_back(v);
    return ++count <= max;
  }
  push_awaiter push(T v) { return push_awaiter(this, v); }
  demo_size_t size() const { return count; }

private:
  std::vector<T> items;
  demo_size_t count = 0;
  demo_size_t max;
  waiter *pushers = nullptr;
};

struct event {
  int fd = -1;
  void set() { ++fd; }
};

struct reactor {
  void *registered[8] = {};
  demo_size_t count = 0;
  demo_size_t wait(void *(&out)[8]) {
    demo_size_t n = count;
    for (demo_size_t i = 0; i < n; ++i)
      out[i] = registered[i];
    count = 0;
    return n;
  }
};

struct reactor_awaiter {
  reactor &r;
  event &e;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    r.registered[r.count++] = h.address();
  }
  void await_resume() {}
};
inline reactor_awaiter wait_in(reactor &r, event &e) { return {r, e}; }

template <class T> class channel {
public:
  struct write_awaiter : waiter {
    channel &ch;
    T value;
    write_awaiter(channel &ch, T v) : ch(ch), value(v) {}
    bool await_ready() { return false; }
    void await_suspend(std::coroutine_handle<> h) {
      handle = h;
      next = ch.writers;
      ch.writers = this;
    }
    bool await_resume() { return ok; }
  };
  struct read_awaiter {
    channel &ch;
    T value{};
    bool await_ready() { return ch.writers != nullptr; }
    void await_suspend(std::coroutine_handle<>) {}
    T await_resume() {
      auto *w = static_cast<write_awaiter *>(ch.writers);
      ch.writers = w->next;
      value = w->value;
      w->handle.resume();
      return value;
    }
  };
  ~channel() {
    while (waiter *w = writers) {
      writers = w->next;
      w->ok = false;
      w->handle.resume();
    }
  }
  write_awaiter write(T v) { return write_awaiter(*this, v); }
  read_awaiter read() { return read_awaiter{*this}; }

private:
  waiter *writers = nullptr;
};

} // namespace demo

#endif // ASYNC_LINT_TEST_LOCAL_RESUMERS_H

// RUN: %check_async_lint %s async-dangling-reference %t

// A task type whose destructor joins the thread its coroutine moved to, by
// the id the coroutine stored in its promise (luncliff's pthread_joiner):
// the task object keeps a pointer to its promise's base, and the destructor
// reads the id through a conversion of the object, into a local, before
// pthread_join. Dropping it does not leave the coroutine detached (a plain
// function, a class template, a macro, a lambda). Twins: a type that
// detaches the thread, and one joining a thread the promise does not name.

#include <coroutine>

extern "C" int pthread_join(unsigned long Thread, void **Result);
extern "C" int pthread_detach(unsigned long Thread);
unsigned long OtherThread;

struct on_thread {
  unsigned long &Tid;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>);
  void await_resume() {}
};
struct spawn_promise {
  unsigned long Tid = 0;
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
  on_thread await_transform(int) { return on_thread{Tid}; }
};

template <class T> class thread_joiner {
public:
  struct promise_type : spawn_promise {
    thread_joiner get_return_object() { return thread_joiner{this}; }
  };
  explicit thread_joiner(spawn_promise *P) : Promise(P) {}
  ~thread_joiner() {
    unsigned long Thread = *this;
    if (Thread == 0)
      return;
    pthread_join(Thread, nullptr);
  }
  operator unsigned long() const { return Promise->Tid; }

private:
  spawn_promise *Promise;
};
using joiner = thread_joiner<void>;

class detacher {
public:
  struct promise_type : spawn_promise {
    detacher get_return_object() { return detacher{this}; }
  };
  explicit detacher(spawn_promise *P) : Promise(P) {}
  ~detacher() {
    unsigned long Thread = *this;
    if (Thread != 0)
      pthread_detach(Thread);
  }
  operator unsigned long() const { return Promise->Tid; }

private:
  spawn_promise *Promise;
};

class other_waiter {
public:
  struct promise_type : spawn_promise {
    other_waiter get_return_object() { return {}; }
  };
  ~other_waiter() { pthread_join(OtherThread, nullptr); }
};

joiner run_joined(int &Out) {
  co_await 0;
  Out = 1;
}
#define RUN_JOINED(V) run_joined(V)

int joined() {
  int V = 0;
  {
    auto J = run_joined(V);
  }
  return V;
}
int joined_at_once() {
  int V = 0;
  RUN_JOINED(V);
  return V;
}
auto Lambda = [] {
  int V = 0;
  run_joined(V);
  return V;
};

// Twins.
detacher run_detached(int &Out) {
  co_await 0;
  Out = 1;
}
int detached() {
  int V = 0;
  {
    auto D = run_detached(V);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'Out' of coroutine 'run_detached' refers to local 'V', which the task may outlive [async-dangling-reference]
  }
  return V;
}
other_waiter run_other(int &Out) {
  co_await 0;
  Out = 1;
}
int other() {
  int V = 0;
  run_other(V);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: parameter 'Out' of coroutine 'run_other' refers to local 'V', which the task may outlive [async-dangling-reference]
  return V;
}

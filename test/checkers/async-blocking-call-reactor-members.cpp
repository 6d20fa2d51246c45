// RUN: %check_async_lint --modes=plugin,driver %s async-blocking-call %t

// A coroutine awaits a descriptor's readiness through an object's accessor
// and then calls the object's member that makes the system call on that
// same descriptor: the call finds it ready. The evidence: the member's
// system call is made on a descriptor of its own object (`fds[0]`, `fd_`);
// the last statement that suspends before the member's call, in the same
// block, has one suspension, a co_await of an awaitable given the accessor
// of that object whose body only returns the same descriptor; nothing
// between suspends. Reduced by hand from the shape of a pipe test of a
// single-threaded runner (mojyack/coop).

#include <unistd.h>

#include "task.h"

struct io_result {
  bool error;
};
struct io_awaiter {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  io_result await_resume();
};
io_awaiter wait_for_file(int fd, bool read, bool write);
void fail(int line);

#define ensure(cond)                                                           \
  if (!(cond)) {                                                               \
    fail(__LINE__);                                                            \
  }

struct pipe_pair {
  int fds[2] = {-1, -1};
  int producer() { return fds[0]; }
  int consumer() { return fds[1]; }
  int read(void *buf, unsigned long size) { return ::read(fds[0], buf, size); }
};

struct socket_t {
  int fd_ = -1;
  int fd() const { return fd_; }
  long recv_some(char *buf) { return ::read(fd_, buf, 16); }
};

template <class T> struct basic_channel {
  int fd_ = -1;
  int handle() { return fd_; }
  long pull(T *out) { return ::read(fd_, out, sizeof(T)); }
};

// --- Silent: the descriptor was just found ready.

demo::task<> pipe_test(pipe_pair &pipe) {
  for (int i = 0; i < 3; ++i) {
    ensure(!(co_await wait_for_file(pipe.producer(), true, false)).error);
    int n = 0;
    ensure(pipe.read(&n, sizeof(n)) == sizeof(n));
  }
}

demo::task<long> socket_test(socket_t sock, char *buf) {
  co_await wait_for_file(sock.fd(), true, false);
  co_return sock.recv_some(buf);
}

demo::task<> channel_test(basic_channel<int> &chan) {
  int v = 0;
  if ((co_await wait_for_file(chan.handle(), true, false)).error)
    co_return;
  chan.pull(&v);
}

// A system call made directly, after a statement whose only suspension
// awaits the same descriptor.
demo::task<> direct_test(int fd, char *buf) {
  ensure(!(co_await wait_for_file(fd, true, false)).error);
  ::read(fd, buf, 16);
}

// --- Reported.

demo::task<> twins(pipe_pair &pipe, pipe_pair &other, socket_t sock) {
  char buf[16];
  // The accessor returns another descriptor.
  co_await wait_for_file(pipe.consumer(), true, false);
  pipe.read(buf, 4);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: call to 'pipe_pair::read' blocks the executor thread inside coroutine 'twins'
  // CHECK-NOTES: :{{[0-9]+}}:{{[0-9]+}}: note: 'pipe_pair::read' calls 'read' here
  // Another object's descriptor.
  co_await wait_for_file(pipe.producer(), true, false);
  other.read(buf, 4);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: call to 'pipe_pair::read' blocks the executor thread inside coroutine 'twins'
  // CHECK-NOTES: :{{[0-9]+}}:{{[0-9]+}}: note: 'pipe_pair::read' calls 'read' here
  // Another suspension in between.
  co_await wait_for_file(pipe.producer(), true, false);
  co_await wait_for_file(sock.fd(), true, false);
  pipe.read(buf, 4);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: call to 'pipe_pair::read' blocks the executor thread inside coroutine 'twins'
  // CHECK-NOTES: :{{[0-9]+}}:{{[0-9]+}}: note: 'pipe_pair::read' calls 'read' here
  // The statement that awaits also awaits something else.
  co_await wait_for_file(pipe.producer(), true, false), co_await wait_for_file(0, true, false);
  pipe.read(buf, 4);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: call to 'pipe_pair::read' blocks the executor thread inside coroutine 'twins'
  // CHECK-NOTES: :{{[0-9]+}}:{{[0-9]+}}: note: 'pipe_pair::read' calls 'read' here
}

// No wait before the call.
demo::task<long> unwaited(socket_t sock, char *buf) {
  co_return sock.recv_some(buf);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: call to 'socket_t::recv_some' blocks the executor thread inside coroutine 'unwaited'
  // CHECK-NOTES: :{{[0-9]+}}:{{[0-9]+}}: note: 'socket_t::recv_some' calls 'read' here
}

// An accessor that does more than return the descriptor.
struct counted_pipe {
  int fds[2] = {-1, -1};
  int uses = 0;
  int producer() {
    ++uses;
    return fds[1];
  }
  int read(void *buf, unsigned long size) { return ::read(fds[0], buf, size); }
};
demo::task<> counted_test(counted_pipe &pipe) {
  int n = 0;
  co_await wait_for_file(pipe.producer(), true, false);
  pipe.read(&n, sizeof(n));
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: call to 'counted_pipe::read' blocks the executor thread inside coroutine 'counted_test'
  // CHECK-NOTES: :{{[0-9]+}}:{{[0-9]+}}: note: 'counted_pipe::read' calls 'read' here
}

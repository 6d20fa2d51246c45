// RUN: %check_async_lint %s async-blocking-call %t

// The socket calls of a library's own asynchronous I/O: made on descriptors
// opened non-blocking, they return EAGAIN (or EINPROGRESS) instead of
// blocking, and the coroutine then awaits readiness. A function that tests
// errno for those values says so. Calls of the same name that are not the
// catalogue's function are not judged by it.

#include <errno.h>
#include <sys/socket.h>

#include "task.h"

struct poller {
  demo::task<> poll(int fd);
};
extern poller sched;

demo::task<int> async_connect(int fd, const sockaddr *addr, socklen_t len) {
  int r = ::connect(fd, addr, len);
  if (r == -1 && (errno == EAGAIN || errno == EINPROGRESS)) {
    co_await sched.poll(fd);
    co_return 0;
  }
  co_return r;
}

demo::task<long> async_recv(int fd, char *buf) {
  while (true) {
    long n = recv(fd, buf, 16, 0);
    if (n >= 0 || errno != EWOULDBLOCK)
      co_return n;
    co_await sched.poll(fd);
  }
}

// Same names, other functions: a member and a local callable.
struct channel {
  long send(const void *, size_t, int);
};
demo::task<> same_names(channel &c) {
  c.send("x", 1, 0);
  auto connect = [](int) { return 0; };
  connect(1);
  co_return;
}

// Reported: nothing says the descriptor is non-blocking.
demo::task<int> blocking_connect(int fd, const sockaddr *addr, socklen_t len) {
  int r = ::connect(fd, addr, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'connect' blocks the executor thread inside coroutine 'blocking_connect' [async-blocking-call]
  co_await sched.poll(fd);
  co_return r;
}

// A class that hands a descriptor member to an asynchronous operation drives
// it without blocking: its system calls on that member do not block.
struct acceptor {
  int m_fd = -1;
  demo::task<> wait_readable() { return sched.poll(m_fd); }
  demo::task<int> accept_one() { co_return ::accept(m_fd, nullptr, nullptr); }
};

// The twin: nothing in the class waits for its descriptor asynchronously.
struct blocking_acceptor {
  int m_fd = -1;
  demo::task<int> accept_one() {
    co_return ::accept(m_fd, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'accept' blocks the executor thread inside coroutine 'accept_one' [async-blocking-call]
  }
};

// The program's own functions named like the C library's: a coroutine
// (calling it only makes a task) and a plain function with a body here,
// which is read like any other (it blocks on nothing).
static demo::task<> accept(unsigned short Port) { co_return; }
static long read(int Fd) { return Fd; }
struct group {
  void fork(demo::task<>);
};
demo::task<> own_names(group &G) {
  G.fork(accept(55550));
  read(3);
  co_return;
}

// Declared only, with C++ linkage, in the program's own code (a header of
// the program whose bodies are in another unit): the program's functions,
// not the C library's. Their bodies are judged where they are (through the
// summaries across units), not by the catalogue's names.
demo::task<> send(const char *Text);
long recv(int Fd);
demo::task<> declared_own_names() {
  co_await send("hello");
  recv(3);
}

// The twin: declared here with C linkage, it is the C library's function.
extern "C" int poll(void *Fds, unsigned long Count, int Timeout);
demo::task<> declared_c_poll() {
  poll(nullptr, 0, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' blocks the executor thread inside coroutine 'declared_c_poll' [async-blocking-call]
  co_return;
}

// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-blocking-call %t

// A reactor's coroutine awaits the readiness of a descriptor and then makes
// the system call on it: the call finds the descriptor ready and returns at
// once. The evidence: the last suspension before the call, in the same block,
// awaits an awaitable built from the same descriptor (directly, or through
// the variables and members it is made of). Reduced from a hand-written
// event loop whose readers await an event for their descriptor, then read.

#include <sys/socket.h>
#include <unistd.h>

#include "task.h"

struct event {
  int fd;
  int flags;
};
struct ready_awaiter {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct reactor {
  ready_awaiter wait_event(const event &);
  ready_awaiter readable(int fd);
};
reactor &loop();
demo::task<> sleep_a_while();
void log_line(const char *);

#define AWAIT_READABLE(fd) co_await loop().readable(fd)

// --- Silent: the descriptor was just found ready.

// A listening socket: the event is a local built from the member, the
// awaiter a local built from the event.
struct server {
  int fd_ = -1;
  demo::task<> serve() {
    event ev{.fd = fd_, .flags = 1};
    auto ready = loop().wait_event(ev);
    while (true) {
      co_await ready;
      int client = ::accept(fd_, nullptr, nullptr);
      if (client == -1)
        continue;
    }
  }
};

// A stream: the awaiter is a member whose initialiser is built from a member
// event, built from the descriptor; a do-while, and a statement between the
// await and the call that does not suspend.
struct stream {
  int read_fd_ = -1;
  event read_ev_{.fd = read_fd_, .flags = 1};
  ready_awaiter read_awaiter_{loop().wait_event(read_ev_)};
  demo::task<long> read_some(char *buf) {
    co_await read_awaiter_;
    long n = ::read(read_fd_, buf, 16);
    co_return n;
  }
  demo::task<long> read_all(char *buf) {
    long total = 0, n = 0;
    do {
      co_await read_awaiter_;
      log_line("readable");
      n = ::recv(read_fd_, buf + total, 16, 0);
      total += n;
    } while (n > 0);
    co_return total;
  }
};

// Built in a constructor's initialiser.
struct connection {
  int fd_;
  ready_awaiter ready_;
  explicit connection(int fd) : fd_(fd), ready_(loop().readable(fd_)) {}
  demo::task<long> receive(char *buf) {
    co_await ready_;
    co_return ::recv(fd_, buf, 16, 0);
  }
};

// A parameter, awaited through a macro; a template; a coroutine lambda.
demo::task<long> read_param(int fd, char *buf) {
  AWAIT_READABLE(fd);
  co_return ::read(fd, buf, 16);
}
template <class Buffer> struct typed_reader {
  int fd_ = -1;
  demo::task<long> read_into(Buffer &b) {
    co_await loop().readable(fd_);
    co_return ::read(fd_, b.data(), b.size());
  }
};
struct bytes {
  char *data();
  unsigned long size();
};
template struct typed_reader<bytes>;
void start_lambda(int fd, char *buf) {
  auto reader = [fd, buf]() -> demo::task<long> {
    co_await loop().readable(fd);
    co_return ::read(fd, buf, 16);
  };
  (void)reader;
}

// --- Reported: nothing shows the descriptor ready when the call is made.

struct writer {
  int write_fd_ = -1;
  event write_ev_{.fd = write_fd_, .flags = 2};
  ready_awaiter write_awaiter_{loop().wait_event(write_ev_)};
  demo::task<> write_all(const char *buf, long size) {
    long done = 0;
    while (done < size) {
      long n = ::write(write_fd_, buf + done, size - done);
      // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'write' blocks the executor thread inside coroutine 'write_all' [async-blocking-call]
      done += n;
    }
    co_return;
  }
};

// The readiness of another descriptor.
demo::task<long> other_descriptor(int ready_fd, int fd, char *buf) {
  co_await loop().readable(ready_fd);
  co_return ::read(fd, buf, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'read' blocks the executor thread inside coroutine 'other_descriptor' [async-blocking-call]
}

// Another suspension after the readiness: another task may have read what
// was ready.
demo::task<long> suspended_since(int fd, char *buf) {
  co_await loop().readable(fd);
  co_await sleep_a_while();
  co_return ::read(fd, buf, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'read' blocks the executor thread inside coroutine 'suspended_since' [async-blocking-call]
}

// The await after the call, in a loop: the first call comes before it.
demo::task<long> awaited_after(int fd, char *buf) {
  long total = 0;
  for (int i = 0; i < 4; ++i) {
    total += ::read(fd, buf, 16);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'read' blocks the executor thread inside coroutine 'awaited_after' [async-blocking-call]
    co_await loop().readable(fd);
  }
  co_return total;
}

// RUN: %check_async_lint %s async-discarded-awaitable %t

// A dropped eager task joined through a local the function runs until the
// task's last act signals it: a nested event loop (QEventLoop: exec in
// WaitMembers, quit and exit in SignalMembers) handed to the coroutine by
// reference, which catches every exception into a local the function
// rethrows, sets a done flag and quits the loop; the function runs the loop
// after the call unless the flag is set. When exec() returns the task has
// finished, and nothing it produced is lost. Twins: the function returns
// without running the loop, a use after the quit, a loop run on one branch
// only, a flag set before the last use, an exception that escapes, a value
// that is returned, a loop other than the one quit.

#include "event_loop.h"

struct waiting {
  QEventLoop loop;
  QEventLoop other;
  bool finished = false;
  int count = 0;
  std::exception_ptr error;
};

hot<> drive(waiting &w) {
  try {
    co_await later{};
    w.count = 1;
  } catch (...) {
    w.error = std::current_exception();
  }
  w.finished = true;
  w.loop.quit();
}

void block_until_done() {
  waiting w;
  drive(w);
  if (!w.finished)
    w.loop.exec();
  if (w.error)
    std::rethrow_exception(w.error);
}

void block_always() {
  waiting w;
  drive(w);
  w.loop.exec();
}

// With the value stored through a second reference parameter.
hot<> drive_value(waiting &w, int &out) {
  try {
    out = co_await fetch{};
  } catch (...) {
    w.error = std::current_exception();
  }
  w.finished = true;
  w.loop.exit(0);
}

int value_until_done() {
  waiting w;
  int out = 0;
  drive_value(w, out);
  if (!w.finished) {
    w.loop.exec();
  }
  if (w.error)
    std::rethrow_exception(w.error);
  return out;
}

void returns_first() {
  waiting w;
  drive(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'drive' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
}

hot<> uses_after_quit(waiting &w) {
  try {
    co_await later{};
  } catch (...) {
  }
  w.loop.quit();
  w.count = 2;
}

void after_quit() {
  waiting w;
  uses_after_quit(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'uses_after_quit' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  w.loop.exec();
}

void one_branch(bool wait) {
  waiting w;
  drive(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'drive' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  if (wait)
    w.loop.exec();
}

hot<> flags_early(waiting &w) {
  w.finished = true;
  try {
    co_await later{};
    w.count = 3;
  } catch (...) {
  }
  w.loop.quit();
}

void early_flag() {
  waiting w;
  flags_early(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'flags_early' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  if (!w.finished)
    w.loop.exec();
}

inline void check_count(int count) {
  if (count > 3)
    throw 1;
}

hot<> may_throw(waiting &w) {
  co_await later{};
  check_count(w.count);
  w.loop.quit();
}

void escaping_exception() {
  waiting w;
  may_throw(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'may_throw' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  w.loop.exec();
}

hot<int> answers(waiting &w) {
  co_await later{};
  w.loop.quit();
  co_return 42;
}

void lost_value() {
  waiting w;
  answers(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'answers' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  w.loop.exec();
}

void other_loop() {
  waiting w;
  drive(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'drive' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  w.other.exec();
}

// A template, a macro and a coroutine lambda.
template <class State> hot<> drive_t(State &s) {
  try {
    co_await later{};
  } catch (...) {
    s.error = std::current_exception();
  }
  s.finished = true;
  s.loop.quit();
}

template <class State> void block_t() {
  State s;
  drive_t(s);
  if (!s.finished)
    s.loop.exec();
}
template void block_t<waiting>();

#define RUN_UNLESS_DONE(S)                                                     \
  if (!(S).finished)                                                           \
  (S).loop.exec()

void block_macro() {
  waiting w;
  drive(w);
  RUN_UNLESS_DONE(w);
}

void block_lambda() {
  waiting w;
  auto body = [&w]() -> hot<> {
    try {
      co_await later{};
    } catch (...) {
      w.error = std::current_exception();
    }
    w.finished = true;
    w.loop.quit();
  };
  body();
  if (!w.finished)
    w.loop.exec();
}

void lambda_after_quit() {
  waiting w;
  auto body = [&w]() -> hot<> {
    co_await later{};
    w.loop.quit();
    w.count = 4;
  };
  body();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by a lambda is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  w.loop.exec();
}

// A helper handed the loop and the coroutine lambda: it calls the lambda,
// drops its task and runs the loop the lambda quits last (the parameter is
// bound to the local the lambda captures).
template <class Body> void run_ignoring(QEventLoop &l, Body &&body) {
  body();
  const int code = l.exec();
  (void)code;
}

void helper_quits_last() {
  QEventLoop l;
  run_ignoring(l, [&l]() -> hot<> {
    co_await later{};
    l.quit();
  });
}

template <class Body> void run_ignoring_value(QEventLoop &l, Body &&body) {
  body();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by a lambda is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  l.exec();
}

void helper_value_lost() {
  QEventLoop l;
  run_ignoring_value(l, [&l]() -> hot<int> {
    co_await later{};
    l.quit();
    co_return 7;
  });
}

template <class Body> void start_only(QEventLoop &, Body &&body) {
  body();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by a lambda is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
}

void helper_never_runs() {
  QEventLoop l;
  start_only(l, [&l]() -> hot<> {
    co_await later{};
    l.quit();
  });
}

// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A coroutine lambda whose eager task is dropped, joined through a nested
// event loop it captures by reference and quits as its last act (QEventLoop:
// exec in WaitMembers, quit in SignalMembers): the function runs the loop
// before the closure and the captured locals die, or skips it when a flag
// the task sets right before the quit is set. Twins: a use of a capture
// after the quit, a function that returns without running the loop, and a
// temporary closure, which dies at the end of its statement, before the
// loop runs.

#include "event_loop.h"

struct waiting {
  QEventLoop loop;
  bool finished = false;
  int count = 0;
};

void named_closure() {
  waiting w;
  int seen = 0;
  auto body = [&w, &seen]() -> hot<> {
    co_await later{};
    seen = 1;
    w.finished = true;
    w.loop.quit();
  };
  body();
  if (!w.finished)
    w.loop.exec();
}

void loop_captured() {
  QEventLoop loop;
  int seen = 0;
  auto body = [&loop, &seen]() -> hot<> {
    co_await later{};
    seen = 2;
    loop.quit();
  };
  body();
  loop.exec();
}

void used_after_quit() {
  waiting w;
  auto body = [&w]() -> hot<> {
    co_await later{};
    w.loop.quit();
    w.count = 3;
  };
  body();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'body' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  w.loop.exec();
}

void never_runs() {
  waiting w;
  auto body = [&w]() -> hot<> {
    co_await later{};
    w.loop.quit();
  };
  body();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'body' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
}

void temporary_closure() {
  waiting w;
  [&w]() -> hot<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    co_await later{};
    w.finished = true;
    w.loop.quit();
  }();
  if (!w.finished)
    w.loop.exec();
}

// A helper handed the loop and a temporary coroutine lambda: it calls the
// lambda, drops its task and runs the loop the lambda quits after its last
// use of a capture; the closure lives until the helper returns.
template <class Body> void run_ignoring(QEventLoop &l, Body &&body) {
  body();
  const int code = l.exec();
  (void)code;
}

void helper_quits_last() {
  QEventLoop l;
  run_ignoring(l, [&l]() -> hot<int> {
    co_await later{};
    l.quit();
    co_return 7;
  });
}

template <class Body> void start_only(QEventLoop &, Body &&body) {
  body();
}

void helper_never_runs() {
  QEventLoop l;
  start_only(l, [&l]() -> hot<> {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: coroutine lambda with captures passed to 'start_only' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
    co_await later{};
    l.quit();
  });
}

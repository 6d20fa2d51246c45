// RUN: %check_async_lint %s async-dangling-reference %t

// A local the function runs until the task's last use of it signals it: a
// nested event loop (QEventLoop: exec in WaitMembers, quit and exit in
// SignalMembers) that is a member of the local handed to the eager task by
// reference. The task quits it after its last use; the function runs it
// after the call, or skips it when a flag of the same local is set that the
// task sets right before the quit. The local outlives every use. Twins: the
// function returns without running the loop, a use after the quit, a loop
// run on one branch only, a flag set before the last use, a loop other
// than the one quit.

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
  return out;
}

void returns_first() {
  waiting w;
  drive(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: parameter 'w' of coroutine 'drive' refers to local 'w', which the task may outlive [async-dangling-reference]
}

hot<> uses_after_quit(waiting &w) {
  co_await later{};
  w.loop.quit();
  w.count = 2;
}

void after_quit() {
  waiting w;
  uses_after_quit(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: parameter 'w' of coroutine 'uses_after_quit' refers to local 'w', which the task may outlive [async-dangling-reference]
  w.loop.exec();
}

void one_branch(bool wait) {
  waiting w;
  drive(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: parameter 'w' of coroutine 'drive' refers to local 'w', which the task may outlive [async-dangling-reference]
  if (wait)
    w.loop.exec();
}

hot<> flags_early(waiting &w) {
  w.finished = true;
  co_await later{};
  w.count = 3;
  w.loop.quit();
}

void early_flag() {
  waiting w;
  flags_early(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: parameter 'w' of coroutine 'flags_early' refers to local 'w', which the task may outlive [async-dangling-reference]
  if (!w.finished)
    w.loop.exec();
}

hot<> flags_then_uses(waiting &w) {
  co_await later{};
  w.finished = true;
  w.count = 5;
  w.loop.quit();
}

void flag_before_use() {
  waiting w;
  flags_then_uses(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: parameter 'w' of coroutine 'flags_then_uses' refers to local 'w', which the task may outlive [async-dangling-reference]
  if (!w.finished)
    w.loop.exec();
}

void other_loop() {
  waiting w;
  drive(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: parameter 'w' of coroutine 'drive' refers to local 'w', which the task may outlive [async-dangling-reference]
  w.other.exec();
}

// A template and a macro.
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

// RUN: %check_async_lint %s async-dangling-reference %t

// A task object that is itself the coroutine handle (a class derived from
// std::coroutine_handle): the function destroys the frame with destroy()
// on it, on a reference to its base, or on a copy, before the local it
// refers to dies. No part of the coroutine runs after the destroy (a
// function, a function template, a macro). Twins: the same tasks left
// parked, and a destroy on another handle.

#include "handle_task.h"

extern parked_elsewhere parked;

handle_task<> mark(bool &out) { out = co_await parked; }
#define MARK(FLAG) mark(FLAG)

bool destroys_it() {
  bool ok = false;
  handle_task<> t = mark(ok);
  t.destroy();
  return ok;
}

bool destroys_through_base() {
  bool ok = false;
  handle_task<> t = mark(ok);
  std::coroutine_handle<> &h = t;
  h.destroy();
  return ok;
}

bool destroys_a_copy() {
  bool ok = false;
  std::coroutine_handle<> h = MARK(ok);
  h.destroy();
  return ok;
}

template <class Flag> handle_task<Flag> generic_mark(Flag &out) {
  out = co_await parked;
}
bool destroys_template() {
  bool ok = false;
  auto t = generic_mark(ok);
  t.destroy();
  return ok;
}

// Twins.
bool leaves_it_parked() {
  bool ok = false;
  handle_task<> t = mark(ok);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: parameter 'out' of coroutine 'mark' refers to local 'ok', which the task may outlive [async-dangling-reference]
  return ok;
}

bool leaves_template_parked() {
  bool ok = false;
  auto t = generic_mark(ok);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: parameter 'out' of coroutine 'generic_mark' refers to local 'ok', which the task may outlive [async-dangling-reference]
  return ok;
}

bool destroys_another(std::coroutine_handle<> other) {
  bool ok = false;
  handle_task<> t = MARK(ok);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: parameter 'out' of coroutine 'mark' refers to local 'ok', which the task may outlive [async-dangling-reference]
  other.destroy();
  return ok;
}

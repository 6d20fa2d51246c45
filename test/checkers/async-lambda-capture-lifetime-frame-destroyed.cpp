// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A coroutine lambda whose task object is itself the coroutine handle: the
// function destroys the frame (destroy() through a reference to the handle
// base, or on the task) before the closure dies, so no use of a capture can
// come after it. Twin: the same task left parked.

#include "handle_task.h"

extern parked_elsewhere parked;

bool destroys_through_base() {
  bool ok = false;
  auto write = [&ok]() -> handle_task<> { ok = co_await parked; };
  handle_task<> t = write();
  std::coroutine_handle<> &h = t;
  h.destroy();
  return ok;
}

template <class T> T destroys_in_template() {
  T ok{};
  auto write = [&ok]() -> handle_task<T> { ok = co_await parked; };
  auto t = write();
  t.destroy();
  return ok;
}
template bool destroys_in_template<bool>();

// Twin.
bool leaves_it_parked() {
  bool ok = false;
  auto write = [&ok]() -> handle_task<> { ok = co_await parked; };
  handle_task<> t = write();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: closure 'write' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  return ok;
}

template <class T> T leaves_it_in_template() {
  T ok{};
  auto write = [&ok]() -> handle_task<T> { ok = co_await parked; };
  auto t = write();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: closure 'write' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  return ok;
}
template bool leaves_it_in_template<bool>();

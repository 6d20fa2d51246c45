// RUN: %check_async_lint %s async-dangling-reference %t

// A task type whose destructor joins its coroutine (as std::jthread joins
// its thread): it requests stop, then blocks on a flag in the promise until
// the coroutine has reached its final suspend. Dropping such a task does
// not leave it running detached: the statement outlives the task (a class
// template, a function template, a macro). Twins: a task whose destructor
// does not wait, and one whose destructor waits on something other than its
// promise.

#include "joining_task.h"

joining_task<void> worker(bool &requested) {
  co_await elsewhere();
  requested = true;
}
#define RUN_WORKER(FLAG) worker(FLAG)

bool joined_on_drop() {
  bool requested = false;
  worker(requested);
  return requested;
}

bool joined_on_drop_macro() {
  bool requested = false;
  RUN_WORKER(requested);
  return requested;
}

template <class Flag> joining_task<Flag> generic_worker(Flag &requested) {
  co_await elsewhere();
  requested = true;
}
bool joined_on_drop_template() {
  bool requested = false;
  generic_worker(requested);
  return requested;
}

// Twins.
detached_task loose(bool &requested) {
  co_await elsewhere();
  requested = true;
}
bool detached_on_drop() {
  bool requested = false;
  loose(requested);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: parameter 'requested' of coroutine 'loose' refers to local 'requested', which the task may outlive [async-dangling-reference]
  return requested;
}

waits_elsewhere unrelated(bool &requested) {
  co_await elsewhere();
  requested = true;
}
bool waits_on_other_state() {
  bool requested = false;
  unrelated(requested);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: parameter 'requested' of coroutine 'unrelated' refers to local 'requested', which the task may outlive [async-dangling-reference]
  return requested;
}

// RUN: %check_async_lint %s async-thread-affinity %t \
// RUN:   --config="{CheckOptions: {async-thread-affinity.StrictResumeThread: true}}"
// Read strictly: every suspension that can suspend counts, whether or not
// the code shows that the coroutine may resume on another thread there (what
// the check does by default is in async-thread-affinity-resume.cpp).

// Objects alive across a suspension point whose constructor captures
// per-thread state that their destructor uses.

#include "task.h"
#include <exception>
#include <thread>

demo::task<> sub();
void rollback();
void check(bool);
using thread_id = decltype(std::this_thread::get_id());
thread_local int tls_depth = 0;

// Records the count of uncaught exceptions, compares it when destroyed.
struct scope_fail {
  int Count = std::uncaught_exceptions();
  ~scope_fail() {
    if (std::uncaught_exceptions() > Count)
      rollback();
  }
};
scope_fail make_scope_fail();

// Records the owner thread, checks it when destroyed.
struct thread_checker {
  thread_id Owner;
  thread_checker() : Owner(std::this_thread::get_id()) {}
  ~thread_checker() { check(Owner == std::this_thread::get_id()); }
};

// Binds a thread_local, undoes its change when destroyed.
struct depth_guard {
  int &Depth;
  depth_guard() : Depth(tls_depth) { ++Depth; }
  ~depth_guard() { --Depth; }
};

// Takes a thread_local's address in the constructor's body.
struct slot_guard {
  int *Slot;
  slot_guard() { Slot = &tls_depth; }
  ~slot_guard() { *Slot = 0; }
};

// Silent kinds: a destructor that does not use what was captured; a copy of
// a thread_local's value; a destructor that is not visible.
struct records_only {
  int Count = std::uncaught_exceptions();
  ~records_only() {}
};
struct saver {
  int Saved;
  saver() : Saved(tls_depth) {}
  ~saver() { tls_depth = Saved; }
};
struct opaque_guard {
  int Count = std::uncaught_exceptions();
  ~opaque_guard();
};

demo::task<> guards() {
  scope_fail Fail;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Fail' is alive across a suspension point and its destructor uses per-thread state its constructor captured [async-thread-affinity]
  thread_checker Checker;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'Checker' is alive across a suspension point
  depth_guard Depth;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'Depth' is alive across a suspension point
  slot_guard Slot;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Slot' is alive across a suspension point
  co_await sub();
}

// Made by a function: what its constructor captured travels with it.
demo::task<> made() {
  auto Fail = make_scope_fail();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Fail' is alive across a suspension point
  co_await sub();
}

// Templates, lambdas, macros.
template <class Guard> demo::task<> generic() {
  Guard G;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'G' is alive across a suspension point
  co_await sub();
}
template demo::task<> generic<scope_fail>();
template demo::task<> generic<records_only>();

#define SCOPE_FAIL scope_fail MacroGuard
demo::task<> macro() {
  SCOPE_FAIL;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MacroGuard' is alive across a suspension point
  co_await sub();
}

void lambdas() {
  auto Coro = []() -> demo::task<> {
    scope_fail Fail;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Fail' is alive across a suspension point
    co_await sub();
  };
  (void)Coro;
}

// Alive across a suspension in a loop, a switch, a try block.
demo::task<> shapes(int K) {
  for (int I = 0; I < K; ++I) {
    scope_fail InLoop;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'InLoop' is alive across
    co_await sub();
  }
  switch (K) {
  case 0: {
    scope_fail InCase;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'InCase' is alive across
    co_await sub();
    break;
  }
  default:
    break;
  }
  try {
    scope_fail InTry;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'InTry' is alive across
    co_await sub();
  } catch (...) {
  }
}

// Silent: destroyed before the suspension (nested scope, early return,
// goto out of its scope).
demo::task<> destroyed_before(bool B, int N) {
  {
    scope_fail Scoped;
  }
  if (B) {
    scope_fail Early;
    co_return;
  }
again:
  if (N-- > 0) {
    scope_fail Jumped;
    goto again;
  }
  co_await sub();
}

// Silent: what is captured is not used by the destructor, is a copy of a
// value, or the destructor is not visible.
demo::task<> silent_kinds() {
  records_only Records;
  saver Saver;
  opaque_guard Opaque;
  co_await sub();
}

// Silent: created after the last suspension.
demo::task<> after() {
  co_await sub();
  scope_fail Fail;
}

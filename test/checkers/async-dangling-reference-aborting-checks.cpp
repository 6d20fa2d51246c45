// RUN: %check_async_lint %s async-dangling-reference %t

// A check that ends the process unless the task is done with what it
// borrows (async-lambda-capture-lifetime's reading, the same fact): the
// task is handed pointers or references to the function's locals, and
// its last use of anything it borrows is a change of a local the check
// reads ('*Done = true', through a pointer parameter bound to '&Done', or
// through a reference parameter). Every run that goes on past the check
// has the task done; a run where it is not aborts there, and the locals
// are never destroyed under the task. Evidence only when the condition is
// false at the locals' initialisers, nothing but the task changes them,
// and the check is on every path before the locals die.

#include <vector>

#include "async_simple/Executors.h"
#include "async_simple/Lazy.h"

using async_simple::Executor;
using async_simple::coro::Lazy;

Lazy<> step();

// A test's own assertion macro: report, then abort.
int report(const char *Text);
[[noreturn]] void abort_run();
#define REPORT_AND_ABORT(e) ((void)report(e), abort_run())
#define CHECK(e) ((void)((e) ? ((void)0) : REPORT_AND_ABORT(#e)))

Lazy<void> fill(int *Out, bool *Done) {
  co_await step();
  *Out = 42;
  *Done = true;
}

void pointer_flag(Executor *Ex) {
  int Value = 0;
  bool Done = false;
  fill(&Value, &Done).via(Ex).detach();
  CHECK(Done);
}

// The flag checked is the value itself.
void pointer_value(Executor *Ex) {
  int Value = 0;
  bool Done = false;
  fill(&Value, &Done).via(Ex).detach();
  CHECK(Value == 42 && Done);
}

Lazy<void> fill_ref(int &Out, int &Count) {
  co_await step();
  Out = 7;
  ++Count;
}

void reference_count(Executor *Ex) {
  int Value = 0, Count = 0;
  fill_ref(Value, Count).via(Ex).detach();
  CHECK(Count == 1);
}

// A coroutine lambda with pointer parameters, its flag set on each exit;
// the flag is also read by a report that changes nothing.
void lambda_on_each_exit(Executor *Ex, int Limit) {
  int Seen = 0;
  bool Done = false;
  auto Reader = [Limit](int *Out, bool *Finished) -> Lazy<void> {
    while (true) {
      co_await step();
      if (*Out > Limit) {
        *Finished = true;
        co_return;
      }
      ++*Out;
    }
  };
  Reader(&Seen, &Done).via(Ex).detach();
  report(Done ? "done" : "running");
  CHECK(Done);
}

// A template coroutine, started through a macro.
template <class T> Lazy<void> append(std::vector<T> *Into, T V, bool *Done) {
  co_await step();
  Into->push_back(V);
  *Done = true;
}
#define START(EX, ...) append(__VA_ARGS__).via(EX).detach()

template <class T> void generic_append(Executor *Ex, T V) {
  std::vector<T> Items;
  bool Done = false;
  START(Ex, &Items, V, &Done);
  CHECK(Done);
}
template void generic_append<int>(Executor *, int);

// --- Twins that must still be reported.

// The task uses what it borrows after setting the flag.
Lazy<void> fill_late(int *Out, bool *Done) {
  co_await step();
  *Done = true;
  *Out = 42;
}

void flag_before_last_use(Executor *Ex) {
  int Value = 0;
  bool Done = false;
  fill_late(&Value, &Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: parameter 'Out' of coroutine 'fill_late' refers to local 'Value', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:21: warning: parameter 'Done' of coroutine 'fill_late' refers to local 'Done', which the task may outlive [async-dangling-reference]
  CHECK(Done);
}

// A path returns without the check.
void checked_on_some_paths(Executor *Ex, bool Verify) {
  int Value = 0;
  bool Done = false;
  fill(&Value, &Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'Out' of coroutine 'fill' refers to local 'Value', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: parameter 'Done' of coroutine 'fill' refers to local 'Done', which the task may outlive [async-dangling-reference]
  if (!Verify)
    return;
  CHECK(Done);
}

// A check that returns on failure (as GoogleTest's ASSERT_* do) unwinds
// the locals under the task.
void returns_on_failure(Executor *Ex) {
  int Value = 0;
  bool Done = false;
  fill(&Value, &Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'Out' of coroutine 'fill' refers to local 'Value', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: parameter 'Done' of coroutine 'fill' refers to local 'Done', which the task may outlive [async-dangling-reference]
  if (!Done)
    return;
}

// ... or throws.
void throws_on_failure(Executor *Ex) {
  int Value = 0;
  bool Done = false;
  fill(&Value, &Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'Out' of coroutine 'fill' refers to local 'Value', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: parameter 'Done' of coroutine 'fill' refers to local 'Done', which the task may outlive [async-dangling-reference]
  if (!Done)
    throw Value;
}

// The function sets the flag itself: the check passes without the task.
void set_by_the_function(Executor *Ex) {
  int Value = 0;
  bool Done = false;
  fill(&Value, &Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'Out' of coroutine 'fill' refers to local 'Value', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: parameter 'Done' of coroutine 'fill' refers to local 'Done', which the task may outlive [async-dangling-reference]
  Done = true;
  CHECK(Done);
}

// Another task sets the same flag.
void another_setter(Executor *Ex) {
  int Value = 0, Other = 0;
  bool Done = false;
  fill(&Value, &Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'Out' of coroutine 'fill' refers to local 'Value', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: parameter 'Done' of coroutine 'fill' refers to local 'Done', which the task may outlive [async-dangling-reference]
  fill(&Other, &Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'Out' of coroutine 'fill' refers to local 'Other', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: parameter 'Done' of coroutine 'fill' refers to local 'Done', which the task may outlive [async-dangling-reference]
  CHECK(Done);
}

// A lambda whose loop goes on using what it borrows after the flag, on
// the next round.
void set_inside_the_loop(Executor *Ex, int Limit) {
  int Seen = 0;
  bool Done = false;
  auto Reader = [Limit](int *Out, bool *Finished) -> Lazy<void> {
    for (int I = 0; I < Limit; ++I) {
      co_await step();
      *Finished = true;
      ++*Out;
    }
  };
  Reader(&Seen, &Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: parameter 'Out' of coroutine lambda refers to local 'Seen', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: parameter 'Finished' of coroutine lambda refers to local 'Done', which the task may outlive [async-dangling-reference]
  CHECK(Done);
}

// Started in a loop: the flag is set once the first task is done.
void started_in_a_loop(Executor *Ex, int N) {
  int Value = 0;
  bool Done = false;
  for (int I = 0; I < N; ++I)
    fill(&Value, &Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: parameter 'Out' of coroutine 'fill' refers to local 'Value', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:18: warning: parameter 'Done' of coroutine 'fill' refers to local 'Done', which the task may outlive [async-dangling-reference]
  CHECK(Done);
}

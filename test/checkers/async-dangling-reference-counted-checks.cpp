// RUN: %check_async_lint %s async-dangling-reference %t

// A check that ends the process unless every task has made all its counts
// (async-lambda-capture-lifetime's reading, the same fact): the task is
// handed a pointer or reference to a local it counts up by one in one
// statement (a push_back into a standard container, an increment, an
// atomic's fetch_add(1)), once or once per round of a counting loop, the
// last count being its last use of what it borrows; the check fails at
// every count below the tasks times the rounds. A run that goes on past it
// has every task done with the function's locals.

#include <atomic>
#include <vector>

#include "async_simple/Executors.h"
#include "async_simple/Lazy.h"

using async_simple::Executor;
using async_simple::coro::Lazy;

// A test's own assertion macro: report, then abort.
int report(const char *Text);
[[noreturn]] void abort_run();
#define REPORT_AND_ABORT(e) ((void)report(e), abort_run())
#define CHECK(e) ((void)((e) ? ((void)0) : REPORT_AND_ABORT(#e)))

struct Channel {
  Lazy<int> recv();
};

Lazy<void> receive(Channel &Ch, std::vector<int> *Out) {
  for (int I = 0; I < 3; ++I) {
    int V = co_await Ch.recv();
    if (V > 0)
      Out->push_back(V);
  }
}

void pushes_per_round(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  receive(Ch, &Values).via(Ex).detach();
  CHECK(Values.size() == 3);
}

// A reference parameter, a count of the function's tasks in a loop.
Lazy<void> count_once(Channel &Ch, std::atomic<int> &Done) {
  co_await Ch.recv();
  Done.fetch_add(1, std::memory_order_release);
}

void counted_tasks(Executor *Ex) {
  Channel Ch;
  std::atomic<int> Done{0};
  for (int I = 0; I < 2; ++I)
    count_once(Ch, Done).via(Ex).detach();
  int Seen = Done.load(std::memory_order_acquire);
  CHECK(Seen == 2);
}

// A template.
template <class T> Lazy<void> receive_as(Channel &Ch, std::vector<T> *Out) {
  for (int I = 0; I < 2; ++I)
    Out->push_back(T(co_await Ch.recv()));
}

template <class T> void generic_pushes(Executor *Ex) {
  Channel Ch;
  std::vector<T> Values;
  receive_as(Ch, &Values).via(Ex).detach();
  CHECK(Values.size() == 2);
}
template void generic_pushes<long>(Executor *);

// --- Twins that must still be reported.

// One short of the rounds.
void one_short(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  receive(Ch, &Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: parameter 'Ch' of coroutine 'receive' refers to local 'Ch', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: parameter 'Out' of coroutine 'receive' refers to local 'Values', which the task may outlive [async-dangling-reference]
  CHECK(Values.size() >= 2);
}

// The size is reached before the last use.
Lazy<void> receive_then_wait(Channel &Ch, std::vector<int> *Out) {
  for (int I = 0; I < 3; ++I) {
    Out->push_back(co_await Ch.recv());
    co_await Ch.recv();
  }
}

void reached_before_last_use(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  receive_then_wait(Ch, &Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: parameter 'Ch' of coroutine 'receive_then_wait' refers to local 'Ch', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:25: warning: parameter 'Out' of coroutine 'receive_then_wait' refers to local 'Values', which the task may outlive [async-dangling-reference]
  CHECK(Values.size() == 3);
}

// A check that only logs.
void only_logs(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  receive(Ch, &Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: parameter 'Ch' of coroutine 'receive' refers to local 'Ch', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: parameter 'Out' of coroutine 'receive' refers to local 'Values', which the task may outlive [async-dangling-reference]
  if (Values.size() != 3)
    report("short");
}

// One task fewer than the check counts... and one more: the count is
// reached by the first two of three.
void one_task_more(Executor *Ex) {
  Channel Ch;
  std::atomic<int> Done{0};
  for (int I = 0; I < 3; ++I)
    count_once(Ch, Done).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: parameter 'Ch' of coroutine 'count_once' refers to local 'Ch', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:20: warning: parameter 'Done' of coroutine 'count_once' refers to local 'Done', which the task may outlive [async-dangling-reference]
  CHECK(Done.load() == 2);
}

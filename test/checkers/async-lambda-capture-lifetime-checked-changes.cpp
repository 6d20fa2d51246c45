// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// More of what a check that ends the process unless the task is done reads
// (async-lambda-capture-lifetime-aborting-checks.cpp): the task's change
// made through a pointer parameter bound to the local's address
// ('*Completed = true'); a change after which no path of the coroutine
// uses a capture again (a flag set on each exit of a loop, then
// co_return), even where a use comes later in the source; a flag that other
// code only reads (a report, another lambda's own check) or another lambda
// only captures. Twins: a change something else also makes (another lambda
// writes the flag, a function is handed it by reference), a change the
// loop goes on from, a check on some paths only.

#include "async_simple/Executors.h"
#include "async_simple/Lazy.h"

using async_simple::Executor;
using async_simple::coro::Lazy;

Lazy<> step();
Lazy<bool> receive(int &Into);

int report(const char *Text);
[[noreturn]] void abort_run();
#define REPORT_AND_ABORT(e) ((void)report(e), abort_run())
#define CHECK(e) ((void)((e) ? ((void)0) : REPORT_AND_ABORT(#e)))

// Through a pointer parameter bound to '&Completed'.
void through_pointer(Executor *Ex) {
  int Total = 0;
  bool Completed = false;
  auto Worker = [&Total](int Add, bool *Done) -> Lazy<void> {
    co_await step();
    Total += Add;
    *Done = true;
    co_return;
  };
  Worker(3, &Completed).via(Ex).detach();
  CHECK(Completed);
}

// Set on each exit of the loop, before a co_return; a later use in the
// source is never reached after it. The flag is also read by a report.
void set_on_each_exit(Executor *Ex) {
  int Value = 0, Replies = 0;
  bool Finished = false;
  auto Server = [&]() -> Lazy<void> {
    while (true) {
      if (!co_await receive(Value)) {
        Finished = true;
        co_return;
      }
      if (Value < 0) {
        Finished = true;
        co_return;
      }
      ++Replies;
    }
  };
  Server().via(Ex).detach();
  report(Finished ? "finished" : "running");
  CHECK(Finished);
}

// Another task (capturing everything by reference) reads the flag only,
// in its own check.
void read_by_another_task(Executor *Ex) {
  int Sent = 0;
  bool ProducerDone = false, ConsumerDone = false;
  auto Producer = [&]() -> Lazy<void> {
    co_await step();
    ++Sent;
    ProducerDone = true;
  };
  auto Consumer = [&]() -> Lazy<void> {
    co_await step();
    CHECK(!ProducerDone);
    ConsumerDone = true;
  };
  Producer().via(Ex).detach();
  Consumer().via(Ex).detach();
  CHECK(ConsumerDone);
  CHECK(ProducerDone);
}

// A template, the task started through a macro.
#define START(EX, TASK) (TASK).via(EX).detach()
template <class T> void generic_pointer(Executor *Ex, T Add) {
  T Total{};
  bool Completed = false;
  auto Worker = [&Total, Add](bool *Done) -> Lazy<void> {
    co_await step();
    Total += Add;
    *Done = true;
  };
  START(Ex, Worker(&Completed));
  CHECK(Completed);
}
template void generic_pointer<long>(Executor *, long);

// The same lambda started twice, each task with its own flag.
void two_tasks_own_flags(Executor *Ex) {
  int Total = 0;
  bool First = false, Second = false;
  auto Worker = [&Total](bool *Done) -> Lazy<void> {
    co_await step();
    ++Total;
    *Done = true;
  };
  Worker(&First).via(Ex).detach();
  Worker(&Second).via(Ex).detach();
  CHECK(First);
  CHECK(Second);
}

// Three tasks of one lambda, each counting a capture up by one as its last
// use: the check fails until all three have counted.
void counted_starts(Executor *Ex) {
  int Completed = 0;
  auto Waiter = [&]() -> Lazy<void> {
    co_await step();
    Completed++;
  };
  Waiter().via(Ex).detach();
  Waiter().via(Ex).detach();
  Waiter().via(Ex).detach();
  CHECK(Completed == 3);
}

// Started by a counting loop, against a constant; and in a loop that holds
// the locals (each round is a new life).
void counted_in_a_loop(Executor *Ex) {
  constexpr int Tasks = 8;
  int Completed = 0;
  auto Waiter = [&]() -> Lazy<void> {
    co_await step();
    Completed += 1;
  };
  for (int I = 0; I < Tasks; ++I)
    Waiter().via(Ex).detach();
  CHECK(Completed == Tasks);
}

void counted_per_round(Executor *Ex, int Rounds) {
  for (int R = 0; R < Rounds; ++R) {
    int Completed = 0;
    auto Waiter = [&]() -> Lazy<void> {
      co_await step();
      ++Completed;
    };
    Waiter().via(Ex).detach();
    Waiter().via(Ex).detach();
    CHECK(Completed == 2);
  }
}

// --- Twins that must still be reported.

// The check passes once two of the three have counted.
void counted_short(Executor *Ex) {
  int Completed = 0;
  auto Waiter = [&]() -> Lazy<void> {
    co_await step();
    Completed++;
  };
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Completed >= 2);
}

// Each task counts twice: two tasks reach the count.
void counted_twice(Executor *Ex) {
  int Completed = 0;
  auto Waiter = [&]() -> Lazy<void> {
    Completed++;
    co_await step();
    Completed++;
  };
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Completed == 2);
}

// Started an unknown number of times.
void counted_unknown_starts(Executor *Ex, int N) {
  int Completed = 0;
  auto Waiter = [&]() -> Lazy<void> {
    co_await step();
    Completed++;
  };
  for (int I = 0; I < N; ++I)
    Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Completed == 3);
}

// The same lambda started twice sets one captured flag: the check passes
// once either is done.
void two_tasks_one_flag(Executor *Ex) {
  int Total = 0;
  bool Done = false;
  auto Worker = [&]() -> Lazy<void> {
    co_await step();
    ++Total;
    Done = true;
  };
  Worker().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Worker' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Worker().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Worker' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Done);
}

// Started in a loop, every task given the same flag.
void started_in_a_loop(Executor *Ex, int N) {
  int Total = 0;
  bool Completed = false;
  auto Worker = [&Total](bool *Done) -> Lazy<void> {
    co_await step();
    ++Total;
    *Done = true;
  };
  for (int I = 0; I < N; ++I)
    Worker(&Completed).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: closure 'Worker' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Completed);
}

// Another lambda writes the flag: the check may pass on its change.
void written_by_another_lambda(Executor *Ex) {
  int Sent = 0;
  bool Done = false;
  auto Producer = [&]() -> Lazy<void> {
    co_await step();
    ++Sent;
    Done = true;
  };
  auto Reset = [&] { Done = true; };
  Producer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Producer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Reset();
  CHECK(Done);
}

// A function is handed the flag by reference: it may set it.
void settle(bool &Flag);
void handed_by_reference(Executor *Ex) {
  int Sent = 0;
  bool Done = false;
  auto Producer = [&]() -> Lazy<void> {
    co_await step();
    ++Sent;
    Done = true;
  };
  Producer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Producer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  settle(Done);
  CHECK(Done);
}

// The pointer's flag is set before the last use of a capture.
void pointer_flag_too_early(Executor *Ex) {
  int Total = 0;
  bool Completed = false;
  auto Worker = [&Total](bool *Done) -> Lazy<void> {
    co_await step();
    *Done = true;
    ++Total;
  };
  Worker(&Completed).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Worker' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Completed);
}

// The flag is set where the loop goes on to use the captures again.
void set_then_loop_again(Executor *Ex, bool Stop) {
  int Value = 0, Replies = 0;
  bool Seen = false;
  auto Server = [&]() -> Lazy<void> {
    while (!Stop) {
      if (Value < 0)
        Seen = true;
      co_await receive(Value);
      ++Replies;
    }
  };
  Server().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Server' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Seen);
}

// Checked on one path only.
void pointer_checked_on_some_paths(Executor *Ex, bool Verify) {
  int Total = 0;
  bool Completed = false;
  auto Worker = [&Total](bool *Done) -> Lazy<void> {
    co_await step();
    ++Total;
    *Done = true;
  };
  Worker(&Completed).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Worker' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  if (Verify)
    CHECK(Completed);
}

// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A check that ends the process unless every task has made all its counts,
// the last of which is its last use of what it borrows. Each task counts a
// local up by one in one statement (an increment, an atomic's
// fetch_add(1), a push_back into a standard container), once or once per
// round of a counting loop; the check reads the count (the value, a read-
// only copy of it, the container's size) and fails at every count below
// the tasks times the rounds. So the check passes only after each task's
// last count, from which (in the loop's last round) the task uses nothing
// it borrows: a run that goes on has every task done with its captures.

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
#define LOG(...) ((void)report(#__VA_ARGS__))

struct Channel {
  Lazy<int> recv();
};

// Three rounds, one push each (when a value came): the size reaches 3 only
// with the third push, in the last round, after which the task uses nothing
// it borrows. Two tasks of one lambda, each with its own vector.
void pushes_per_round(Executor *Ex) {
  Channel Ch;
  std::vector<int> First, Second;
  auto Receiver = [&Ch](int Id, std::vector<int> *Out) -> Lazy<void> {
    for (int I = 0; I < 3; I++) {
      int V = co_await Ch.recv();
      if (V > 0) {
        Out->push_back(V);
        LOG(Id, V, I);
      }
    }
    co_return;
  };
  Receiver(1, &First).via(Ex).detach();
  Receiver(2, &Second).via(Ex).detach();
  CHECK(First.size() == 3);
  CHECK(Second.size() == 3);
}

// Each task counts once, by fetch_add(1) with a memory order, after a log
// of a by-value id; the check reads a copy of the counter.
void fetch_add_copied(Executor *Ex) {
  std::atomic<int> Completed{0};
  Channel Ch;
  auto Waiter = [&Ch, &Completed](int Id) -> Lazy<void> {
    co_await Ch.recv();
    LOG(Id);
    Completed.fetch_add(1, std::memory_order_release);
  };
  Waiter(1).via(Ex).detach();
  Waiter(2).via(Ex).detach();
  Waiter(3).via(Ex).detach();
  int Seen = Completed.load(std::memory_order_acquire);
  LOG(Seen);
  CHECK(Seen == 3);
}

// Started by a counting loop, counted through a macro.
#define COUNT_DONE(C) (C).fetch_add(1)
void counted_by_macro(Executor *Ex) {
  std::atomic<int> Completed{0};
  Channel Ch;
  auto Waiter = [&]() -> Lazy<void> {
    co_await Ch.recv();
    COUNT_DONE(Completed);
  };
  for (int I = 0; I < 4; ++I)
    Waiter().via(Ex).detach();
  CHECK(Completed.load() >= 4);
}

// A template: the rounds and the container's element type are its own.
template <class T> void generic_rounds(Executor *Ex) {
  Channel Ch;
  std::vector<T> Values;
  auto Receiver = [&Ch, &Values]() -> Lazy<void> {
    for (int I = 0; I < 2; ++I)
      Values.push_back(T(co_await Ch.recv()));
  };
  Receiver().via(Ex).detach();
  CHECK(Values.size() == 2);
}
template void generic_rounds<long>(Executor *);

// --- Twins that must still be reported.

// One short: the size is 2 after the second round, the third still to come.
void one_short(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  auto Receiver = [&Ch](std::vector<int> *Out) -> Lazy<void> {
    for (int I = 0; I < 3; I++) {
      int V = co_await Ch.recv();
      Out->push_back(V);
    }
  };
  Receiver(&Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Receiver' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Values.size() == 2);
}

// The size is reached before the last use: the round goes on with a
// capture after the push.
void used_after_push(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  auto Receiver = [&Ch](std::vector<int> *Out) -> Lazy<void> {
    for (int I = 0; I < 3; I++) {
      int V = co_await Ch.recv();
      Out->push_back(V);
      co_await Ch.recv();
    }
  };
  Receiver(&Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Receiver' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Values.size() == 3);
}

// ... or after the loop.
void used_after_loop(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  auto Receiver = [&Ch](std::vector<int> *Out) -> Lazy<void> {
    for (int I = 0; I < 3; I++)
      Out->push_back(co_await Ch.recv());
    co_await Ch.recv();
  };
  Receiver(&Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Receiver' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Values.size() == 3);
}

// A check that only logs: the run goes on either way.
void only_logs(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  auto Receiver = [&Ch](std::vector<int> *Out) -> Lazy<void> {
    for (int I = 0; I < 3; I++)
      Out->push_back(co_await Ch.recv());
  };
  Receiver(&Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Receiver' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  if (Values.size() != 3)
    report("short");
}

// The function pushes one itself: the size is 3 after two of the task's.
void not_empty_at_start(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  Values.push_back(0);
  auto Receiver = [&Ch](std::vector<int> *Out) -> Lazy<void> {
    for (int I = 0; I < 3; I++)
      Out->push_back(co_await Ch.recv());
  };
  Receiver(&Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Receiver' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Values.size() == 3);
}

// The rounds are not counted: the size may be reached before the end.
void unknown_rounds(Executor *Ex, int N) {
  Channel Ch;
  std::vector<int> Values;
  auto Receiver = [&Ch, N](std::vector<int> *Out) -> Lazy<void> {
    for (int I = 0; I < N; I++)
      Out->push_back(co_await Ch.recv());
  };
  Receiver(&Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Receiver' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Values.size() == 3);
}

// Not being empty is not the count: true after the first push.
void checks_not_empty(Executor *Ex) {
  Channel Ch;
  std::vector<int> Values;
  auto Receiver = [&Ch](std::vector<int> *Out) -> Lazy<void> {
    for (int I = 0; I < 3; I++)
      Out->push_back(co_await Ch.recv());
  };
  Receiver(&Values).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Receiver' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(!Values.empty());
}

// A flag set in every round is true after the first: not the last use.
void flag_in_loop(Executor *Ex) {
  Channel Ch;
  bool Got = false;
  auto Receiver = [&Ch](bool *Flag) -> Lazy<void> {
    for (int I = 0; I < 3; I++) {
      co_await Ch.recv();
      *Flag = true;
    }
  };
  Receiver(&Got).via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Receiver' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Got);
}

// The count one short of the tasks: the second may still run.
void count_one_short(Executor *Ex) {
  std::atomic<int> Completed{0};
  Channel Ch;
  auto Waiter = [&Ch, &Completed]() -> Lazy<void> {
    co_await Ch.recv();
    Completed.fetch_add(1);
  };
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  int Seen = Completed.load();
  CHECK(Seen >= 1);
}

// The copy is changed before the check: it no longer tells the count.
void copy_changed(Executor *Ex) {
  std::atomic<int> Completed{0};
  Channel Ch;
  auto Waiter = [&Ch, &Completed]() -> Lazy<void> {
    co_await Ch.recv();
    Completed.fetch_add(1);
  };
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  int Seen = Completed.load();
  Seen = 2;
  CHECK(Seen == 2);
}

// Counted by two: 4 is reached by two tasks, or by one task's two counts.
void counts_by_two(Executor *Ex) {
  std::atomic<int> Completed{0};
  Channel Ch;
  auto Waiter = [&Ch, &Completed]() -> Lazy<void> {
    co_await Ch.recv();
    Completed.fetch_add(2);
  };
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Waiter().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Waiter' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Completed.load() == 4);
}

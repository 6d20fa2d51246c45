// RUN: %check_async_lint %s async-unbounded-spawn %t

// A counting loop tested with `!=`: `for (i = 0; i != K; ++i)` steps its
// counter by one and nothing else writes it, so it runs K times, as
// `i < K` does. The bound is read as for `<` (a constant, a count kept in a
// local the loop leaves as is). A counter that the body also writes, or
// that steps by more than one, can pass K: no bound. Reduced from a test
// suite that writes every counting loop with `!=`.

#include "task.h"

demo::fire_and_forget work();
bool more();
unsigned long cores();
void consume(unsigned long &);

#define FOR_EACH_INDEX(i, n) for (unsigned long i = 0; i != (n); ++i)

// --- Silent: the loop runs K times.

void constant() {
  constexpr unsigned long Size = 10;
  for (unsigned long I = 0; I != Size; ++I)
    work();
}
void per_core() {
  const unsigned long Count = cores();
  for (unsigned long I = 0; I != Count; I++)
    work();
}
void counting_down() {
  for (int I = 8; 0 != I; --I)
    work();
}
template <unsigned long N> void templated() {
  for (unsigned long I = 0; I != N; ++I)
    work();
}
template void templated<4>();
void macro() {
  FOR_EACH_INDEX(I, 16)
  work();
}
void lambda() {
  auto Start = [] {
    for (int I = 0; I != 3; ++I)
      work();
  };
  Start();
}

// --- Reported: the counter can pass the bound, or there is none.

void no_bound() {
  for (unsigned long I = 0; more(); ++I)
    work();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'work' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
}
void written_in_body() {
  for (int I = 0; I != 10; ++I) {
    work();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'work' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
    if (more())
      I = 0;
  }
}
void passed_by_reference() {
  for (unsigned long I = 0; I != 10; ++I) {
    work();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'work' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
    unsigned long *P = &I;
    consume(*P);
  }
}
void steps_by_two() {
  for (int I = 0; I != 9; I += 2)
    work();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'work' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
}
template <unsigned long N> void templated_written() {
  for (unsigned long I = 0; I != N; ++I) {
    work();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'work' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
    I = I * 2;
  }
}
template void templated_written<4>();
void lambda_unbounded() {
  auto Start = [] {
    for (int I = 0; more(); ++I)
      work();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'work' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
  };
  Start();
}

// RUN: %check_async_lint %s async-unbounded-spawn %t

// A loop bounded by the capacity reserved just before it: `w.reserve(n);
// for (i = 0; i < w.capacity(); ++i) w.emplace_back(job);` on an empty local
// vector whose every round adds at most one element. The vector never
// outgrows what was reserved, so it never reallocates, its capacity stays
// fixed, and the loop runs as many rounds as `i < n` would; n is evaluated
// once, before the loop, as a local's initialiser is, so a call in it
// (`std::thread::hardware_concurrency()`) is a count fixed before the loop.
// Reported: a count read from a parameter (the caller's input, as for `i <
// n`), a vector not empty when reserved, two additions a round, `<=` (the last round outgrows the capacity), other uses
// of the vector before the loop.

#include <thread>
#include <vector>

void work();
unsigned configured();
const unsigned Workers = 4;

// --- Silent: the reserved count is fixed before the loop.

int main() {
  std::vector<std::jthread> Threads;
  Threads.reserve(std::thread::hardware_concurrency());
  for (unsigned long I = 0; I < Threads.capacity(); ++I)
    Threads.emplace_back(work);
  work();
}

void reserved_global() {
  std::vector<std::thread> Threads;
  unsigned Spare = 1;
  Threads.reserve(Workers + Spare);
  for (unsigned long I = 0; Threads.capacity() > I; I++) {
    if (Spare > 3)
      continue;
    Threads.push_back(std::thread(work));
  }
  for (auto &T : Threads)
    T.join();
}

template <class Job> void reserved_template(Job J) {
  std::vector<std::thread> Threads;
  Threads.reserve(configured());
  for (unsigned long I = 0; I != Threads.capacity(); ++I)
    Threads.emplace_back(J);
  for (auto &T : Threads)
    T.join();
}
template void reserved_template(void (*)());

#define START_POOL(threads, count, job)                                        \
  threads.reserve(count);                                                      \
  for (unsigned long I = 0; I < threads.capacity(); ++I)                       \
  threads.emplace_back(job)

void reserved_macro() {
  std::vector<std::thread> Threads;
  START_POOL(Threads, 8, work);
  auto Lambda = [] {
    std::vector<std::thread> Inner;
    Inner.reserve(2);
    for (unsigned long I = 0; I < Inner.capacity(); ++I)
      Inner.emplace_back(work);
    for (auto &T : Inner)
      T.join();
  };
  Lambda();
  for (auto &T : Threads)
    T.join();
}

// --- Reported.

void reserved_parameter(unsigned N) {
  std::vector<std::thread> Threads;
  Threads.reserve(N);
  for (unsigned long I = 0; I < Threads.capacity(); ++I)
    Threads.emplace_back(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration of an unbounded loop{{.*}} [async-unbounded-spawn]
  for (auto &T : Threads)
    T.join();
}

void not_empty() {
  std::vector<std::thread> Threads(2);
  Threads.reserve(8);
  for (unsigned long I = 0; I < Threads.capacity(); ++I)
    Threads.emplace_back(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration of an unbounded loop{{.*}} [async-unbounded-spawn]
  for (auto &T : Threads)
    T.join();
}

void two_a_round() {
  std::vector<std::thread> Threads;
  Threads.reserve(8);
  for (unsigned long I = 0; I < Threads.capacity(); ++I) {
    Threads.emplace_back(work);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration of an unbounded loop{{.*}} [async-unbounded-spawn]
    Threads.emplace_back(work);
  }
  for (auto &T : Threads)
    T.join();
}

void up_to_capacity() {
  std::vector<std::thread> Threads;
  Threads.reserve(8);
  for (unsigned long I = 0; I <= Threads.capacity(); ++I)
    Threads.emplace_back(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration of an unbounded loop{{.*}} [async-unbounded-spawn]
  for (auto &T : Threads)
    T.join();
}

void filled_before() {
  std::vector<std::thread> Threads;
  Threads.reserve(8);
  Threads.emplace_back(work);
  for (unsigned long I = 0; I < Threads.capacity(); ++I)
    Threads.emplace_back(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration of an unbounded loop{{.*}} [async-unbounded-spawn]
  for (auto &T : Threads)
    T.join();
}

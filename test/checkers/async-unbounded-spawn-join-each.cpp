// RUN: %check_async_lint %s async-unbounded-spawn %t

// A batch joined element by element before the next round is bounded by the
// round: threads kept in a local container and joined one by one by a loop
// after the one that starts them (`for (auto &t : ts) t.join();`), or by the
// end of the block for threads that join themselves (std::jthread), when every
// caller fixes the count: a constant, or the counter of a loop held under a
// bound (`i <= std::min(8U, std::thread::hardware_concurrency())`). Without
// the join, or with a count the callers do not fix, it is reported.

#include <future>
#include <thread>
#include <vector>

namespace std {
template <class T> const T &min(const T &, const T &);
} // namespace std

void steal(unsigned long) noexcept;
int compute(unsigned long);
std::vector<std::thread> Kept;

namespace {

// --- Silent: batches joined each round, their size fixed by the callers.

void batch(unsigned long N) {
  std::vector<std::thread> Ts;
  for (unsigned long K = 0; K < N; K++)
    Ts.emplace_back(steal, K);
  for (auto &T : Ts)
    T.join();
}

// Statements between the loops; the join inside braces, after a statement.
void batch_min(unsigned long N) {
  for (unsigned long Round = 2; Round <= (1 << 16); Round <<= 1) {
    std::vector<std::thread> Consumers;
    for (unsigned long K = 0; K < N; K++)
      Consumers.push_back(std::thread(steal, K));
    std::thread Producer(steal, Round);
    Producer.join();
    for (std::thread &C : Consumers) {
      steal(0);
      C.join();
    }
  }
}

// Futures of std::async, each waited for by get().
int sum(int N) {
  std::vector<std::future<int>> Fs;
  for (int K = 0; K < N; ++K)
    Fs.push_back(std::async(std::launch::async, compute, K));
  int Total = 0;
  for (auto &F : Fs)
    Total += F.get();
  return Total;
}

// Threads that join themselves, in a container of the loop's block: its end
// joins them all.
void self_joining(unsigned long N) {
  std::vector<std::jthread> Ts;
  for (unsigned long K = 0; K < N; K++)
    Ts.emplace_back(steal, K);
  steal(N);
}

// --- Reported.

// Self-joining threads kept across the rounds of an unbounded loop: the
// container's end is not the round's.
void rounds(unsigned long N, const std::vector<unsigned long> &Requests) {
  std::vector<std::jthread> Ts;
  for (unsigned long R : Requests) {
    for (unsigned long K = 0; K < N; K++)
      Ts.emplace_back(steal, R);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::vector::emplace_back' starts a task on every iteration
  }
}

// Joined, but the join is skipped for some elements first.
void skipping(unsigned long N) {
  std::vector<std::thread> Ts;
  for (unsigned long K = 0; K < N; K++)
    Ts.emplace_back(steal, K);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  for (auto &T : Ts) {
    if (!T.joinable())
      continue;
    T.join();
  }
}

// Joined only when a flag says so: a branch may skip every join.
void maybe_joined(unsigned long N, bool Wait) {
  std::vector<std::thread> Ts;
  for (unsigned long K = 0; K < N; K++)
    Ts.emplace_back(steal, K);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  for (auto &T : Ts)
    if (Wait)
      T.join();
}

// Joined, but the count is the caller's input.
void per_request(unsigned long N) {
  std::vector<std::thread> Ts;
  for (unsigned long K = 0; K < N; K++)
    Ts.emplace_back(steal, K);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  for (auto &T : Ts)
    T.join();
}

// A thread per request, kept in a global that nothing joins here.
void leak(const std::vector<unsigned long> &Requests) {
  for (unsigned long R : Requests)
    Kept.emplace_back(steal, R);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
}

// A counter whose loop writes it: no bound on what it passes.
void rewritten(unsigned long N) {
  std::vector<std::thread> Ts;
  for (unsigned long K = 0; K < N; K++)
    Ts.emplace_back(steal, K);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::vector::emplace_back' starts a task on every iteration
  for (auto &T : Ts)
    T.join();
}

} // namespace

unsigned long read_count();

void callers(const std::vector<unsigned long> &Requests) {
  batch(4);
  self_joining(4);
  rounds(4, Requests);
  for (unsigned I = 1; I <= std::min(8U, std::thread::hardware_concurrency());
       ++I)
    batch_min(I);
  for (int I = 0; I < 8; ++I)
    sum(I);
  skipping(4);
  maybe_joined(4, true);
  per_request(read_count());
  leak(Requests);
  for (unsigned long I = 0; I < 8; ++I) {
    rewritten(I);
    I = read_count();
  }
}

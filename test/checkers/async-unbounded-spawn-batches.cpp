// A loop that starts a batch: the tasks go into a local container, one per
// iteration, and the container is joined as a whole after the loop, before
// anything leaves the block (a blocking wait over the range, or an awaited
// all-of). When the loop's count is a parameter that every call of the
// function passes a bound (the function has internal linkage or is a lambda
// kept in a local and only called; the argument is a constant, a const
// local, an element of a braced list of constants), each run of the function
// (each round of an enclosing loop) has at most that many tasks in flight:
// a batch, not a storm. Reduced from YACLib's stress tests.
// The default WaitAllFunctions name YACLib's Wait and Await; an in-house
// join is listed with the option.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unbounded-spawn %t.default
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-unbounded-spawn %t.custom \
// RUN:   --config="{CheckOptions: {async-unbounded-spawn.WaitAllFunctions: '::yaclib::Wait;::yaclib::Await;corp::join_all'}}"

#include <coroutine>
#include <vector>

namespace yaclib {
// An eager task, as yaclib::Future: it runs from the call, cannot be
// awaited, and dropping it detaches it.
template <class T = void> struct Future {
  struct promise_type {
    Future get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
// Block until every future of the range is ready.
template <class It> void Wait(It First, It Last);
template <class T> void Wait(T *Data, unsigned long Count);
// Awaited: resumes when every future of the range is ready.
struct AllReady {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
template <class It> AllReady Await(It First, unsigned long Count);
} // namespace yaclib

namespace corp {
template <class C> void join_all(C &);
} // namespace corp

yaclib::Future<> work();
bool more();
unsigned long count();

#define JOIN_ALL(V) yaclib::Wait((V).begin(), (V).end())

namespace {

// --- Silent: a batch whose size every caller fixes, joined whole.

void sized(const unsigned long N) {
  std::vector<yaclib::Future<>> Fs(N);
  for (unsigned long I = 0; I < N; ++I)
    Fs[I] = work();
  yaclib::Wait(Fs.begin(), Fs.end());
}

// Each round of the outer loop joins its batch before the next round.
void rounds(const unsigned long N) {
  std::vector<yaclib::Future<>> Fs(N);
  while (more()) {
    for (unsigned long I = 0; I != N; ++I)
      Fs[I] = work();
    yaclib::Wait(Fs.data(), Fs.size());
  }
}

// Two batches, both joined after the second loop.
void two(const unsigned long Waiters, const unsigned long Workers) {
  std::vector<yaclib::Future<>> Ws(Waiters);
  for (unsigned long I = 0; I < Waiters; ++I)
    Ws[I] = work();
  std::vector<yaclib::Future<>> Ks(Workers);
  for (unsigned long I = 0; I < Workers; ++I)
    Ks[I] = work();
  yaclib::Wait(Ks.begin(), Ks.end());
  yaclib::Wait(Ws.begin(), Ws.end());
}

template <class T> void templated(const unsigned long N) {
  std::vector<yaclib::Future<>> Fs;
  for (unsigned long I = 0; I < N; ++I)
    Fs.push_back(work());
  JOIN_ALL(Fs);
}

void custom(const unsigned long N) {
  std::vector<yaclib::Future<>> Fs;
  for (unsigned long I = 0; I < N; ++I)
    Fs.push_back(work());
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:18: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  corp::join_all(Fs);
}

// --- Reported: the same loops without the evidence.

// Not joined: each call leaves N tasks running, and a caller that calls it
// again adds N more.
void unjoined(const unsigned long N) {
  std::vector<yaclib::Future<>> Fs(N);
  for (unsigned long I = 0; I < N; ++I)
    Fs[I] = work();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-CUSTOM: :[[@LINE-5]]:3: note: the loop has no static bound
}

// Joined in part only.
void part(const unsigned long N) {
  std::vector<yaclib::Future<>> Fs(N);
  for (unsigned long I = 0; I < N; ++I)
    Fs[I] = work();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-CUSTOM: :[[@LINE-5]]:3: note: the loop has no static bound
  yaclib::Wait(Fs.data(), 2);
}

// A path leaves before the join.
void early(const unsigned long N) {
  std::vector<yaclib::Future<>> Fs(N);
  for (unsigned long I = 0; I < N; ++I)
    Fs[I] = work();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-CUSTOM: :[[@LINE-5]]:3: note: the loop has no static bound
  if (more())
    return;
  yaclib::Wait(Fs.begin(), Fs.end());
}

// A caller passes a count read at run time.
void runtime_count(const unsigned long N) {
  std::vector<yaclib::Future<>> Fs(N);
  for (unsigned long I = 0; I < N; ++I)
    Fs[I] = work();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-CUSTOM: :[[@LINE-5]]:3: note: the loop has no static bound
  yaclib::Wait(Fs.begin(), Fs.end());
}

} // namespace

// External linkage: callers in other units may pass anything.
void exported(const unsigned long N) {
  std::vector<yaclib::Future<>> Fs(N);
  for (unsigned long I = 0; I < N; ++I)
    Fs[I] = work();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the loop has no static bound
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:13: warning: 'work' starts a task on every iteration
  // CHECK-NOTES-CUSTOM: :[[@LINE-5]]:3: note: the loop has no static bound
  yaclib::Wait(Fs.begin(), Fs.end());
}

void callers() {
  sized(4);
  sized(100);
  rounds(8);
  const unsigned long Counts[] = {1, 8};
  for (const unsigned long W : Counts)
    for (const unsigned long K : Counts)
      two(W, K);
  templated<int>(16);
  custom(4);
  unjoined(4);
  part(4);
  early(4);
  runtime_count(4);
  unsigned long Read = count();
  runtime_count(Read);
}

// A coroutine lambda that awaits its batch, called with a constant.
yaclib::Future<> lambdas() {
  auto Add = [](unsigned long N) -> yaclib::Future<> {
    std::vector<yaclib::Future<>> Vec;
    Vec.reserve(N);
    for (unsigned long I = 0; I != N; ++I)
      Vec.push_back(work());
    co_await yaclib::Await(Vec.begin(), Vec.size());
  };
  constexpr unsigned long Increments = 10;
  Add(Increments);
  Add(Increments);
  // The same lambda handed on: its callers are not all seen.
  auto Leaked = [](unsigned long N) -> yaclib::Future<> {
    std::vector<yaclib::Future<>> Vec;
    for (unsigned long I = 0; I != N; ++I)
      Vec.push_back(work());
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:21: warning: 'work' starts a task on every iteration
    // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:5: note: the loop has no static bound
    // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:21: warning: 'work' starts a task on every iteration
    // CHECK-NOTES-CUSTOM: :[[@LINE-5]]:5: note: the loop has no static bound
    co_await yaclib::Await(Vec.begin(), Vec.size());
  };
  Leaked(4);
  auto Copy = Leaked;
  Copy(count());
  co_return;
}

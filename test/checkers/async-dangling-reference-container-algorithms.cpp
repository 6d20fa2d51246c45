// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// An awaited asynchronous algorithm given a member, global or static
// container (Seastar's do_for_each and max_concurrent_for_each, the
// WalkingAlgorithms option, matched by resolved name) steps through it while
// the coroutine that awaits it is suspended: its iterator stands on each
// element in turn, as a range-for's would, so other code that modifies the
// container meanwhile may invalidate it.

#include <list>
#include <map>
#include <ranges>
#include <utility>
#include <vector>

#include "seastar/loop.hh"

seastar::future<> expire(int);

#define FOR_ALL(R, F) seastar::max_concurrent_for_each(R, 4, F)

// --- A member list that other code clears, walked at most five at a
// time, directly and through a macro.

struct producers {
  std::list<int> Active;
  std::list<int> Grown;
  void drop() { Active.clear(); }
  void grow(int P) { Grown.push_back(P); }
  seastar::future<> abort_all() {
    co_await seastar::max_concurrent_for_each(Active, 5, [](int P) {
      // CHECK-NOTES: :[[@LINE-1]]:14: warning: the loop over member 'Active' holds an iterator across a suspension point, while other code may modify 'Active'
      // CHECK-NOTES: :[[@LINE-2]]:5: note: 'max_concurrent_for_each' steps through it while the coroutine is suspended here (WalkingAlgorithms)
      // CHECK-NOTES: :28:17: note: 'Active' is modified here
      return expire(P);
    });
  }
  seastar::future<> abort_again() {
    co_await FOR_ALL(Active, [](int P) { return expire(P); });
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: the loop over member 'Active' holds an iterator across a suspension point, while other code may modify 'Active'
    // CHECK-NOTES: :20:23: note: expanded from macro 'FOR_ALL'
    // CHECK-NOTES: :[[@LINE-3]]:5: note: 'max_concurrent_for_each' steps through it while the coroutine is suspended here (WalkingAlgorithms)
    // CHECK-NOTES: :28:17: note: 'Active' is modified here
  }
  // Silent: an owning copy is walked.
  seastar::future<> abort_copy() {
    std::list<int> Copy = Active;
    co_await seastar::max_concurrent_for_each(std::move(Copy), 5,
                                              [](int P) { return expire(P); });
  }
  // Silent: a node-based list that other code only grows keeps the element
  // the walk stands on.
  seastar::future<> expire_grown() {
    co_await seastar::do_for_each(Grown, [](int P) { return expire(P); });
  }
  // Silent: parallel_for_each starts every element at the call (it is not
  // in WalkingAlgorithms).
  seastar::future<> abort_at_once() {
    co_await seastar::parallel_for_each(Active,
                                        [](int P) { return expire(P); });
  }
};

// --- A class template walking its vector by iterators, and its map through
// a view of the keys; the constructor alone fills the vector of seeds.

template <class T> struct peers {
  std::vector<T> Peers;
  std::vector<T> Seeds;
  std::map<T, int> Routes;
  peers() { Seeds.push_back(T()); }
  void add(T P) { Peers.push_back(P); }
  void forget(T P) { Routes.erase(P); }
  seastar::future<> ping() {
    co_await seastar::do_for_each(Peers.begin(), Peers.end(),
                                  // CHECK-NOTES: :[[@LINE-1]]:14: warning: the loop over member 'Peers' holds an iterator across a suspension point, while other code may modify 'Peers'
                                  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'do_for_each' steps through it while the coroutine is suspended here (WalkingAlgorithms)
                                  // CHECK-NOTES: :72:19: note: 'Peers' is modified here
                                  [](T P) { return expire(P); });
    co_await seastar::do_for_each(Routes | std::views::keys,
                                  // CHECK-NOTES: :[[@LINE-1]]:14: warning: the loop over member 'Routes' holds an iterator across a suspension point, while other code may modify 'Routes'
                                  // CHECK-NOTES: :[[@LINE-2]]:5: note: 'do_for_each' steps through it while the coroutine is suspended here (WalkingAlgorithms)
                                  // CHECK-NOTES: :73:22: note: 'Routes' is modified here
                                  [](const T &P) { return expire(P); });
  }
  // Silent: only the constructor modifies the seeds.
  seastar::future<> seed() {
    co_await seastar::do_for_each(Seeds, [](T P) { return expire(P); });
  }
};
template struct peers<int>;

// --- A lambda coroutine walking a global vector a free function grows.

std::vector<int> Jobs;
void add_job(int J) { Jobs.push_back(J); }
auto RunJobs = []() -> seastar::future<> {
  co_await seastar::max_concurrent_for_each(Jobs, 2,
                                            // CHECK-NOTES: :[[@LINE-1]]:12: warning: the loop over global 'Jobs' holds an iterator across a suspension point, while other code may modify 'Jobs'
                                            // CHECK-NOTES: :[[@LINE-2]]:3: note: 'max_concurrent_for_each' steps through it while the coroutine is suspended here (WalkingAlgorithms)
                                            // CHECK-NOTES: :96:23: note: 'Jobs' is modified here
                                            [](int J) { return expire(J); });
};

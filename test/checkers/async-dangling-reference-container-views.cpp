// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// Range-for loops that reach a member, global or static container through
// one of its elements ('Groups.at(K)', 'Groups[K]') or through a view that
// borrows it ('Groups | std::views::keys', 'std::views::reverse(Items)'),
// with a suspension in the body: the loop's iterator points into the
// container as much as a loop over the container itself. Through a view the
// loop walks the container (erasing any element may take the one it is on);
// through an element it holds that element (which an erasure takes is not
// known, so only what invalidates every element counts).

#include <map>
#include <ranges>
#include <utility>
#include <vector>

#include "task.h"

void use(int);

#define YIELD co_await demo::task<>()
#define KEYS_OF(M) (M | std::views::keys)

// --- A member map of vectors, walked through an element, a subscript and
// a view of its keys.

struct groups {
  std::map<int, std::vector<int>> Groups;
  std::map<int, int> Owners;
  std::map<int, std::vector<int>> Teams;
  void reset() { Groups.clear(); }
  void forget(int K) { Owners.erase(K); }
  void leave(int K) { Teams.erase(K); }
  demo::task<> members(int K) {
    for (int Member : Groups.at(K)) {
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: the loop over member 'Groups' holds an iterator across a suspension point, while other code may modify 'Groups'
      // CHECK-NOTES: :[[@LINE+3]]:7: note: the coroutine may suspend here
      // CHECK-NOTES: :31:18: note: 'Groups' is modified here
      // CHECK-NOTES: :[[@LINE-4]]:21: note: the loop moves on to the next element here, after the suspension
      co_await demo::task<>();
      use(Member);
    }
  }
  demo::task<> subscripted(int K) {
    for (int Member : Groups[K])
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: the loop over member 'Groups' holds an iterator across a suspension point, while other code may modify 'Groups'
      // CHECK-NOTES: :[[@LINE+4]]:7: note: the coroutine may suspend here
      // CHECK-NOTES: :21:15: note: expanded from macro 'YIELD'
      // CHECK-NOTES: :31:18: note: 'Groups' is modified here
      // CHECK-NOTES: :[[@LINE-5]]:21: note: the loop moves on to the next element here, after the suspension
      YIELD;
  }
  // A view of the keys walks the map: erasing any key may take the one the
  // loop stands on.
  demo::task<> owners() {
    for (const int &Key : Owners | std::views::keys) {
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: the loop over member 'Owners' holds an iterator across a suspension point, while other code may modify 'Owners'
      // CHECK-NOTES: :[[@LINE+3]]:7: note: the coroutine may suspend here
      // CHECK-NOTES: :32:24: note: 'Owners' is modified here
      // CHECK-NOTES: :[[@LINE-4]]:25: note: the loop moves on to the next element here, after the suspension
      co_await demo::task<>();
      use(Key);
    }
  }
  // The same view, spelt through a macro and as a call of the adaptor.
  demo::task<> owners_again() {
    for (const int &Key : KEYS_OF(Owners))
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: the loop over member 'Owners' holds an iterator across a suspension point, while other code may modify 'Owners'
      // CHECK-NOTES: :[[@LINE+3]]:7: note: the coroutine may suspend here
      // CHECK-NOTES: :32:24: note: 'Owners' is modified here
      // CHECK-NOTES: :[[@LINE-4]]:25: note: the loop moves on to the next element here, after the suspension
      co_await demo::task<>(), use(Key);
    for (const int &Key : std::views::keys(Owners))
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: the loop over member 'Owners' holds an iterator across a suspension point, while other code may modify 'Owners'
      // CHECK-NOTES: :[[@LINE+3]]:7: note: the coroutine may suspend here
      // CHECK-NOTES: :32:24: note: 'Owners' is modified here
      // CHECK-NOTES: :[[@LINE-4]]:25: note: the loop moves on to the next element here, after the suspension
      co_await demo::task<>(), use(Key);
  }

  // Silent: an owning copy of the element is walked.
  demo::task<> copied(int K) {
    std::vector<int> Members = Groups.at(K);
    for (int Member : Members) {
      co_await demo::task<>();
      use(Member);
    }
  }
  // Silent: the keys are copied first, and each group is looked up afresh
  // after the suspension.
  demo::task<> relooked(std::vector<int> Keys) {
    for (int K : Keys) {
      co_await demo::task<>();
      for (int Member : Groups.at(K))
        use(Member);
    }
  }
  // Silent: erasing from the node map of teams takes one element, and
  // which one is not known; a loop through one element of it is no walk.
  demo::task<> one_team(int K) {
    for (int Member : Teams.at(K)) {
      co_await demo::task<>();
      use(Member);
    }
  }
  // Silent: a local map, and an owning view of a temporary.
  demo::task<> local() {
    std::map<int, int> Mine;
    for (const int &Key : Mine | std::views::keys)
      co_await demo::task<>(), use(Key);
    for (const int &Key : std::map<int, int>() | std::views::keys)
      co_await demo::task<>(), use(Key);
  }
};

// --- A class template whose vector is walked backwards through a view;
// the constructor alone fills the other one.

template <class T> struct registry {
  std::vector<T> Items;
  std::vector<T> Fixed;
  registry() { Fixed.push_back(T()); }
  void add(T I) { Items.push_back(I); }
  demo::task<> each() {
    for (const T &I : std::views::reverse(Items)) {
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: the loop over member 'Items' holds an iterator across a suspension point, while other code may modify 'Items'
      // CHECK-NOTES: :[[@LINE+3]]:7: note: the coroutine may suspend here
      // CHECK-NOTES: :123:19: note: 'Items' is modified here
      // CHECK-NOTES: :[[@LINE-4]]:21: note: the loop moves on to the next element here, after the suspension
      co_await demo::task<>();
      use(I);
    }
  }
  // Silent: nothing but the constructor modifies 'Fixed', and no coroutine
  // of the object runs before it has returned.
  demo::task<> fixed() {
    for (const T &I : Fixed | std::views::reverse) {
      co_await demo::task<>();
      use(I);
    }
  }
};
template struct registry<int>;

// --- A lambda coroutine looping over an element of a global a free
// function clears.

std::map<int, std::vector<int>> Routes;
void drop_routes() { Routes.clear(); }
auto Announce = [](int K) -> demo::task<> {
  for (int Hop : Routes[K]) {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: the loop over global 'Routes' holds an iterator across a suspension point, while other code may modify 'Routes'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :149:22: note: 'Routes' is modified here
    // CHECK-NOTES: :[[@LINE-4]]:16: note: the loop moves on to the next element here, after the suspension
    co_await demo::task<>();
    use(Hop);
  }
};

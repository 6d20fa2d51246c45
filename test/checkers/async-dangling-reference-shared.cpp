// RUN: %check_async_lint %s async-dangling-reference %t

// References, pointers and iterators into a namespace-scope or static
// container, held across a suspension point while a function of the
// translation unit inserts into it or erases from it: another task runs
// while this one is suspended, and the element may be gone or moved.

#include <vector>

#include "task.h"

std::vector<int> Pending;
std::vector<int> Frozen;
namespace cache {
struct table {
  table &operator=(const table &);
  int &operator[](unsigned long);
};
table Entries;
} // namespace cache
struct pool {
  static std::vector<int> Free;
  static void release(int I) { Free.push_back(I); }
};

void enqueue(int I) { Pending.push_back(I); }
void reset() { cache::Entries = cache::table(); }

demo::task<> drain() {
  auto It = Pending.begin();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'It' points into global 'Pending' and is used after a suspension point, while other code may modify 'Pending'
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the coroutine may suspend here
  // CHECK-NOTES: :26:23: note: 'Pending' is modified here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'It' is used here, after the suspension
  co_await demo::task<>();
  (void)*It;
}

demo::task<> entries() {
  int *First = &cache::Entries[0];
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'First' points into global 'Entries' and is used after a suspension point, while other code may modify 'Entries'
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the coroutine may suspend here
  // CHECK-NOTES: :27:16: note: 'Entries' is modified here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'First' is used here, after the suspension
  co_await demo::task<>();
  (void)*First;
}

demo::task<> reuse() {
  int &Slot = pool::Free.front();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Slot' points into static 'Free' and is used after a suspension point, while other code may modify 'Free'
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the coroutine may suspend here
  // CHECK-NOTES: :23:32: note: 'Free' is modified here
  // CHECK-NOTES: :[[@LINE+2]]:9: note: 'Slot' is used here, after the suspension
  co_await demo::task<>();
  (void)Slot;
}

// A static local, modified by the coroutine itself: another call of it runs
// while this one is suspended.
demo::task<> remember(int I) {
  static std::vector<int> Seen;
  Seen.push_back(I);
  int *Last = Seen.data();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Last' points into static 'Seen' and is used after a suspension point, while other code may modify 'Seen'
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the coroutine may suspend here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'Seen' is modified here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'Last' is used here, after the suspension
  co_await demo::task<>();
  (void)*Last;
}

// In a template, a macro and a lambda.
#define FIRST_PENDING() Pending.begin()
template <class T> demo::task<> drain_as(T) {
  auto It = FIRST_PENDING();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'It' points into global 'Pending'
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the coroutine may suspend here
  // CHECK-NOTES: :26:23: note: 'Pending' is modified here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'It' is used here, after the suspension
  co_await demo::task<>();
  (void)*It;
}
template demo::task<> drain_as(int);

auto Lambda = []() -> demo::task<> {
  auto It = Pending.begin();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'It' points into global 'Pending'
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the coroutine may suspend here
  // CHECK-NOTES: :26:23: note: 'Pending' is modified here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'It' is used here, after the suspension
  co_await demo::task<>();
  (void)*It;
};

// A static data member named through 'this', and a global declared again.
struct worker : pool {
  demo::task<> take() {
    auto It = this->Free.begin();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'It' points into static 'Free'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :23:32: note: 'Free' is modified here
    // CHECK-NOTES: :[[@LINE+2]]:12: note: 'It' is used here, after the suspension
    co_await demo::task<>();
    (void)*It;
  }
};
extern std::vector<int> Pending;
demo::task<> redeclared() {
  int &Head = Pending.front();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Head' points into global 'Pending'
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the coroutine may suspend here
  // CHECK-NOTES: :26:23: note: 'Pending' is modified here
  // CHECK-NOTES: :[[@LINE+2]]:9: note: 'Head' is used here, after the suspension
  co_await demo::task<>();
  (void)Head;
}

// --- Silent.

demo::task<> silent(std::vector<int> &Theirs) {
  // Nothing in the translation unit modifies 'Frozen'.
  auto Kept = Frozen.begin();
  // Used before the suspension only.
  int Copy = *Pending.begin();
  auto Early = Pending.begin();
  (void)*Early;
  // A container the caller passed: not a shared variable.
  auto Borrowed = Theirs.begin();
  co_await demo::task<>();
  (void)*Kept;
  (void)Copy;
  (void)*Borrowed;
}

// Not a coroutine: nothing runs between taking and using the reference.
int plain() {
  auto It = Pending.begin();
  enqueue(1);
  return *It;
}

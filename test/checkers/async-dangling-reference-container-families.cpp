// The container families are options, matched by resolved name: a class of
// none is judged as a vector (every modifier may move every element); listed
// as node-based, it keeps what is held when it grows, and only a walk sees
// its erasures.
// RUN: %check_async_lint --modes=plugin,driver,lsp --check-suffix=DEFAULT %s async-dangling-reference %t.default
// RUN: %check_async_lint --modes=plugin,driver,lsp --check-suffix=NODE %s async-dangling-reference %t.node \
// RUN:   --config="{CheckOptions: {async-dangling-reference.NodeContainers: '::corp::slot_list'}}"

#include "task.h"

void use(int);

namespace corp {
template <class T> class slot_list {
public:
  using iterator = T *;
  iterator begin();
  iterator end();
  T &front();
  void push_back(const T &);
  void erase(iterator);
};
} // namespace corp

struct pool {
  corp::slot_list<int> Slots;
  void add(int S) { Slots.push_back(S); }
  void drop() { Slots.erase(Slots.begin()); }
  demo::task<> first() {
    int &Head = Slots.front();
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:10: warning: 'Head' points into member 'Slots' and is used after a suspension point, while other code may modify 'Slots'
    // CHECK-NOTES-DEFAULT: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES-DEFAULT: :27:21: note: 'Slots' is modified here
    // CHECK-NOTES-DEFAULT: :[[@LINE+2]]:9: note: 'Head' is used here, after the suspension
    co_await demo::task<>();
    use(Head);
  }
  demo::task<> all() {
    for (int &S : Slots) {
      // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: the loop over member 'Slots' holds an iterator across a suspension point, while other code may modify 'Slots'
      // CHECK-NOTES-DEFAULT: :[[@LINE+7]]:7: note: the coroutine may suspend here
      // CHECK-NOTES-DEFAULT: :27:21: note: 'Slots' is modified here
      // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:17: note: the loop moves on to the next element here, after the suspension
      // CHECK-NOTES-NODE: :[[@LINE-5]]:5: warning: the loop over member 'Slots' holds an iterator across a suspension point, while other code may modify 'Slots'
      // CHECK-NOTES-NODE: :[[@LINE+3]]:7: note: the coroutine may suspend here
      // CHECK-NOTES-NODE: :28:17: note: 'Slots' is modified here
      // CHECK-NOTES-NODE: :[[@LINE-8]]:17: note: the loop moves on to the next element here, after the suspension
      co_await demo::task<>();
      use(S);
    }
  }
};

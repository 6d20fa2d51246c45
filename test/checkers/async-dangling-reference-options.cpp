// Defaults.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-dangling-reference %t.default

// StrictParameters, a custom view type, reference_wrapper off, OwnerFunctions, and
// the shared library lists (a spawn and a run-to-completion function of an
// in-house executor) set globally.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-dangling-reference %t.custom \
// RUN:   --config="{CheckOptions: {async-dangling-reference.StrictParameters: true, \
// RUN:     async-dangling-reference.ViewTypes: 'corp::text_ref', \
// RUN:     async-dangling-reference.ReferenceWrappers: false, async-dangling-reference.OwnerFunctions: 'corp::pin', \
// RUN:     SpawnFunctions: 'corp::launch', SyncWaitFunctions: 'corp::drain'}}"

#include <functional>
#include <string>
#include <string_view>

#include "task.h"

namespace corp {
struct text_ref {
  text_ref(const std::string &);
  unsigned long size() const;
};
template <class T> void launch(T &&);
void drain();
} // namespace corp

demo::task<int> view(std::string_view S) { co_return S.size(); }
demo::task<int> text(corp::text_ref S) { co_return S.size(); }
demo::task<int> wrapped(std::reference_wrapper<int> R) { co_return R.get(); }
demo::task<int> strict(const std::string &Before, const std::string &After) {
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:70: warning: parameter 'After' of coroutine 'strict' is used after a suspension point, when what it refers to may be gone [async-dangling-reference]
  int N = Before.size();
  co_await demo::task<>();
  co_return N + After.size();
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:17: note: 'After' is used here, after the coroutine may have suspended
}

demo::task<int> views() {
  std::string Local;
  int Number = 0;
  if (Number)
    return view(Local);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:17: warning: parameter 'S' of coroutine 'view' refers to local 'Local', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:5: note: the task is returned here
  // CHECK-NOTES-DEFAULT: :[[@LINE+13]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES-DEFAULT: :28:54: note: 'S' is used here, when the task runs
  if (Number > 1)
    return text(Local);
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:17: warning: parameter 'S' of coroutine 'text' refers to local 'Local', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:5: note: the task is returned here
  // CHECK-NOTES-CUSTOM: :[[@LINE+7]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES-CUSTOM: :29:52: note: 'S' is used here, when the task runs
  return wrapped(std::ref(Number));
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:18: warning: parameter 'R' of coroutine 'wrapped' refers to local 'Number', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES-DEFAULT: :[[@LINE+2]]:1: note: 'Number' is destroyed here
  // CHECK-NOTES-DEFAULT: :30:68: note: 'R' is used here, when the task runs
}

void spawns() {
  std::string Local;
  corp::launch(text(Local));
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:21: warning: parameter 'S' of coroutine 'text' refers to local 'Local', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: note: the task is spawned here
  // CHECK-NOTES-CUSTOM: :[[@LINE+2]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES-CUSTOM: :29:52: note: 'S' is used here, when the task runs
}

void spawns_and_drains() {
  std::string Local;
  corp::launch(text(Local));
  corp::drain();
}

// OwnerFunctions: a coroutine that takes a strong reference to its object
// ties the object's life to the task.
namespace corp {
struct strong {};
template <class T> strong pin(T *);
} // namespace corp
struct pinned {
  int N = 0;
  corp::strong get_strong();
  demo::fire_and_forget tick() {
    auto Self = get_strong();
    co_await demo::task<>();
    ++N;
  }
  demo::fire_and_forget tock() {
    auto Pin = corp::pin(this);
    co_await demo::task<>();
    ++N;
  }
  void start_tick() { tick(); }
  void start_tock() { tock(); }
};
void pins() {
  pinned P, Q;
  P.start_tick();
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:3: warning: function 'start_tick' runs coroutine 'tick' detached on an object owned by local 'P', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES-CUSTOM: :[[@LINE-7]]:23: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES-CUSTOM: :[[@LINE+7]]:1: note: 'P' is destroyed here
  // CHECK-NOTES-CUSTOM: :[[@LINE-16]]:7: note: the object is used here, after the coroutine may have suspended
  Q.start_tock();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: function 'start_tock' runs coroutine 'tock' detached on an object owned by local 'Q', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES-DEFAULT: :[[@LINE-11]]:23: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES-DEFAULT: :[[@LINE+2]]:1: note: 'Q' is destroyed here
  // CHECK-NOTES-DEFAULT: :[[@LINE-16]]:7: note: the object is used here, after the coroutine may have suspended
}

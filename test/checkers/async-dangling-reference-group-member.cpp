// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// A task handed to a member function that stores it in a member of its own
// object is kept by that object: when the object is a local of the caller,
// the task's fate is the local's (a group awaited before the borrowed local
// dies keeps nothing too long). Reduced from a runtime's spawn_group, filled
// in a loop and awaited. The twins store into an object that outlives the
// function.

#include <utility>
#include <vector>

#include "task.h"

struct group {
  std::vector<demo::task<>> tasks;
  void add(demo::task<> &&t) { tasks.push_back(std::move(t)); }
  demo::task<> run();
};
template <class Task> struct typed_group {
  std::vector<Task> tasks;
  void add(Task &&t) { tasks.push_back(std::move(t)); }
  demo::task<> run();
};
demo::task<> bump(int &v) {
  ++v;
  co_return;
}

#define ADD_BUMP(g, v) (g).add(bump(v))

// --- Silent: the group is a local, awaited while 'value' lives.

demo::task<> awaited_group() {
  int value = 0;
  group g;
  for (int i = 0; i < 3; ++i)
    g.add(bump(value));
  co_await std::move(g).run();
}
demo::task<> awaited_typed_group() {
  int value = 0;
  typed_group<demo::task<>> g;
  g.add(bump(value));
  ADD_BUMP(g, value);
  g.add([](int &v) -> demo::task<> {
    ++v;
    co_return;
  }(value));
  co_await g.run();
}

// --- Reported: the object outlives the function.

group *global_group;
demo::task<> global_object() {
  int value = 0;
  global_group->add(bump(value));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: parameter 'v' of coroutine 'bump' refers to local 'value', which the task may outlive [async-dangling-reference]
  co_return;
}
group returned_group() {
  int value = 0;
  group g;
  g.add(bump(value));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: parameter 'v' of coroutine 'bump' refers to local 'value', which the task may outlive [async-dangling-reference]
  return g;
}
void group_by_reference(group &g) {
  int value = 0;
  g.add(bump(value));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: parameter 'v' of coroutine 'bump' refers to local 'value', which the task may outlive [async-dangling-reference]
}

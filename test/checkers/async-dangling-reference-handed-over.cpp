// RUN: %check_async_lint --modes=plugin,driver %s async-dangling-reference %t

// A task handed by value to a function declared only takes its coroutine's
// borrowing with it: the callee owns the task from then on and may run it
// whenever it likes, after the temporary or local it refers to is gone.

#include <string>
#include <string_view>
#include <utility>

#include "task.h"

demo::task<> show(std::string_view Label) {
  co_await std::suspend_always{};
  (void)Label.size();
}
demo::task<> show_copy(std::string Label) {
  co_await std::suspend_always{};
  (void)Label.size();
}
std::string make_label();

// Declared only: they own what they are given.
void schedule(demo::task<> T);
template <class T> bool adopt(demo::task<T> Task);
struct frame_loop {
  void keep(demo::task<> T);
};
// Not hand-overs: a reference, an adapter whose task takes the argument's
// place.
void peek(const demo::task<> &T);
demo::task<> then_run(demo::task<> T);

// --- A temporary behind a view, the task kept in a local and handed over.
void open_panel() {
  auto T = show(make_label());
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: parameter 'Label' of coroutine 'show' refers to a temporary that the task outlives [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is stored here, where it outlives the function
  // CHECK-NOTES: :15:9: note: 'Label' is used here, when the task runs
  schedule(std::move(T));
}

// --- A local the task refers to, the task kept and handed over, to a
// member function and to a template.
void open_named(frame_loop &Loop) {
  std::string Name = make_label();
  auto T = show(Name);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: parameter 'Label' of coroutine 'show' refers to local 'Name', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE+5]]:3: note: the task is stored here, where it outlives the function
  // CHECK-NOTES: :[[@LINE+9]]:1: note: 'Name' is destroyed here
  // CHECK-NOTES: :15:9: note: 'Label' is used here, when the task runs
  auto U = show(Name);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: parameter 'Label' of coroutine 'show' refers to local 'Name', which the task may outlive [async-dangling-reference]
  Loop.keep(std::move(T));
  // CHECK-NOTES: :[[@LINE+3]]:9: note: the task is stored here, where it outlives the function
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'Name' is destroyed here
  // CHECK-NOTES: :15:9: note: 'Label' is used here, when the task runs
  (void)adopt(std::move(U));
}

// --- Through a macro, and in a lambda.
#define KEEP_RUNNING(t) schedule(std::move(t))
void open_by_macro() {
  auto T = show(std::string("status"));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: parameter 'Label' of coroutine 'show' refers to a temporary that the task outlives [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:38: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the task is stored here, where it outlives the function
  // CHECK-NOTES: :63:25: note: expanded from macro 'KEEP_RUNNING'
  // CHECK-NOTES: :15:9: note: 'Label' is used here, when the task runs
  KEEP_RUNNING(T);
}
auto open_in_lambda = [] {
  auto T = show(make_label() + "!");
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: parameter 'Label' of coroutine 'show' refers to a temporary that the task outlives [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:35: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is stored here, where it outlives the function
  // CHECK-NOTES: :15:9: note: 'Label' is used here, when the task runs
  schedule(std::move(T));
};

// --- Silent: the coroutine copies, the argument outlives the task, the
// callee only looks, its task takes the argument's place and is awaited in
// the full expression, or it is given the task in the full expression that
// made it (it may run it before it returns, while the temporaries live).
void open_copy() {
  auto T = show_copy(make_label());
  schedule(std::move(T));
}
std::string Title;
void open_global() {
  auto T = show(Title);
  schedule(std::move(T));
}
void open_in_place() { schedule(show(make_label())); }
void open_peek() {
  auto T = show(make_label());
  peek(T);
}
demo::task<> open_adapter() { co_await then_run(show(make_label())); }

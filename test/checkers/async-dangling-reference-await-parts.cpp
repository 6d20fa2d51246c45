// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// Parts of the result of 'co_await' on a temporary whose await_resume returns
// a reference into the awaited object: a structured binding, a member, a
// view, a range-for over a member. The whole result bound to a reference is
// in async-dangling-reference.cpp.

#include <memory>
#include <string>
#include <string_view>

#include "task.h"

struct row {
  int Id;
  std::string Name;
  struct {
    std::string Text;
  } Note;
  std::string *Owner;
};
struct chars {
  const char *begin() const;
  const char *end() const;
};
struct listing {
  chars Items;
};

// An operation that keeps its result in itself.
template <class T> struct op {
  T Result;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T &await_resume() { return Result; }
};
op<row> query();
op<listing> list();

// --- Positive forms.
demo::task<> structured() {
  auto &[Id, Name, Note, Owner] = co_await query();
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: this structured binding refers to the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-9]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+1]]:9: note: it is used here, after the temporary is destroyed
  (void)Id;
}
demo::task<> member() {
  const std::string &Name = (co_await query()).Name;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: reference 'Name' is bound to a member of the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-16]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+5]]:9: note: it is used here, after the temporary is destroyed
  const std::string &Text = (co_await query()).Note.Text;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: reference 'Text' is bound to a member of the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-20]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+2]]:9: note: it is used here, after the temporary is destroyed
  (void)Name;
  (void)Text;
}
demo::task<> view() {
  std::string_view Name = (co_await query()).Name;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: view 'Name' refers into the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-28]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+1]]:9: note: it is used here, after the temporary is destroyed
  (void)Name.size();
}
demo::task<> loop() {
  for (char C : (co_await list()).Items)
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: the range of this loop refers into the result of 'co_await' on a temporary destroyed before the loop starts [async-dangling-reference]
    (void)C;
}

// A member coroutine, a coroutine lambda, a template and a macro.
struct repo {
  demo::task<> load() {
    const auto &[Id, Name, Note, Owner] = co_await query();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: this structured binding refers to the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-43]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+1]]:11: note: it is used here, after the temporary is destroyed
    (void)Name;
  }
};
auto Lambda = []() -> demo::task<> {
  const std::string &Name = (co_await query()).Name;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: reference 'Name' is bound to a member of the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-51]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+1]]:9: note: it is used here, after the temporary is destroyed
  (void)Name;
};
template <class Op> demo::task<> generic(Op (*Make)()) {
  const auto &Name = (co_await Make()).Name;
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: reference 'Name' is bound to a member of the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-58]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+1]]:9: note: it is used here, after the temporary is destroyed
  (void)Name;
}
template demo::task<> generic<op<row>>(op<row> (*)());
#define NAME_OF(X) (co_await X).Name
demo::task<> macro() {
  const std::string &Name = NAME_OF(query());
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: reference 'Name' is bound to a member of the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-67]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+1]]:9: note: it is used here, after the temporary is destroyed
  (void)Name;
}

// An awaiter that holds the operation's shared state, here its last owner.
struct state {
  row Value;
};
struct future {
  std::shared_ptr<state> Shared;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  row &await_resume() { return owned().Value; }
  state &owned() { return *Shared; }
};
future fetch_row();
demo::task<> shared_state() {
  const auto &[Id, Name, Note, Owner] = co_await fetch_row();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: this structured binding refers to the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-7]]:8: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+1]]:9: note: it is used here, after the temporary is destroyed
  (void)Name;
}

// --- Silent twins.
// Copies of the result.
demo::task<> copies() {
  auto [Id, Name, Note, Owner] = co_await query();
  std::string Copy = (co_await query()).Name;
  (void)Id;
  (void)Copy;
}
// An awaitable that outlives the use.
demo::task<> named(op<row> &Op) {
  auto &[Id, Name, Note, Owner] = co_await Op;
  const std::string &Text = (co_await Op).Note.Text;
  std::string_view View = (co_await Op).Name;
  (void)Name;
  (void)Text;
  (void)View;
}
// A member reached through a pointer leaves the awaited object.
demo::task<> through_pointer() {
  const std::string &Owner = *(co_await query()).Owner;
  (void)Owner;
}
// await_resume returns a reference to something else.
row Global;
struct global_op {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  row &await_resume() { return Global; }
};
struct param_op {
  row *Target;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  row &await_resume() { return *Target; }
};
global_op read_global();
param_op read_into(row &Target);
demo::task<> elsewhere(row &Target) {
  auto &[Id, Name, Note, Owner] = co_await read_global();
  const std::string &Text = (co_await read_into(Target)).Name;
  (void)Name;
  (void)Text;
}
// A result returned by value: binding it extends its life.
struct value_op {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  row await_resume() { return {}; }
};
value_op read_value();
demo::task<> extended() {
  const auto &[Id, Name, Note, Owner] = co_await read_value();
  const std::string &Text = (co_await read_value()).Name;
  (void)Name;
  (void)Text;
}
// Bound but never used.
demo::task<> unused() {
  const std::string &Name = (co_await query()).Name;
}

// A temporary given to an eager coroutine declared only, whose task is
// awaited after the full expression: silent by default (nothing shows that
// the body uses the parameter after it first suspends), reported with
// DeclaredEagerTemporaries.
// RUN: %check_async_lint --modes=plugin,driver,lsp --check-suffix=DEFAULT %s async-dangling-reference %t.default
// RUN: %check_async_lint --modes=plugin,driver,lsp --check-suffix=EAGER %s async-dangling-reference %t.eager \
// RUN:   --config="{CheckOptions: {async-dangling-reference.DeclaredEagerTemporaries: true}}"

#include <string>
#include <string_view>

#include "task.h"

struct eager_task {
  struct promise_type {
    eager_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};
eager_task send(const std::string &Text);
eager_task send_view(std::string_view Text);
demo::task<> sub();

demo::task<> concatenations(std::string Prefix, std::string Name) {
  auto T = send(Prefix + Name);
  // CHECK-NOTES-EAGER: :[[@LINE-1]]:17: warning: parameter 'Text' of 'send' refers to a temporary that its task outlives [async-dangling-reference]
  // CHECK-NOTES-EAGER: :[[@LINE-2]]:30: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES-EAGER: :[[@LINE+8]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES-EAGER: :[[@LINE-9]]:12: note: 'send' is declared here and defined elsewhere, so its task may use what it is given when it runs; 'eager_task' is an eager task type: it may use the parameter after it first suspends (DeclaredEagerTemporaries)
  auto U = send_view(Prefix + "/");
  // CHECK-NOTES-EAGER: :[[@LINE-1]]:22: warning: parameter 'Text' of 'send_view' refers to a temporary that its task outlives [async-dangling-reference]
  // CHECK-NOTES-EAGER: :[[@LINE-2]]:34: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES-EAGER: :[[@LINE+4]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES-EAGER: :[[@LINE-13]]:12: note: 'send_view' is declared here and defined elsewhere, so its task may use what it is given when it runs; 'eager_task' is an eager task type: it may use the parameter after it first suspends (DeclaredEagerTemporaries)
  co_await sub();
  co_await T;
  co_await U;
}

// Silent with the option too: awaited in the full expression, a local that
// outlives the await.
demo::task<> silent(std::string Prefix, std::string Name) {
  co_await send(Prefix + Name);
  std::string Whole = Prefix + Name;
  auto T = send(Whole);
  co_await T;
}

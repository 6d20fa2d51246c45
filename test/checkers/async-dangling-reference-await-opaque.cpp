// An await_resume whose body is not visible: silent by default, reported
// with OpaqueAwaitResults.
// RUN: %check_async_lint --modes=plugin,driver,lsp --check-suffix=DEFAULT %s async-dangling-reference %t.default
// RUN: %check_async_lint --modes=plugin,driver,lsp --check-suffix=OPAQUE %s async-dangling-reference %t.opaque \
// RUN:   --config="{CheckOptions: {async-dangling-reference.OpaqueAwaitResults: true}}"

#include <string>

#include "task.h"

struct row {
  std::string Name;
};
struct remote_op {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  row &await_resume();
};
struct value_op {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  row await_resume();
};
remote_op call_remote();
value_op call_value();

demo::task<> opaque(remote_op &Named) {
  const row &Whole = co_await call_remote();
  // CHECK-NOTES-OPAQUE: :[[@LINE-1]]:14: warning: reference 'Whole' is bound to the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES-OPAQUE: :[[@LINE-13]]:8: note: 'await_resume' returns a reference, and its body is not visible (OpaqueAwaitResults reads it as one into the awaited object)
  // CHECK-NOTES-OPAQUE: :[[@LINE+5]]:9: note: it is used here, after the temporary is destroyed
  const std::string &Name = (co_await call_remote()).Name;
  // CHECK-NOTES-OPAQUE: :[[@LINE-1]]:22: warning: reference 'Name' is bound to a member of the result of 'co_await' on a temporary destroyed after this declaration [async-dangling-reference]
  // CHECK-NOTES-OPAQUE: :[[@LINE-17]]:8: note: 'await_resume' returns a reference, and its body is not visible (OpaqueAwaitResults reads it as one into the awaited object)
  // CHECK-NOTES-OPAQUE: :[[@LINE+2]]:9: note: it is used here, after the temporary is destroyed
  (void)Whole;
  (void)Name;
  // Silent with the option too: a named awaitable, and a result by value.
  const row &FromNamed = co_await Named;
  const row &Extended = co_await call_value();
  (void)FromNamed;
  (void)Extended;
}

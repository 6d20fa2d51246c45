// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// Temporaries and locals that reach a coroutine's reference parameter (or
// its object) through a wrapper: a function, member function or lambda that
// is not a coroutine and returns the coroutine's task, or a std::function
// initialised with one.

#include <functional>
#include <string>
#include <utility>

#include "generator.h"
#include "task.h"

demo::task<int> fetch(const std::string &Key) { co_return Key.size(); }
demo::task<int> fetch_copy(std::string Key) { co_return Key.size(); }
demo::task<int> fetch_declared(const std::string &Key);
std::string make_key();

// --- A free function.
demo::task<int> wrap(const std::string &Key) { return fetch(Key); }
demo::task<> through_function() {
  auto T = wrap(make_key());
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: function 'wrap' passes parameter 'Key' on to coroutine 'fetch', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:27: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-12]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-7]]:55: note: function 'wrap' hands it on here
  co_await T;
}

// --- A wrapper of a wrapper, a local task returned, a declared coroutine.
demo::task<int> wrap_local(const std::string &Key) {
  auto T = wrap(Key);
  return T;
}
demo::task<int> wrap_declared(const std::string &Key) {
  return fetch_declared(Key);
}
demo::task<> through_two() {
  auto T = wrap_local(make_key());
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: function 'wrap_local' passes parameter 'Key' on to coroutine 'fetch', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:33: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+8]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-30]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-12]]:12: note: function 'wrap_local' hands it on here
  auto U = wrap_declared(make_key());
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: function 'wrap_declared' passes parameter 'Key' on to function 'fetch_declared', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:36: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-13]]:10: note: function 'wrap_declared' hands it on here
  co_await T;
  co_await U;
}

// --- A member function, and a forwarding lambda (plain and generic).
struct client {
  demo::task<int> get(const std::string &Key) { return fetch(Key); }
};
demo::task<> through_member(client &C) {
  auto T = C.get(make_key());
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: function 'get' passes parameter 'Key' on to coroutine 'fetch', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:28: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-50]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-8]]:56: note: function 'get' hands it on here
  co_await T;
}
demo::task<> through_lambda() {
  auto Fwd = [](const std::string &Key) { return fetch(Key); };
  auto T = Fwd(make_key());
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: lambda passes parameter 'Key' on to coroutine 'fetch', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:26: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-60]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-6]]:50: note: lambda hands it on here
  co_await T;
  auto Gen = [](auto &&...Args) {
    return fetch(std::forward<decltype(Args)>(Args)...);
  };
  auto U = Gen(make_key());
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: lambda passes parameter 'Args' on to coroutine 'fetch', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:26: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-70]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-7]]:12: note: lambda hands it on here
  co_await U;
}

// --- A template wrapper, and one called through a macro.
template <class K> demo::task<int> wrap_template(const K &Key) {
  return fetch(Key);
}
#define FETCH_LATER(K) wrap(K)
demo::task<> through_template() {
  auto T = wrap_template(make_key());
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: function 'wrap_template' passes parameter 'Key' on to coroutine 'fetch', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:36: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+11]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-85]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-9]]:10: note: function 'wrap_template' hands it on here
  auto U = FETCH_LATER(make_key());
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: function 'wrap' passes parameter 'Key' on to coroutine 'fetch', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-10]]:29: note: expanded from macro 'FETCH_LATER'
  // CHECK-NOTES: :[[@LINE-3]]:12: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE-12]]:30: note: expanded from macro 'FETCH_LATER'
  // CHECK-NOTES: :[[@LINE+4]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-93]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-88]]:55: note: function 'wrap' hands it on here
  co_await T;
  co_await U;
}

// --- A local whose task escapes through the wrapper.
demo::task<int> returns_local() {
  std::string Key = make_key();
  return wrap(Key);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: function 'wrap' passes parameter 'Key' on to coroutine 'fetch', whose task may outlive local 'Key' [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'Key' is destroyed here
  // CHECK-NOTES: :[[@LINE-106]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-101]]:55: note: function 'wrap' hands it on here
}

// --- A std::function initialised with the coroutine, or with a lambda.
demo::task<> through_std_function() {
  std::function<demo::task<int>(const std::string &)> Direct = fetch;
  auto T = Direct(make_key()); // LSP-MISSING: [[@LINE]] std::function's call operator is a header body clangd skips
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: the function object passes parameter 'Key' on to coroutine 'fetch', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-117]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-118]]:17: note: the function object holds coroutine 'fetch'
  co_await T;
  std::function<demo::task<int>(const std::string &)> ViaLambda =
      [](const std::string &Key) { return fetch(Key); };
  auto U = ViaLambda(make_key()); // LSP-MISSING: [[@LINE]] std::function's call operator is a header body clangd skips
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: the function object passes parameter 'Key' on to coroutine 'fetch', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:32: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+4]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-126]]:59: note: 'Key' is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-6]]:7: note: the function object holds lambda
  // CHECK-NOTES: :[[@LINE-7]]:43: note: lambda hands it on here
  co_await U;
}

// --- A member wrapper called on a temporary object: the coroutine borrows
// the object.
struct store {
  std::string Data;
  demo::generator<char> each() { co_yield static_cast<char>(Data.size()); }
  demo::generator<char> items() { return each(); }
};
store make_store();
void through_member_object() {
  for (char C : make_store().items())
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: function 'items' passes its object on to coroutine 'each', whose task outlives this temporary [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is iterated here, after the temporaries of the range expression are destroyed
  // CHECK-NOTES: :[[@LINE-3]]:36: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE-9]]:61: note: the object is used here, when the task runs
  // CHECK-NOTES: :[[@LINE-9]]:42: note: function 'items' hands it on here
    (void)C;
}

// --- Silent twins.
// Awaited in the full expression that made the temporary.
demo::task<> awaited_at_once() {
  co_await wrap(make_key());
  std::function<demo::task<int>(const std::string &)> Direct = fetch;
  co_await Direct(make_key());
}
// The wrapper or the coroutine copies the argument.
demo::task<int> wrap_copy(const std::string &Key) { return fetch_copy(Key); }
demo::task<int> wrap_own(const std::string &Key) {
  std::string Copy = Key;
  return fetch_copy(Copy);
}
demo::task<> copies() {
  auto T = wrap_copy(make_key());
  auto U = wrap_own(make_key());
  std::function<demo::task<int>(const std::string &)> Copying = fetch_copy;
  auto V = Copying(make_key());
  co_await T;
  co_await U;
  co_await V;
}
// A wrapper that runs the task before it returns it (libcoro's invoke
// resumes it), and a keep-alive wrapper of the library list, which keeps the
// arguments in a frame of its own.
demo::task<int> wrap_started(const std::string &Key) {
  auto T = fetch(Key);
  (void)&T;
  return T;
}
template <class... A> demo::task<int> co_invoke(A &&...Args) {
  return fetch(static_cast<A &&>(Args)...);
}
demo::task<> started() {
  auto T = wrap_started(make_key());
  auto U = co_invoke(make_key());
  co_await T;
  co_await U;
}
// A pointer passed on by forwarding reference: the coroutine copies the
// pointer, which points to a global, not to the temporary pointer value
// (asio's async_initiate given 'this').
int Counter;
demo::task<int> by_pointer(const int *P) { co_return *P; }
template <class... A> demo::task<int> forward_pointer(A &&...Args) {
  return by_pointer(static_cast<A &&>(Args)...);
}
demo::task<> pointer_value() {
  auto T = forward_pointer(&Counter);
  co_await T;
}
// A local that lives until the task is awaited.
demo::task<> local_lives() {
  std::string Key = make_key();
  auto T = wrap(Key);
  co_await T;
}
// A member wrapper on a named object that outlives the loop.
void named_object() {
  store S = make_store();
  for (char C : S.items())
    (void)C;
}

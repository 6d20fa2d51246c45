// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// An awaitable whose result type is itself a reference (a task of int&)
// hands back the referent its producer gave, when it keeps that referent as
// a pointer or a reference: the reference bound to `co_await make()` does
// not refer into the temporary. What await_resume returns is followed
// through static and free helpers given the kept pointer or reference,
// through data members of reference type, through std::move and
// std::forward, and through wrappers that return their inner awaiter's
// result. A reference into what the awaitable itself holds (its promise's
// value, a value member) is still reported, through the same helpers.

#include <utility>

#include "task.h"

int Shared = 1;

// How a result is kept: a value as itself, a reference as a pointer.
template <class T> struct keep {
  using stored = T;
  static T &take(T &S) { return S; }
};
template <class T> struct keep<T &> {
  using stored = T *;
  static T &take(T *S) { return *S; }
};
// A free helper that calls another: two calls deep.
template <class T> T &deref(T *P) { return *P; }
template <class T> T &unwrap(T *P) { return deref(P); }

// A task of T that keeps its value in its promise, a reference as a pointer.
template <class T> struct rtask {
  struct promise_type {
    typename keep<T>::stored Slot{};
    rtask get_return_object() { return rtask{this}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  promise_type *P;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T &await_resume() { return keep<T>::take(P->Slot); }
};
rtask<int &> ref_to_shared();

// The same through the free helpers.
struct ptr_op {
  int *Target;
  bool await_ready() { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  int &await_resume() { return unwrap(Target); }
};
ptr_op next_ptr();

// A ready awaitable that keeps its value as a member of type T: for
// T = int& that member is a reference bound to the caller's object.
template <class T> struct ready {
  T Value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume() { return std::forward<T>(Value); }
};
template <class T> ready<T> just(T V) { return ready<T>{std::forward<T>(V)}; }

// References kept in a pack of their own, unpacked by a static helper.
struct refs {
  int &First;
};
struct portal {
  refs Kept;
  static int &first(refs &&R) { return R.First; }
  bool await_ready() { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  int &await_resume() { return first(std::move(Kept)); }
};
portal until_called();

// A wrapper that returns what the awaiter it holds returns.
template <class A> struct proxy {
  A Inner;
  bool await_ready() { return Inner.await_ready(); }
  void await_suspend(std::coroutine_handle<> H) { Inner.await_suspend(H); }
  decltype(auto) await_resume() { return Inner.await_resume(); }
};
template <class A> proxy<A> wrapped(A Inner) { return {std::move(Inner)}; }

// --- Silent: the reference is to what the producer gave.
demo::task<> reference_results() {
  int &A = co_await ref_to_shared();
  int &B = co_await next_ptr();
  int &C = co_await just<int &>(Shared);
  int &D = co_await until_called();
  int &E = co_await wrapped(just<int &>(Shared));
  int &F = co_await wrapped(ref_to_shared());
  (void)A, (void)B, (void)C, (void)D, (void)E, (void)F;
}
// A member coroutine, a coroutine lambda, a template and a macro.
struct user {
  demo::task<> run() {
    int &R = co_await ref_to_shared();
    (void)R;
  }
};
auto Lambda = []() -> demo::task<> {
  int &R = co_await just<int &>(Shared);
  (void)R;
};
template <class T> demo::task<> generic(T &Target) {
  T &R = co_await just<T &>(Target);
  (void)R;
}
template demo::task<> generic<int>(int &);
#define AWAIT_JUST(X) co_await just<int &>(X)
demo::task<> macro() {
  int &R = AWAIT_JUST(Shared);
  (void)R;
}

// --- Reported: the reference is into what the temporary holds.
// A task of a value, through the same static helper: its promise's value.
rtask<int> a_value();
// A ready value (not a reference) returned by reference.
template <class T> struct ready_value {
  T Value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  T &await_resume() { return at(this); }
  static T &at(ready_value *Self) { return Self->Value; }
};
ready_value<int> a_ready_value();
// A pack of values (not references) unpacked by a static helper.
struct vals {
  int First;
};
struct value_portal {
  vals Kept;
  static int &first(vals &V) { return V.First; }
  bool await_ready() { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  int &await_resume() { return first(Kept); }
};
value_portal until_value();

demo::task<> into_temporaries() {
  int &A = co_await a_value();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: reference 'A' is bound to the result of 'co_await' on a temporary destroyed after this declaration
  // CHECK-NOTES: :[[@LINE-105]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+16]]:9: note: 'A' is used here, after the temporary is destroyed
  int &B = co_await a_ready_value();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: reference 'B' is bound to the result of 'co_await' on a temporary destroyed after this declaration
  // CHECK-NOTES: :[[@LINE-24]]:6: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+12]]:18: note: 'B' is used here, after the temporary is destroyed
  int &C = co_await until_value();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: reference 'C' is bound to the result of 'co_await' on a temporary destroyed after this declaration
  // CHECK-NOTES: :[[@LINE-15]]:8: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+8]]:27: note: 'C' is used here, after the temporary is destroyed
  int &D = co_await wrapped(a_ready_value());
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: reference 'D' is bound to the result of 'co_await' on a temporary destroyed after this declaration
  // CHECK-NOTES: :[[@LINE-76]]:18: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+4]]:36: note: 'D' is used here, after the temporary is destroyed
  int &E = co_await just<int &>(Shared); // silent among them
  int &F = co_await wrapped(ref_to_shared());
  (void)E, (void)F;
  (void)A, (void)B, (void)C, (void)D;
}

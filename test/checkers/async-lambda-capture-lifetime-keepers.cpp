// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-lambda-capture-lifetime %t

// Keepers that keep only the task: a capturing coroutine lambda called in
// place, its task handed to a holder whose visible member function stores
// it; and a named closure handed to a consumer that destroys its copy.

#include <string>
#include <utility>
#include <vector>

#include "task.h"

demo::task<> sub();
void use(const std::string &);
namespace demo {
void sync_wait(task<>);
} // namespace demo

// A background holder: keeps the task, not the closure.
struct background {
  std::vector<demo::task<>> Tasks;
  void add(demo::task<> T) { Tasks.push_back(std::move(T)); }
};
template <class T> struct holder {
  T Held;
  void keep(T Task) { Held = std::move(Task); }
};
#define IN_BACKGROUND(Bg, Body) Bg.add([S]() -> demo::task<> Body())

void keepers(background &Bg, holder<demo::task<>> &H, std::string S) {
  Bg.add([S]() -> demo::task<> {
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
  // CHECK-NOTES: :[[@LINE-11]]:30: note: the task is stored here, where it outlives the function
  // CHECK-NOTES: :[[@LINE+4]]:6: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:9: note: capture 'S' is used here, when the task runs
    co_await sub();
    use(S);
  }());
  H.keep([&S, N = S]() -> demo::task<> {
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
  // CHECK-NOTES: :[[@LINE-15]]:28: note: the task is stored here, where it outlives the function
  // CHECK-NOTES: :[[@LINE+4]]:6: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:9: note: capture 'N' is used here, when the task runs
    co_await sub();
    use(N);
  }());
  IN_BACKGROUND(Bg, { co_await sub(); use(S); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
  // CHECK-NOTES: :[[@LINE-21]]:40: note: expanded from macro 'IN_BACKGROUND'
  // CHECK-NOTES: :[[@LINE-28]]:30: note: the task is stored here, where it outlives the function
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE-24]]:68: note: expanded from macro 'IN_BACKGROUND'
  // CHECK-NOTES: :[[@LINE-6]]:43: note: capture 'S' is used here, when the task runs
}

// A named closure handed to a consumer, which destroys its copy.
demo::fire_and_forget process(std::string &&Text) {
  co_await sub();
  (void)Text.size();
}
void named_closure(demo::thread_pool &Pool) {
  auto Job = [S = std::string()]() mutable { process(std::move(S)); };
  // CHECK-NOTES: :[[@LINE-1]]:54: warning: coroutine 'process' borrows capture 'S', which 'demo::thread_pool::post' destroys while the coroutine may still run [async-lambda-capture-lifetime]
  // CHECK-NOTES: :[[@LINE-5]]:9: note: 'Text' is used here, after the coroutine may have suspended
  Pool.post(std::move(Job));
  auto Coro = [T = std::string()]() -> demo::fire_and_forget {
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: coroutine lambda with captures passed to 'demo::thread_pool::post' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
  // CHECK-NOTES: :[[@LINE+2]]:9: note: capture 'T' is used here, after the coroutine may have suspended
    co_await sub();
    use(T);
  };
  Pool.post(Coro);
}

// --- Silent twins.
// A holder declared only: what it does with the task is not shown.
struct opaque_holder {
  void add(demo::task<> T);
};
// A holder that runs the task to completion before it returns.
struct waiting_holder {
  void add(demo::task<> T) { demo::sync_wait(std::move(T)); }
};
// A holder that keeps the closure (by taking the function object).
struct closure_holder {
  std::vector<void (*)()> Fns;
  template <class F> void add(F Fn) { (void)Fn; }
};
void silent(opaque_holder &O, waiting_holder &W, closure_holder &C,
            std::string S) {
  O.add([S]() -> demo::task<> {
    co_await sub();
    use(S);
  }());
  W.add([S]() -> demo::task<> {
    co_await sub();
    use(S);
  }());
  C.add([S]() -> demo::task<> {
    co_await sub();
    use(S);
  });
  // A task awaited while its named closure lives.
  auto Lazy = [S]() -> demo::task<> {
    co_await sub();
    use(S);
  };
  demo::sync_wait(Lazy());
}
// A named closure bound to a reference parameter of a visible consumer.
template <class F> void run_ref(F &&Fn) { Fn(); }
void named_by_reference() {
  auto Job = [S = std::string()]() mutable { process(std::move(S)); };
  run_ref(Job);
}

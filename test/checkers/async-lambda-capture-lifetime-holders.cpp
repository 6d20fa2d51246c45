// RUN: %check_async_lint --modes=plugin,driver %s async-lambda-capture-lifetime %t

// Objects that hold a task (TaskHolders): a task passed to a constructor
// that keeps it in a member goes where the object goes. A capturing
// coroutine lambda called in place, its task wrapped in an object that is
// returned or kept, outlives its closure.

#include <string>
#include <utility>

#include "task.h"

demo::task<> sub();
void consume(const std::string &);

struct Reply {
  explicit Reply(demo::task<> T) : Pending(std::move(T)) {}
  demo::task<> Pending;
};
template <class T> struct Boxed {
  Boxed(int Id, T Value) : Id(Id) { Held = std::move(Value); }
  int Id;
  T Held;
};
// Looks at the task, keeps nothing of it.
struct Peek {
  explicit Peek(const demo::task<> &T);
};
#define REPLY_WITH(Body) return Reply([this]() -> demo::task<> Body())

struct Backend {
  std::string Name;
  void signal();

  Reply start() {
    return Reply([this]() -> demo::task<> {
      co_await sub();
      signal();
    }());
  }
  Boxed<demo::task<>> boxed() {
    Boxed<demo::task<>> B(1, [N = Name]() -> demo::task<> {
      co_await sub();
      consume(N);
    }());
    return B;
  }
  Reply macro() { REPLY_WITH({ co_await sub(); signal(); }); }
  auto fromLambda() {
    return [this] {
      return Reply([S = Name]() -> demo::task<> { co_await sub(); consume(S); }());
    };
  }

  // Silent: no captures (the object is a parameter, in the frame); a
  // constructor that does not keep the task; the holder awaited at once.
  Reply startSilent() {
    return Reply([](Backend *Self) -> demo::task<> {
      co_await sub();
      Self->signal();
    }(this));
  }
  void peekSilent() {
    Peek P([S = Name]() -> demo::task<> { co_await sub(); consume(S); }());
  }
  demo::task<> awaitedSilent() {
    co_await Reply([S = Name]() -> demo::task<> { co_await sub(); consume(S); }()).Pending;
  }
};

// CHECK-NOTES: :36:18: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
// CHECK-NOTES: :36:5: note: the task is returned here
// CHECK-NOTES: :39:8: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :38:7: note: captured 'this' is used here, when the task runs
// CHECK-NOTES: :42:30: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
// CHECK-NOTES: :45:8: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :46:5: note: the task is returned here
// CHECK-NOTES: :44:15: note: capture 'N' is used here, when the task runs
// CHECK-NOTES: :48:19: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
// CHECK-NOTES: :29:39: note: expanded from macro 'REPLY_WITH'
// CHECK-NOTES: :48:19: note: the task is returned here
// CHECK-NOTES: :29:26: note: expanded from macro 'REPLY_WITH'
// CHECK-NOTES: :48:19: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :29:70: note: expanded from macro 'REPLY_WITH'
// CHECK-NOTES: :48:48: note: captured 'this' is used here, when the task runs
// CHECK-NOTES: :51:20: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
// CHECK-NOTES: :51:7: note: the task is returned here
// CHECK-NOTES: :51:82: note: the closure is destroyed at the end of this full expression
// CHECK-NOTES: :51:75: note: capture 'S' is used here, when the task runs

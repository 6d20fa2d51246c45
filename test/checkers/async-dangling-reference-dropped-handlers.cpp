// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// An eager coroutine lambda made a handler: converted to a function wrapper
// whose call returns void, every call starts it and drops its task, and the
// wrapper lends its reference arguments for the call only. A reference or
// view parameter used after a suspension point refers to what may be gone.

#include <functional>
#include <string_view>

#include "eager_future.h"
#include "task.h"

void use(int);
void use(std::string_view);

struct event {
  int Id;
};
struct source {
  void on_event(std::function<void(const event &)> Handler);
  void on_name(std::function<void(std::string_view)> Handler);
};

#define SWITCH_THREAD co_await demo::task<>()

// The event handler of an object, registered from a member function.
struct tab {
  void attach(source &S) {
    S.on_event([this](const event &E) -> demo::fire_and_forget {
      // CHECK-NOTES: :[[@LINE-1]]:36: warning: parameter 'E' of coroutine lambda is used after a suspension point, when what it refers to may be gone
      // CHECK-NOTES: :[[@LINE-2]]:16: note: the task is dropped by each call of the 'std::function' made here, whose arguments live only for the call
      // CHECK-NOTES: :[[@LINE+2]]:13: note: 'E' is used here, after the coroutine may have suspended
      SWITCH_THREAD;
      focus(E.Id);
    });
  }
  // Silent: the argument is copied before the first suspension, or taken
  // by value.
  void attach_safely(source &S) {
    S.on_event([this](const event &E) -> demo::fire_and_forget {
      int Id = E.Id;
      co_await demo::task<>();
      focus(Id);
    });
    S.on_event([this](event E) -> demo::fire_and_forget {
      co_await demo::task<>();
      focus(E.Id);
    });
  }
  void focus(int);
};

// A view parameter, a handler kept in a variable, in a template.
template <class T> void listen(source &S) {
  std::function<void(std::string_view)> Handler =
      [](std::string_view Name) -> demo::fire_and_forget {
    // CHECK-NOTES: :[[@LINE-1]]:27: warning: parameter 'Name' of coroutine lambda is used after a suspension point, when what it refers to may be gone
    // CHECK-NOTES: :[[@LINE-2]]:7: note: the task is dropped by each call of the 'std::function' made here, whose arguments live only for the call
    // CHECK-NOTES: :[[@LINE+2]]:9: note: 'Name' is used here, after the coroutine may have suspended
    co_await demo::task<>();
    use(Name);
  };
  S.on_name(Handler);
}
template void listen<int>(source &);

// A member wrapper assigned a handler.
struct dispatcher {
  std::function<void(const int &)> OnCount;
  void install() {
    OnCount = [](const int &Count) -> demo::eager<> {
      // CHECK-NOTES: :[[@LINE-1]]:29: warning: parameter 'Count' of coroutine lambda is used after a suspension point, when what it refers to may be gone
      // CHECK-NOTES: :[[@LINE-2]]:5: note: the task is dropped by each call of the 'std::function' made here, whose arguments live only for the call
      // CHECK-NOTES: :[[@LINE+2]]:11: note: 'Count' is used here, after the coroutine may have suspended
      co_await demo::task<>();
      use(Count);
    };
  }
  // Silent: a wrapper whose call returns the task (the caller may await
  // it), a lazy task (dropped, it never runs: async-discarded-awaitable), a
  // lambda that is no coroutine.
  std::function<demo::eager<>(const int &)> Awaitable;
  std::function<void(const int &)> Lazy, Plain;
  void install_others() {
    Awaitable = [](const int &Count) -> demo::eager<> {
      co_await demo::task<>();
      use(Count);
    };
    Lazy = [](const int &Count) -> demo::task<> {
      co_await demo::task<>();
      use(Count);
    };
    Plain = [](const int &Count) { use(Count); };
  }
};

// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A handler of a try block that may suspend runs after that suspension: an
// exception of the awaited operation (or of what follows it in the try
// block) enters the handler once the coroutine has resumed, so a capture
// read only there is read after the closure may be gone.

#include <string>

#include "task.h"

demo::task<> sub();
void may_throw();
void log(const std::string &);
void log_nothing();

void handlers(demo::thread_pool &Pool, std::string S) {
  Pool.post([S]() -> demo::fire_and_forget {
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: coroutine lambda with captures passed to 'demo::thread_pool::post' is destroyed while the coroutine may still run
    try {
      co_await sub();
    } catch (...) {
      log(S);
      // CHECK-NOTES: :[[@LINE-1]]:11: note: capture 'S' is used here, after the coroutine may have suspended
    }
  });
  // A nested try whose handler does not catch everything passes the
  // exception on to the enclosing handler.
  Pool.post([S]() -> demo::fire_and_forget {
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: coroutine lambda with captures passed to 'demo::thread_pool::post' is destroyed while the coroutine may still run
    try {
      try {
        co_await sub();
      } catch (int) {
        log_nothing();
      }
    } catch (...) {
      log(S);
      // CHECK-NOTES: :[[@LINE-1]]:11: note: capture 'S' is used here, after the coroutine may have suspended
    }
  });
  // Silent: the handler reads no capture; the try block cannot suspend (it
  // ends before the first co_await); the capture is copied into a local of
  // the frame before the first suspension.
  Pool.post([S]() -> demo::fire_and_forget {
    try {
      co_await sub();
    } catch (...) {
      log_nothing();
    }
  });
  Pool.post([S]() -> demo::fire_and_forget {
    try {
      may_throw();
    } catch (...) {
      log(S);
    }
    co_await sub();
  });
  Pool.post([S]() -> demo::fire_and_forget {
    std::string Copy = S;
    try {
      co_await sub();
    } catch (...) {
      log(Copy);
    }
  });
}

// The same in a template and through a macro.
template <class T> void in_template(demo::thread_pool &Pool, T Value) {
  Pool.post([Value]() -> demo::fire_and_forget {
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: coroutine lambda with captures passed to 'demo::thread_pool::post' is destroyed while the coroutine may still run
    try {
      co_await sub();
    } catch (...) {
      log(Value);
      // CHECK-NOTES: :[[@LINE-1]]:11: note: capture 'Value' is used here, after the coroutine may have suspended
    }
  });
  Pool.post([Value]() -> demo::fire_and_forget {
    try {
      may_throw();
    } catch (...) {
      log(Value);
    }
  });
}
template void in_template(demo::thread_pool &, std::string);

#define LOG_ON_FAILURE(Awaited, Value)                                         \
  try {                                                                        \
    co_await Awaited;                                                          \
  } catch (...) {                                                              \
    log(Value);                                                                \
  }
void through_macro(demo::thread_pool &Pool, std::string S) {
  Pool.post([S]() -> demo::fire_and_forget { LOG_ON_FAILURE(sub(), S) });
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: coroutine lambda with captures passed to 'demo::thread_pool::post' is destroyed while the coroutine may still run
  // CHECK-NOTES: :[[@LINE-2]]:68: note: capture 'S' is used here, after the coroutine may have suspended
}

// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// Detached owners: a coroutine lambda capturing 'this', started detached by
// a member function, judged for every class where the calling code shows the
// object's owner.

#include <memory>

#include "asio.hpp"
#include "task.h"

namespace std {
template <class T> class unique_ptr {
public:
  ~unique_ptr();
  T *operator->() const;
};
template <class T, class... A> unique_ptr<T> make_unique(A &&...);
} // namespace std

demo::task<> sub();
asio::awaitable<void> op();

struct session {
  asio::io_context &Ctx;
  int Bytes = 0;
  void start() {
    asio::co_spawn(Ctx, [this]() -> asio::awaitable<void> {
      co_await op();
      ++Bytes;
    }, asio::detached);
  }
  void kick() {
    [this]() -> demo::fire_and_forget {
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures
      // CHECK-NOTES: :[[@LINE-2]]:5: note: the eager task is dropped here and runs on detached
      // CHECK-NOTES: :[[@LINE+4]]:7: note: the closure is destroyed at the end of this full expression
      // CHECK-NOTES: :[[@LINE+2]]:9: note: captured 'this' is used here, after the coroutine may have suspended
      co_await sub();
      ++Bytes;
    }();
  }
  // Silent forms: a shared_ptr captured with 'this'.
  std::shared_ptr<int> Keep;
  void start_kept() {
    asio::co_spawn(Ctx, [this, Keep = Keep]() -> asio::awaitable<void> {
      co_await op();
      ++Bytes;
    }, asio::detached);
  }
};

// --- The object dies while the task runs.

void local_session(asio::io_context &Ctx) {
  session S{Ctx};
  S.start();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs a coroutine lambda detached on '*this', owned by local 'S', which the task may outlive [async-lambda-capture-lifetime]
  // CHECK-NOTES: :28:5: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+8]]:1: note: 'S' is destroyed here
  // CHECK-NOTES: :30:9: note: captured 'this' is used here, when the task runs
  session K{Ctx};
  K.kick();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'kick' runs a coroutine lambda detached on '*this', owned by local 'K', which the task may outlive
  // CHECK-NOTES: :34:5: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'K' is destroyed here
  // CHECK-NOTES: :40:9: note: captured 'this' is used here, after the coroutine may have suspended
}

void temporary_session(asio::io_context &Ctx) {
  std::make_unique<session>(Ctx)->start();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs a coroutine lambda detached on '*this', a temporary object that the task outlives
  // CHECK-NOTES: :28:5: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE-3]]:41: note: the object is destroyed at the end of this full expression
  // CHECK-NOTES: :30:9: note: captured 'this' is used here, when the task runs
}

// --- Templates and macros.

template <class T> struct ticker {
  asio::io_context &Ctx;
  T Ticks{};
  void start() {
    asio::co_spawn(Ctx, [this]() -> asio::awaitable<void> {
      co_await op();
      ++Ticks;
    }, asio::detached);
  }
};
#define RUN_LOCAL(TYPE, CTX)                                                   \
  do {                                                                         \
    TYPE Obj{CTX};                                                             \
    Obj.start();                                                               \
  } while (0)
void templates_and_macros(asio::io_context &Ctx) {
  ticker<long> T{Ctx};
  T.start();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs a coroutine lambda detached on '*this', owned by local 'T', which the task may outlive
  // CHECK-NOTES: :[[@LINE-15]]:5: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+9]]:1: note: 'T' is destroyed here
  // CHECK-NOTES: :[[@LINE-15]]:9: note: captured 'this' is used here, when the task runs
  RUN_LOCAL(session, Ctx);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs a coroutine lambda detached on '*this', owned by local 'Obj', which the task may outlive
  // CHECK-NOTES: :[[@LINE-11]]:5: note: expanded from macro 'RUN_LOCAL'
  // CHECK-NOTES: :28:5: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'Obj' is destroyed here
  // CHECK-NOTES: :[[@LINE-13]]:3: note: expanded from macro 'RUN_LOCAL'
  // CHECK-NOTES: :30:9: note: captured 'this' is used here, when the task runs
}

// --- Silent: something keeps the object alive, or its owner is not shown.

int main_like() {
  asio::io_context Ctx;
  session S{Ctx};
  S.start();
  S.kick();
  Ctx.run();
  return 0;
}

void closes(asio::io_context &Ctx) {
  session S{Ctx};
  S.start();
  S.start_kept();
}

void kept(asio::io_context &Ctx, session &Ref) {
  session S{Ctx};
  S.start_kept();
  Ref.start();
}

struct shared_session : std::enable_shared_from_this<shared_session> {
  asio::io_context &Ctx;
  int N = 0;
  // The coroutine takes a shared_from_this() copy before it suspends.
  void start() {
    asio::co_spawn(Ctx, [this]() -> asio::awaitable<void> {
      auto Self = shared_from_this();
      co_await op();
      ++N;
    }, asio::detached);
  }
};

// A weak reference of an in-house reference-counting base captured
// (OwnerFunctions: get_weak).
namespace corp {
struct weak_ref {
  bool alive() const;
};
template <class T> struct ref_counted {
  weak_ref get_weak();
};
} // namespace corp
struct watcher : corp::ref_counted<watcher> {
  asio::io_context &Ctx;
  int N = 0;
  void watch() {
    asio::co_spawn(Ctx, [this, Weak = get_weak()]() -> asio::awaitable<void> {
      co_await op();
      if (Weak.alive())
        ++N;
    }, asio::detached);
  }
};

// The object owns the executor it spawns on.
struct own_pool {
  own_pool() = default;
  own_pool(const own_pool &) = delete;
  asio::any_io_executor get_executor();
};
struct pooled {
  own_pool Pool;
  int N = 0;
  void start() {
    asio::co_spawn(Pool.get_executor(), [this]() -> asio::awaitable<void> {
      co_await op();
      ++N;
    }, asio::detached);
  }
};
void owned(asio::io_context &Ctx) {
  pooled P;
  P.start();
  auto Shared = std::make_shared<shared_session>(Ctx);
  Shared->start();
  watcher W{{}, Ctx};
  W.watch();
}

// RUN: %check_async_lint %s async-dangling-reference %t

// Detached owners: a member coroutine spawned detached on an object that
// nothing ties to the task ('static'), judged for every class where the code
// shows the object's owner.

#include <memory>
#include <utility>

#include "asio.hpp"
#include "task.h"

namespace std {
template <class T> class unique_ptr {
public:
  unique_ptr() = default;
  explicit unique_ptr(T *);
  unique_ptr(unique_ptr &&);
  ~unique_ptr();
  T *operator->() const;
  T &operator*() const;
  T *get() const;
};
template <class T, class... A> unique_ptr<T> make_unique(A &&...);
template <class T> class weak_ptr {
public: bool expired() const;
  weak_ptr(const shared_ptr<T> &);
};
} // namespace std

// An executor the object owns: it cannot be copied, and work left on it dies
// with it.
struct owned_context {
  owned_context() = default;
  owned_context(const owned_context &) = delete;
  asio::any_io_executor get_executor();
};

struct connection {
  asio::io_context &Ctx;
  int Bytes = 0;
  asio::awaitable<void> reader() {
    co_await asio::this_coro::executor;
    co_await asio::awaitable<void>();
    ++Bytes;
  }
  void start() { asio::co_spawn(Ctx, reader(), asio::detached); }
  // Silent forms of start: the task is awaited, or given an owner.
  asio::awaitable<void> run() { co_await reader(); }
  asio::awaitable<void> owned(std::shared_ptr<connection> Self) {
    co_await asio::awaitable<void>();
    ++Bytes;
  }
  void start_owned(std::shared_ptr<connection> Self) {
    asio::co_spawn(Ctx, owned(Self), asio::detached);
  }
};

// --- The object dies while the task runs.

void local_object(asio::io_context &Ctx) {
  connection Conn{Ctx};
  Conn.start();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs coroutine 'reader' detached on an object owned by local 'Conn', which the task may outlive [async-dangling-reference]
  // CHECK-NOTES: :47:18: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Conn' is destroyed here
  // CHECK-NOTES: :45:7: note: the object is used here, when the task runs
}

void unique_owner(asio::io_context &Ctx) {
  auto Conn = std::make_unique<connection>(Ctx);
  Conn->start();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs coroutine 'reader' detached on an object owned by local 'Conn', which the task may outlive
  // CHECK-NOTES: :47:18: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Conn' is destroyed here
  // CHECK-NOTES: :45:7: note: the object is used here, when the task runs
}

void temporary_owner(asio::io_context &Ctx) {
  std::make_shared<connection>(Ctx)->start();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs coroutine 'reader' detached on a temporary object that the task outlives
  // CHECK-NOTES: :47:18: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE-3]]:44: note: the object is destroyed at the end of this full expression
  // CHECK-NOTES: :45:7: note: the object is used here, when the task runs
}

// A spawn through a smart or raw pointer the caller owns.
void through_pointer(asio::io_context &Ctx) {
  auto Conn = std::make_unique<connection>(Ctx);
  asio::co_spawn(Ctx, Conn->reader(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: coroutine 'reader' runs detached on an object owned by local 'Conn', which the task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+8]]:1: note: 'Conn' is destroyed here
  // CHECK-NOTES: :45:7: note: the object is used here, when the task runs
  connection *P = Conn.get();
  asio::co_spawn(Ctx, P->reader(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: coroutine 'reader' runs detached on an object owned by local 'Conn', which the task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Conn' is destroyed here
  // CHECK-NOTES: :45:7: note: the object is used here, when the task runs
}

// An eager fire-and-forget member coroutine, started from a member function.
struct poller {
  int Polls = 0;
  demo::fire_and_forget poll() {
    co_await demo::task<>();
    ++Polls;
  }
  void kick() { poll(); }
};
void kick_local() {
  poller P;
  P.kick();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'kick' runs coroutine 'poll' detached on an object owned by local 'P', which the task may outlive
  // CHECK-NOTES: :[[@LINE-6]]:17: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'P' is destroyed here
  // CHECK-NOTES: :[[@LINE-10]]:7: note: the object is used here, after the coroutine may have suspended
}

// A member function that spawns through a helper of its class.
struct relay {
  asio::io_context &Ctx;
  int N = 0;
  asio::awaitable<void> pump() {
    co_await asio::awaitable<void>();
    ++N;
  }
  void spawn_pump() { asio::co_spawn(Ctx, pump(), asio::detached); }
  void start() { spawn_pump(); }
  // Recursion through helpers ends.
  void ping(int K) {
    if (K)
      pong(K - 1);
  }
  void pong(int K) { ping(K); }
};
void relay_local(asio::io_context &Ctx) {
  relay R{Ctx};
  R.start();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs coroutine 'pump' detached on an object owned by local 'R', which the task may outlive
  // CHECK-NOTES: :[[@LINE-13]]:23: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'R' is destroyed here
  // CHECK-NOTES: :[[@LINE-17]]:7: note: the object is used here, when the task runs
}
void relay_ping(asio::io_context &Ctx) {
  relay R{Ctx};
  R.ping(3);
}

// --- Templates and macros.

template <class T> struct worker {
  asio::io_context &Ctx;
  T Value{};
  asio::awaitable<void> work() {
    co_await asio::awaitable<void>();
    ++Value;
  }
  void start() { asio::co_spawn(Ctx, work(), asio::detached); }
};
void template_worker(asio::io_context &Ctx) {
  worker<int> W{Ctx};
  W.start();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs coroutine 'work' detached on an object owned by local 'W', which the task may outlive
  // CHECK-NOTES: :[[@LINE-6]]:18: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'W' is destroyed here
  // CHECK-NOTES: :[[@LINE-10]]:7: note: the object is used here, when the task runs
}

#define START(OBJ) (OBJ).start()
void by_macro(asio::io_context &Ctx) {
  connection Conn{Ctx};
  START(Conn);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: function 'start' runs coroutine 'reader' detached on an object owned by local 'Conn', which the task may outlive
  // CHECK-NOTES: :[[@LINE-5]]:20: note: expanded from macro 'START'
  // CHECK-NOTES: :47:18: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Conn' is destroyed here
  // CHECK-NOTES: :45:7: note: the object is used here, when the task runs
}

// --- Silent: something keeps the object alive, or its owner is not shown.

// The object lives in a function that runs the executor to completion.
int main_like() {
  asio::io_context Ctx;
  connection Conn{Ctx};
  Conn.start();
  auto Owned = std::make_unique<connection>(Ctx);
  Owned->start();
  Ctx.run();
  return 0;
}
// The function keeps the executor as a local: it runs it (here through a
// helper), or destroys it with the work left on it.
void drive(asio::io_context &Ctx);
int main_with_helper() {
  asio::io_context Ctx;
  connection Conn{Ctx};
  Conn.start();
  asio::co_spawn(Ctx, std::make_unique<connection>(Ctx)->reader(),
                 asio::detached);
  drive(Ctx);
  return 0;
}

// The function may wait for the object's work: it awaits the object, or
// calls a member function of it that may close or join.
asio::awaitable<void> awaits_object(asio::io_context &Ctx) {
  auto Conn = std::make_unique<connection>(Ctx);
  Conn->start();
  co_await Conn->run();
}
void joins_object(asio::io_context &Ctx) {
  connection Conn{Ctx};
  Conn.start();
  Conn.Ctx.stop();
  Conn.start_owned({});
}

// Static and global objects live as long as the program.
asio::io_context GlobalCtx;
connection Global{GlobalCtx};
void lasting() {
  Global.start();
  static connection Static{GlobalCtx};
  Static.start();
}

// The owner is not shown here: a reference, a member, a shared_ptr that may
// be shared, a pointer given away.
struct holder {
  connection Conn;
  void go() { Conn.start(); }
};
void holder_of(std::unique_ptr<connection>);
void not_shown(connection &Ref, std::shared_ptr<connection> Shared,
               connection *Raw) {
  Ref.start();
  Shared->start();
  Raw->start();
  auto Kept = std::make_unique<connection>(Ref.Ctx);
  Kept->start();
  holder_of(std::move(Kept));
}

// The task is awaited, or handed a shared_ptr.
asio::awaitable<void> awaited(asio::io_context &Ctx) {
  connection Conn{Ctx};
  co_await Conn.run();
  auto Shared = std::make_shared<connection>(Ctx);
  Shared->start_owned(Shared);
}

// The coroutine takes a shared_from_this() copy before it suspends.
struct self_owning : std::enable_shared_from_this<self_owning> {
  asio::io_context &Ctx;
  int N = 0;
  asio::awaitable<void> loop() {
    auto Self = shared_from_this();
    co_await asio::awaitable<void>();
    ++N;
  }
  void start() { asio::co_spawn(Ctx, loop(), asio::detached); }
};

// The object owns the executor, or a destructor that may join.
struct owns_executor {
  owned_context Own;
  int N = 0;
  asio::awaitable<void> loop() {
    co_await asio::awaitable<void>();
    ++N;
  }
  void start() { asio::co_spawn(Own.get_executor(), loop(), asio::detached); }
};
struct joins {
  asio::io_context &Ctx;
  int N = 0;
  ~joins() { Ctx.run(); }
  asio::awaitable<void> loop() {
    co_await asio::awaitable<void>();
    ++N;
  }
  void start() { asio::co_spawn(Ctx, loop(), asio::detached); }
};
// A member that joins when destroyed (a std::jthread-like worker).
struct joiner {
  joiner() = default;
  joiner(const joiner &) = delete;
  ~joiner() { join(); }
  void join();
};
struct with_worker {
  asio::io_context &Ctx;
  joiner Worker;
  int N = 0;
  asio::awaitable<void> loop() {
    co_await asio::awaitable<void>();
    ++N;
  }
  void start() { asio::co_spawn(Ctx, loop(), asio::detached); }
};
void owned_or_joined(asio::io_context &Ctx) {
  with_worker W{Ctx};
  W.start();
  owns_executor O;
  O.start();
  joins J{Ctx};
  J.start();
  auto Self = std::make_shared<self_owning>(Ctx);
  Self->start();
}

// A weak reference handed over: the coroutine checks it.
struct weakly {
  asio::io_context &Ctx;
  int N = 0;
  asio::awaitable<void> loop(std::weak_ptr<weakly> Alive) {
    co_await asio::awaitable<void>();
    if (Alive.expired())
      co_return;
    ++N;
  }
  void start(std::shared_ptr<weakly> P) {
    asio::co_spawn(Ctx, loop(P), asio::detached);
  }
};
void weak(asio::io_context &Ctx) {
  weakly W{Ctx};
  W.start({});
}

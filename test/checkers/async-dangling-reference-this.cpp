// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// '*this' behind a weak reference: a member coroutine that holds a weak
// reference to its own object reaches the object after a suspension point
// without checking the reference since. The weak reference says the object
// may die while the coroutine is suspended.

#include <memory>

#include "asio.hpp"

namespace std {
template <class T> class weak_ptr {
public:
  weak_ptr();
  weak_ptr(const shared_ptr<T> &);
  shared_ptr<T> lock() const;
  bool expired() const;
};
} // namespace std

// Checked once, and reached before the check.
struct session : std::enable_shared_from_this<session> {
  asio::io_context &Ctx;
  int N = 0;
  asio::awaitable<void> loop() {
    std::weak_ptr<session> Weak = shared_from_this();
    co_await asio::awaitable<void>();
    ++N;
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: coroutine 'loop' reaches '*this' after a suspension point without checking its weak reference 'Weak'
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the coroutine may suspend here, and the object may be destroyed meanwhile
    // CHECK-NOTES: :[[@LINE-5]]:28: note: 'Weak' is taken here; lock it after each suspension and reach the object through the locked pointer
    if (auto Self = Weak.lock())
      ++N;
  }
};

// Never checked, spawned detached; reached through a member function.
struct weakly {
  asio::io_context &Ctx;
  int N = 0;
  void bump() { ++N; }
  asio::awaitable<void> loop(std::weak_ptr<weakly> Alive) {
    co_await asio::awaitable<void>();
    bump();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: coroutine 'loop' reaches '*this' after a suspension point without checking its weak reference 'Alive'
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the coroutine may suspend here, and the object may be destroyed meanwhile
    // CHECK-NOTES: :[[@LINE-5]]:52: note: 'Alive' is taken here; lock it after each suspension and reach the object through the locked pointer
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the task is spawned detached here
  }
  void start(std::shared_ptr<weakly> P) {
    asio::co_spawn(Ctx, loop(P), asio::detached);
  }
};

// A template, and a loop: checked on the first round only.
#define TOUCH() (++Count)
template <class T> struct poller {
  int Count = 0;
  asio::awaitable<void> run(std::weak_ptr<poller> Alive) {
    if (Alive.expired())
      co_return;
    for (int I = 0; I < 3; ++I) {
      TOUCH();
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: coroutine 'run' reaches '*this' after a suspension point without checking its weak reference 'Alive'
      // CHECK-NOTES: :[[@LINE-9]]:20: note: expanded from macro 'TOUCH'
      // CHECK-NOTES: :[[@LINE+2]]:7: note: the coroutine may suspend here, and the object may be destroyed meanwhile
      // CHECK-NOTES: :[[@LINE-8]]:51: note: 'Alive' is taken here; lock it after each suspension and reach the object through the locked pointer
      co_await asio::awaitable<void>();
    }
  }
};
template struct poller<int>;

// --- Silent: every access after a suspension goes through a check, or a
// strong reference is held.
struct careful : std::enable_shared_from_this<careful> {
  asio::io_context &Ctx;
  int N = 0;
  // Locked after each suspension.
  asio::awaitable<void> locked() {
    std::weak_ptr<careful> Weak = shared_from_this();
    for (;;) {
      co_await asio::awaitable<void>();
      auto Self = Weak.lock();
      if (!Self)
        co_return;
      ++N;
    }
  }
  // Tested for expiry after the suspension.
  asio::awaitable<void> tested(std::weak_ptr<careful> Weak) {
    co_await asio::awaitable<void>();
    if (Weak.expired())
      co_return;
    ++N;
  }
  // The locked pointer is held across the next suspension.
  asio::awaitable<void> held(std::weak_ptr<careful> Weak) {
    co_await asio::awaitable<void>();
    auto Self = Weak.lock();
    if (!Self)
      co_return;
    co_await asio::awaitable<void>();
    ++N;
  }
  // A strong reference for the whole run.
  asio::awaitable<void> strong() {
    auto Self = shared_from_this();
    std::weak_ptr<careful> Weak = Self;
    co_await asio::awaitable<void>();
    ++N;
  }
  asio::awaitable<void> handed(std::shared_ptr<careful> Self,
                               std::weak_ptr<careful> Weak) {
    co_await asio::awaitable<void>();
    ++N;
  }
  void start() {
    asio::co_spawn(Ctx, locked(), asio::detached);
    asio::co_spawn(Ctx, tested(shared_from_this()), asio::detached);
    asio::co_spawn(Ctx, held(shared_from_this()), asio::detached);
    asio::co_spawn(Ctx, strong(), asio::detached);
    asio::co_spawn(Ctx, handed(shared_from_this(), shared_from_this()),
                   asio::detached);
  }
};

// A weak reference never checked, on a coroutine nobody detaches: its
// caller awaits it while the object lives.
struct awaited {
  int N = 0;
  asio::awaitable<void> step(std::weak_ptr<awaited> Weak) {
    co_await asio::awaitable<void>();
    ++N;
  }
  asio::awaitable<void> run(std::weak_ptr<awaited> Weak) { co_await step(Weak); }
};

// A weak reference to another object says nothing about this one.
struct peer {};
struct watcher {
  int N = 0;
  asio::awaitable<void> watch(std::weak_ptr<peer> Other) {
    co_await asio::awaitable<void>();
    if (Other.expired())
      co_return;
    ++N;
  }
};

// --- A strong reference taken too late: only after the coroutine may have
// suspended, when the object may be gone already.
struct late : std::enable_shared_from_this<late> {
  asio::io_context &Ctx;
  int N = 0;
  asio::awaitable<void> loop() {
    co_await asio::awaitable<void>();
    auto Self = shared_from_this();
    ++N;
  }
  // Silent: taken before the first suspension.
  asio::awaitable<void> early() {
    auto Self = shared_from_this();
    co_await asio::awaitable<void>();
    ++N;
  }
  void start() {
    asio::co_spawn(Ctx, loop(), asio::detached);
    // CHECK-NOTES: :[[@LINE-1]]:25: warning: coroutine 'loop' runs detached on '*this', and nothing keeps the object alive
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the task is spawned detached here
    // CHECK-NOTES: :[[@LINE-13]]:17: note: the object is used here, when the task runs
    // CHECK-NOTES: :[[@LINE-4]]:25: note: give the coroutine a 'shared_from_this()' copy to keep the object alive while the task runs
    asio::co_spawn(Ctx, early(), asio::detached);
  }
};

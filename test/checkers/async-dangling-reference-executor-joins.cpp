// RUN: %check_async_lint %s async-dangling-reference %t

// A task spawned on a joining executor (JoiningExecutors) is over once that
// executor is joined (JoinFunctions: libcoro's shutdown) or destroyed. A local
// the task borrows outlives it when the function joins the executor on every
// path before the local dies, or when the executor (held directly, or by a
// smart pointer only the function owns) is declared after the local and so is
// destroyed first. Reported: a join after the local's scope, a pool declared
// before the local and never joined on some path, a join on one branch only,
// a pool whose owner is copied away.

#include "coro/libcoro.hpp"

namespace std {
template <class T> class unique_ptr {
public:
  unique_ptr() = default;
  unique_ptr(unique_ptr &&) {}
  ~unique_ptr() {}
  T *operator->() const { return P; }
  T &operator*() const { return *P; }
  void reset() {}

private:
  T *P = nullptr;
};
template <class T, class... A> unique_ptr<T> make_unique(A &&...);
template <class T> class shared_ptr {
public:
  shared_ptr() = default;
  shared_ptr(const shared_ptr &) {}
  ~shared_ptr() {}
  T *operator->() const { return P; }
  T &operator*() const { return *P; }

private:
  T *P = nullptr;
};
template <class T, class... A> shared_ptr<T> make_shared(A &&...);
template <class T> T &&move(T &) noexcept;
} // namespace std

coro::task<void> bump(int &count) {
  ++count;
  co_return;
}

void keep(std::shared_ptr<coro::thread_pool>);

// The pool is declared after the local: destroyed (and joined) first.
void pool_declared_after() {
  int count = 0;
  auto tp = std::make_unique<coro::thread_pool>();
  for (int i = 0; i < 3; ++i)
    tp->spawn_detached(bump(count));
}

// Joined before the local dies, whatever the branch taken before.
void shut_down_before(bool more) {
  auto tp = std::make_unique<coro::thread_pool>();
  int count = 0;
  tp->spawn_detached(bump(count));
  if (more)
    tp->spawn_detached(bump(count));
  tp->shutdown();
}

void dereferenced_shut_down() {
  auto s = std::make_unique<coro::thread_pool>();
  int count = 0;
  (*s).spawn_detached(bump(count));
  s->shutdown();
}

// A shared pointer made here and only dereferenced is the only owner.
void shared_pool_after() {
  int count = 0;
  auto tp = std::make_shared<coro::thread_pool>();
  tp->spawn_detached(bump(count));
}

// The pool object itself, joined by its destructor.
void pool_object_after() {
  int count = 0;
  coro::thread_pool pool;
  pool.spawn_detached(bump(count));
}

// A local of an inner block, the pool joined before the block ends.
void inner_block() {
  auto tp = std::make_unique<coro::thread_pool>();
  {
    int count = 0;
    tp->spawn_detached(bump(count));
    tp->shutdown();
  }
}

// The same shapes in a template and in a macro.
template <class Pool> void in_template() {
  auto tp = std::make_unique<Pool>();
  int count = 0;
  tp->spawn_detached(bump(count));
  tp->shutdown();
}
template void in_template<coro::thread_pool>();

#define SPAWN(pool, task) (pool)->spawn_detached(task)
void in_macro() {
  int count = 0;
  auto tp = std::make_unique<coro::thread_pool>();
  SPAWN(tp, bump(count));
}

// Reported: the pool is joined only after the local's block has ended.
void joined_after_scope() {
  auto tp = std::make_unique<coro::thread_pool>();
  {
    int count = 0;
    tp->spawn_detached(bump(count));
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: parameter 'count' of coroutine 'bump' refers to local 'count', which the task may outlive [async-dangling-reference]
  }
  tp->shutdown();
}

// Reported: the pool outlives the local and nothing joins it.
void never_shut_down() {
  auto tp = std::make_unique<coro::thread_pool>();
  int count = 0;
  tp->spawn_detached(bump(count));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'count' of coroutine 'bump' refers to local 'count', which the task may outlive [async-dangling-reference]
}

// Reported: shut down on one branch only.
void shut_down_on_one_branch(bool done) {
  auto tp = std::make_unique<coro::thread_pool>();
  int count = 0;
  tp->spawn_detached(bump(count));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'count' of coroutine 'bump' refers to local 'count', which the task may outlive [async-dangling-reference]
  if (done)
    tp->shutdown();
}

// Reported: a return before the join.
void returns_before_join(bool early) {
  auto tp = std::make_unique<coro::thread_pool>();
  int count = 0;
  tp->spawn_detached(bump(count));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'count' of coroutine 'bump' refers to local 'count', which the task may outlive [async-dangling-reference]
  if (early)
    return;
  tp->shutdown();
}

// Reported: the pool is moved away, so its end is not this function's.
std::unique_ptr<coro::thread_pool> moved_away() {
  int count = 0;
  auto tp = std::make_unique<coro::thread_pool>();
  tp->spawn_detached(bump(count));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'count' of coroutine 'bump' refers to local 'count', which the task may outlive [async-dangling-reference]
  return std::move(tp);
}

// Reported: a copy of the shared pointer keeps the pool alive elsewhere.
void shared_copied() {
  int count = 0;
  auto tp = std::make_shared<coro::thread_pool>();
  tp->spawn_detached(bump(count));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'count' of coroutine 'bump' refers to local 'count', which the task may outlive [async-dangling-reference]
  keep(tp);
}

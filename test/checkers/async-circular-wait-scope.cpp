// RUN: %check_async_lint %s async-circular-wait %t

// A task that joins the scope it was started in: the join waits until every
// task of the scope has ended, the waiting one included, so it never
// resumes. Silent for a join of another scope, for the join by the code that
// owns the scope, and for a task started elsewhere.

#include "coro/libcoro.hpp"
#include "cppcoro/async_scope.hpp"
#include "cppcoro/task.hpp"

cppcoro::task<> worker(cppcoro::async_scope &scope) {
  co_await scope.join();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for every task of 'scope' to end, this coroutine included: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE+4]]:3: note: the coroutine is started in 'scope' here, which counts it until it ends; join the scope from outside its tasks
}
cppcoro::task<> serve() {
  cppcoro::async_scope scope;
  scope.spawn(worker(scope));
  co_await scope.join();
}

// libcoro's task group, awaited itself.
coro::task<> grouped(coro::task_group<coro::thread_pool> &group) {
  co_await group;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for every task of 'group' to end, this coroutine included: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE+4]]:9: note: the coroutine is started in 'group' here, which counts it until it ends; join the scope from outside its tasks
}
void run_group(coro::thread_pool &pool) {
  coro::task_group<coro::thread_pool> group(&pool);
  (void)group.start(grouped(group));
}

// A lambda coroutine capturing the scope.
cppcoro::task<> lambda_joins() {
  cppcoro::async_scope scope;
  scope.spawn([&]() -> cppcoro::task<> { co_await scope.join(); }());
  // CHECK-NOTES: :[[@LINE-1]]:42: warning: waits for every task of 'scope' to end, this coroutine included: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine is started in 'scope' here, which counts it until it ends; join the scope from outside its tasks
  co_await scope.join();
}

// A member coroutine started in a member scope of the same object; a
// template coroutine; a join through a macro.
#define JOIN(s) co_await s.join()
struct Server {
  cppcoro::async_scope connections;
  cppcoro::task<> handle() { JOIN(connections); }
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: waits for every task of 'connections' to end, this coroutine included: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-5]]:17: note: expanded from macro 'JOIN'
  // CHECK-NOTES: :[[@LINE+1]]:19: note: the coroutine is started in 'connections' here, which counts it until it ends; join the scope from outside its tasks
  void accept() { connections.spawn(handle()); }
};
template <class Scope> cppcoro::task<> generic_worker(Scope &scope) {
  co_await scope.join();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for every task of 'scope' to end, this coroutine included: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the coroutine is started in 'scope' here, which counts it until it ends; join the scope from outside its tasks
}
void start_generic(cppcoro::async_scope &scope) {
  scope.spawn(generic_worker(scope));
}

// ---- Silent.

// The task joins a scope of its own, or another scope of the caller.
cppcoro::task<> inner_scope() {
  cppcoro::async_scope mine;
  co_await mine.join();
}
cppcoro::task<> other_worker(cppcoro::async_scope &scope) {
  co_await scope.join();
}
cppcoro::task<> two_scopes() {
  cppcoro::async_scope outer, other;
  outer.spawn(inner_scope());
  outer.spawn(other_worker(other));
  co_await outer.join();
  co_await other.join();
}

// The member of another object.
struct Pool {
  cppcoro::async_scope connections;
  cppcoro::task<> drain() { co_await connections.join(); }
};
void cross(Pool &a, Pool &b) { a.connections.spawn(b.drain()); }

// A task started on a thread pool, not in the scope it joins.
coro::task<> joins_group(coro::task_group<coro::thread_pool> &group) {
  co_await group;
}
void started_elsewhere(coro::thread_pool &pool) {
  coro::task_group<coro::thread_pool> group(&pool);
  pool.spawn_detached(joins_group(group));
}

// RUN: %check_async_lint %s async-dangling-reference %t

// A gate (an async scope) the tasks hold and their owner awaits closed:
// an eager coroutine that takes a holder of the caller's local gate before
// its first suspension leaves the gate only when the holder dies at the end
// of its body, after every use; awaiting close() (kelcoro's dd::gate: in
// WaitMembers, its leave in SignalMembers) completes only when no holder
// is left, so the gate outlives every use. Also with the awaiter kept in a
// local, in a template and through a macro. Twins: nothing awaits the
// close, the holder is taken after a suspension, a lazy task, and a task
// that never holds the gate.

#include "owned_resumers.h"

eager<> user(dd::gate &g) {
  if (g.is_closed())
    co_return;
  auto h = g.hold();
  while (!g.is_closed())
    co_await parked{};
}

eager<> closes() {
  dd::gate g;
  user(g);
  co_await g.close();
}

eager<> closes_later() {
  dd::gate g;
  user(g);
  user(g);
  auto closing = g.close();
  co_await closing;
}

template <class Gate> eager<> user_t(Gate &g) {
  auto h = g.hold();
  co_await parked{};
}
template <class Gate> eager<> closes_t() {
  Gate g;
  user_t(g);
  co_await g.close();
}
template eager<> closes_t<dd::gate>();

#define CLOSE_AND_WAIT(G) co_await (G).close()
eager<> closes_macro() {
  dd::gate g;
  user(g);
  CLOSE_AND_WAIT(g);
}

eager<> forgets() {
  dd::gate g;
  user(g);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: parameter 'g' of coroutine 'user' refers to local 'g', which the task may outlive [async-dangling-reference]
  co_await parked{};
}

eager<> holds_late(dd::gate &g) {
  co_await parked{};
  auto h = g.hold();
  co_await parked{};
}
eager<> closes_late_holder() {
  dd::gate g;
  holds_late(g);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: parameter 'g' of coroutine 'holds_late' refers to local 'g', which the task may outlive [async-dangling-reference]
  co_await g.close();
}

lazy<> lazy_user(dd::gate &g) {
  auto h = g.hold();
  co_await parked{};
}
eager<> keeps_lazy(lazy<> &out) {
  dd::gate g;
  out = lazy_user(g);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: parameter 'g' of coroutine 'lazy_user' refers to local 'g', which the task may outlive [async-dangling-reference]
  co_await g.close();
}

eager<> peeks(dd::gate &g) {
  co_await parked{};
  (void)g.is_closed();
}
eager<> closes_unheld() {
  dd::gate g;
  peeks(g);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: parameter 'g' of coroutine 'peeks' refers to local 'g', which the task may outlive [async-dangling-reference]
  co_await g.close();
}

// An in-house reactor the function runs until the dropped task stops it:
// reported by default, silent once WaitMembers and SignalMembers name its
// run and stop (the shared library lists, read here by their global names).
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-discarded-awaitable %t.default
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-discarded-awaitable %t.custom \
// RUN:   --config="{CheckOptions: {WaitMembers: 'corp::Reactor::run', \
// RUN:     SignalMembers: 'corp::Reactor::stop'}}"

#include "event_loop.h"

hot<> serve(corp::Reactor &r, int &served) {
  co_await later{};
  ++served;
  r.stop();
}

int serve_once() {
  corp::Reactor r;
  int served = 0;
  serve(r, served);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: task returned by 'serve' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  r.run();
  return served;
}

// QEventLoop is no longer in the lists the options replace.
hot<> quits(QEventLoop &l) {
  co_await later{};
  l.quit();
}

void nested() {
  QEventLoop l;
  quits(l);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: task returned by 'quits' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  l.exec();
}

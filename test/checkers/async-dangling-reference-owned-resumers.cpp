// RUN: %check_async_lint %s async-dangling-reference %t

// A coroutine whose every suspension awaits the executor its caller hands
// it by reference (`co_await jump_on(p)`) can run again only when that
// executor runs it: the caller that joins the executor (a member whose
// body joins every thread it holds) or drains it (YACLib's
// ManualExecutor::Drain, in JoinFunctions) before its locals die waits the
// task out. In a template and through a macro too. Twins: no join, a
// coroutine that also awaits something else, and a join of one thread.

#include "owned_resumers.h"

eager<> count(demo::pool &p, int &counter) {
  while (co_await demo::jump_on(p))
    ++counter;
}

int joined() {
  demo::pool p;
  int counter = 0;
  count(p, counter);
  p.wait_stop();
  return counter;
}

template <class Pool> eager<> count_t(Pool &p, int &counter) {
  while (co_await demo::jump_on(p))
    ++counter;
}
#define STOP(P) std::move(P).wait_stop()
template <class Pool> int joined_t() {
  Pool p;
  int counter = 0;
  count_t(p, counter);
  STOP(p);
  return counter;
}
template int joined_t<demo::pool>();

eager<> step(yaclib::IExecutor &e, bool &done) {
  co_await yaclib::On(e);
  done = true;
}
bool drained() {
  auto manual = yaclib::MakeManual();
  bool done = false;
  step(*manual, done);
  std::ignore = static_cast<yaclib::ManualExecutor &>(*manual).Drain();
  return done;
}

int not_joined() {
  demo::pool p;
  int counter = 0;
  count(p, counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: parameter 'p' of coroutine 'count' refers to local 'p', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: parameter 'counter' of coroutine 'count' refers to local 'counter', which the task may outlive [async-dangling-reference]
  return counter;
}

eager<> count_parked(demo::pool &p, int &counter) {
  co_await demo::jump_on(p);
  co_await parked{};
  ++counter;
}
int also_parked() {
  demo::pool p;
  int counter = 0;
  count_parked(p, counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: parameter 'counter' of coroutine 'count_parked' refers to local 'counter', which the task may outlive [async-dangling-reference]
  p.wait_stop();
  return counter;
}

int joins_one_thread() {
  demo::pool p;
  int counter = 0;
  count(p, counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: parameter 'p' of coroutine 'count' refers to local 'p', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: parameter 'counter' of coroutine 'count' refers to local 'counter', which the task may outlive [async-dangling-reference]
  p.join_timer();
  return counter;
}

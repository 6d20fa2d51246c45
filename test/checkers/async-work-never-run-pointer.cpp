// RUN: %check_async_lint %s async-work-never-run %t

// A context the function reaches only through a local smart pointer that a
// maker call returned (concurrencpp's runtime::make_manual_executor,
// std::make_shared, std::make_unique): the pointer is the program's only
// handle on the context. Work posted through it and never looped is lost
// when the pointer dies (concurrencpp's runtime keeps the executor only to
// shut it down, destroying the queued tasks).

#include <memory>

#include "concurrencpp/concurrencpp.h"

#include "unique_ptr.h"

void job();
bool failed();
void keep(std::shared_ptr<concurrencpp::manual_executor>);
std::shared_ptr<concurrencpp::manual_executor> shared();

// --- Never looped.

void postedThroughRuntime(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ex' never runs: nothing runs 'Ex' before it is destroyed [async-work-never-run]
  Ex->wait_for_task();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'Ex', the only handle on the context, is destroyed here without having been run; the work handed to it is destroyed unrun
// CHECK-NOTES: :[[@LINE-6]]:8: note: 'Ex' is a local pointer that owns the context: run it before it goes out of scope, or hand it to code that runs it

void submittedMadeShared() {
  std::shared_ptr<concurrencpp::manual_executor> Ex =
      std::make_shared<concurrencpp::manual_executor>();
  auto R = (*Ex).submit(job);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: work handed to 'Ex' never runs
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ex', the only handle on the context, is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:50: note: 'Ex' is a local pointer that owns the context
}

void postedMadeUnique() {
  auto Ex = std::make_unique<concurrencpp::manual_executor>();
  Ex->post(job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ex' never runs
  Ex->shutdown();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'Ex', the only handle on the context, is destroyed here
// CHECK-NOTES: :[[@LINE-6]]:8: note: 'Ex' is a local pointer

// Looped on one path only: the early return drops the work.
void loopedOnSomePaths(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ex' may never run: on some path 'Ex' is destroyed without being run
  if (failed())
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: on this path 'Ex', the only handle on the context, is destroyed without having been run
  Ex->loop_once();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Ex' is run here on other paths
}
// CHECK-NOTES: :[[@LINE-9]]:8: note: 'Ex' is a local pointer

// --- Member functions, templates, macros, lambdas.

struct Service {
  concurrencpp::runtime Runtime;
  void start() {
    auto Ex = Runtime.make_manual_executor();
    Ex->post(job);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: work handed to 'Ex' never runs
    // CHECK-NOTES: :[[@LINE+2]]:3: note: 'Ex', the only handle on the context, is destroyed here
    // CHECK-NOTES: :[[@LINE-4]]:10: note: 'Ex' is a local pointer
  }
};

template <class Executor> void postIn() {
  auto Ex = std::make_shared<Executor>();
  Ex->post(job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ex' never runs
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ex', the only handle on the context, is destroyed here
  // CHECK-NOTES: :[[@LINE-4]]:8: note: 'Ex' is a local pointer
}
template void postIn<concurrencpp::manual_executor>();

#define POST(E) (E)->post(job)
void fromMacro(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  POST(Ex);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ex' never runs
  // CHECK-NOTES: :[[@LINE-5]]:17: note: expanded from macro 'POST'
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ex', the only handle on the context, is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:8: note: 'Ex' is a local pointer
}

auto Deferred = [](concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ex' never runs
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ex', the only handle on the context, is destroyed here
  // CHECK-NOTES: :[[@LINE-4]]:8: note: 'Ex' is a local pointer
};

// --- Silent twins.

void looped(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  Ex->loop(8);
}

void loopedThroughStar() {
  auto Ex = std::make_unique<concurrencpp::manual_executor>();
  Ex->post(job);
  (*Ex).loop_once();
}

// Handed on: passed, stored, returned, captured by code that loops it.
void passedOn(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  keep(Ex);
}

struct Holder {
  std::shared_ptr<concurrencpp::manual_executor> Kept;
  void store(concurrencpp::runtime &Runtime) {
    auto Ex = Runtime.make_manual_executor();
    Ex->post(job);
    Kept = Ex;
  }
};

std::shared_ptr<concurrencpp::manual_executor>
returned(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  return Ex;
}

void capturedByLooper(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  auto Drain = [Ex] { Ex->loop_once(); };
  Drain();
}

// A local copy is another owner, as any copy.
void loopedThroughCopy(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  auto Copy = Ex;
  Copy->loop_once();
}

// The raw pointer given away may be looped by its receiver.
void rawPointerGiven(concurrencpp::runtime &Runtime,
                     void (*Give)(concurrencpp::manual_executor *)) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  Give(Ex.get());
}

// A pointer some other call gave may share the executor with code that
// loops it.
void sharedElsewhere() {
  auto Ex = shared();
  Ex->post(job);
}

// Nothing handed to it.
void nothingPosted(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->shutdown();
}

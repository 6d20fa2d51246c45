// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// Seastar's calls on every shard (CallbackFunctions): invoke_on_all and
// invoke_on_others call a per-shard copy of the function object and destroy
// it once it has returned its future, so a coroutine lambda's captures, by
// reference too, are gone after its first suspension, even when the caller
// awaits the call (scylladb#12175). smp::submit_to and sharded::invoke_on
// (one shard) keep the function object they are given until the future
// they return resolves (submit_to's contract: a temporary is moved into
// storage kept until then; invoke_on hands it one), and are silent
// (scylladb#29678's fix, `co_await sharded.invoke_on(0, [&](...) ->
// future<> {...})`).

#include <string>

#include "seastar/sharded.hh"

struct shard_state {
  seastar::future<> reshard(const std::string &Table, unsigned Threshold);
  seastar::future<> move_foreign(seastar::sharded<shard_state> &All);
};

seastar::future<> run_jobs(seastar::sharded<shard_state> &All,
                           std::string Table) {
  unsigned Threshold = 32;
  co_await All.invoke_on_all([&](shard_state &S) -> seastar::future<> {
    // CHECK-NOTES: :[[@LINE-1]]:30: warning: coroutine lambda with captures passed to 'seastar::sharded::invoke_on_all' is destroyed while the coroutine may still run
    co_await S.reshard(Table, Threshold);
    co_await S.move_foreign(All);
    // CHECK-NOTES: :[[@LINE-1]]:29: note: capture 'All' is used here, after the coroutine may have suspended
  });
  // smp::submit_to keeps the function object until its future resolves.
  co_await seastar::smp::submit_to(1, [&]() -> seastar::future<> {
    co_await All.local().reshard(Table, Threshold);
    co_await All.local().move_foreign(All);
  });
}

// Returned rather than awaited: the same.
seastar::future<> returned(seastar::sharded<shard_state> &All,
                           std::string Table) {
  return All.invoke_on_others([Table](shard_state &S) -> seastar::future<> {
    // CHECK-NOTES: :[[@LINE-1]]:31: warning: coroutine lambda with captures passed to 'seastar::sharded::invoke_on_others' is destroyed while the coroutine may still run
    co_await S.reshard("", 1);
    co_await S.reshard(Table, 1);
    // CHECK-NOTES: :[[@LINE-1]]:24: note: capture 'Table' is used here, after the coroutine may have suspended
  });
}

// The same in a template, over any sharded service.
template <class Service>
seastar::future<> in_template(seastar::sharded<Service> &All, unsigned N) {
  co_await All.invoke_on_all([&All, N](Service &S) -> seastar::future<> {
    // CHECK-NOTES: :[[@LINE-1]]:30: warning: coroutine lambda with captures passed to 'seastar::sharded::invoke_on_all' is destroyed while the coroutine may still run
    co_await S.reshard("", N);
    co_await S.move_foreign(All);
    // CHECK-NOTES: :[[@LINE-1]]:29: note: capture 'All' is used here, after the coroutine may have suspended
  });
  // One shard: invoke_on keeps it (silent), also in a template.
  co_await All.invoke_on(0, [&All, N](Service &S) -> seastar::future<> {
    co_await S.reshard("", N);
    co_await S.move_foreign(All);
  });
}
template seastar::future<> in_template(seastar::sharded<shard_state> &,
                                       unsigned);

// scylladb#29678's fix: shard 0's lock first, the others inside it; the
// outer lambda is kept by invoke_on (silent), the inner one is handed to
// invoke_on_others, which drops its per-shard copies (reported).
struct locks_t {
  void assign(int);
};
seastar::future<> hold_lock(shard_state &S);
seastar::future<> lock_all(seastar::sharded<shard_state> &All) {
  locks_t Locks;
  co_await All.invoke_on(0, [&Locks, &All](shard_state &S) -> seastar::future<> {
    co_await hold_lock(S);
    Locks.assign(0);
    co_await All.invoke_on_others([&Locks](shard_state &O) -> seastar::future<> {
      // CHECK-NOTES: :[[@LINE-1]]:35: warning: coroutine lambda with captures passed to 'seastar::sharded::invoke_on_others' is destroyed while the coroutine may still run
      co_await hold_lock(O);
      Locks.assign(1);
      // CHECK-NOTES: :[[@LINE-1]]:7: note: capture 'Locks' is used here, after the coroutine may have suspended
    });
  });
}

// Silent: wrapped in coroutine::lambda, which the awaited call keeps alive
// (Seastar's remedy); the captures read only before the first suspension;
// a lambda without captures that takes what it needs as parameters.
seastar::future<> fixed(seastar::sharded<shard_state> &All,
                        std::string Table) {
  unsigned Threshold = 32;
  co_await All.invoke_on_all(
      seastar::coroutine::lambda([&](shard_state &S) -> seastar::future<> {
        co_await S.reshard(Table, Threshold);
        co_await S.move_foreign(All);
      }));
  co_await All.invoke_on_all([&](shard_state &S) -> seastar::future<> {
    auto Copy = Table;
    auto *Service = &All;
    co_await S.reshard(Copy, 1);
    co_await S.move_foreign(*Service);
  });
  co_await All.invoke_on_all([](shard_state &S) -> seastar::future<> {
    co_await S.reshard("", 1);
  });
}

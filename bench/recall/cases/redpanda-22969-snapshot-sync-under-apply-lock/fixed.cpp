// Fixed twin of redpanda-data/redpanda#22969 (commit f264d14ba5): the
// transaction coordinator no longer syncs while taking a snapshot.
#include "stop26_mocks.hpp"
#include <stdexcept>
#include <utility>

struct record_batch {
  long offset;
};
struct stm_snapshot {
  long offset;
};

class persisted_stm {
public:
  virtual ~persisted_stm() = default;

  seastar::future<> apply(record_batch b) {
    auto units = co_await _apply_lock.get_units();
    do_apply(b);
    _last_applied = b.offset;
    _applied.broadcast();
  }

  seastar::future<bool> sync() {
    while (_last_applied < _committed)
      co_await _applied.wait();
    co_return true;
  }

  seastar::future<> write_local_snapshot() {
    auto units = co_await _apply_lock.get_units();
    auto snapshot = co_await take_local_snapshot(std::move(units));
    persist(snapshot);
  }

protected:
  virtual seastar::future<stm_snapshot>
  take_local_snapshot(ssx::semaphore_units apply_units) = 0;
  virtual void do_apply(record_batch b) = 0;
  bool is_leader() const;
  void persist(stm_snapshot s);

  ssx::mutex _apply_lock;
  seastar::condition_variable _applied;
  long _last_applied = 0;
  long _committed = 0;
};

class tm_stm final : public persisted_stm {
protected:
  seastar::future<stm_snapshot>
  take_local_snapshot(ssx::semaphore_units apply_units) override {
    co_return stm_snapshot{_last_applied};
  }
  void do_apply(record_batch b) override;
};

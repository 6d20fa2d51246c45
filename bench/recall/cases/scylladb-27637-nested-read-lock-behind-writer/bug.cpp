// Reduction of scylladb/scylladb#27364 (fixed in #27637): a migration
// notification runs in a seastar::thread, takes the read lock of the listener
// vector and calls each listener. One listener's callback sends a nested
// notification, which takes the read lock again. Meanwhile node shutdown
// unregisters a listener: remove() waits for the write lock. The nested read
// lock queues behind that waiting writer, and the writer waits for the outer
// read lock: each fiber waits for what the other releases only after its own
// wait.
#include "stop26_mocks.hpp"
#include <algorithm>
#include <vector>

struct listener;

// @recall-begin
class atomic_vector {
public:
  void add(listener *l) { _vec.push_back(l); }
  seastar::future<> remove(listener *l) {
    auto holder = co_await _vec_lock.hold_write_lock();
    _vec.erase(std::remove(_vec.begin(), _vec.end(), l), _vec.end());
  }
  // Must be called in a seastar::thread.
  template <class Func> void thread_for_each(Func func) {
    _vec_lock.for_read().lock().get(); // @bug  the nested call waits here
    auto unlock = seastar::defer([this] { _vec_lock.for_read().unlock(); });
    for (std::size_t i = 0, n = _vec.size(); i < n; ++i)
      func(_vec[i]);
  }

private:
  std::vector<listener *> _vec;
  seastar::rwlock _vec_lock;
};

class migration_notifier {
public:
  void before_create_column_family();
  void before_allocate_tablet_map();
  seastar::future<> unregister_listener(listener *l) {
    return _listeners.remove(l);
  }

private:
  atomic_vector _listeners;
};

struct listener {
  migration_notifier &notifier;
  void on_before_create_column_family() {
    // the tablet allocator's callback sends a nested notification
    notifier.before_allocate_tablet_map();
  }
  void on_before_allocate_tablet_map();
};

void migration_notifier::before_create_column_family() {
  _listeners.thread_for_each(
      [](listener *l) { l->on_before_create_column_family(); });
}
void migration_notifier::before_allocate_tablet_map() {
  _listeners.thread_for_each(
      [](listener *l) { l->on_before_allocate_tablet_map(); });
}

// Both run at once: a table is created while the node shuts down.
seastar::future<> create_table(migration_notifier &n) {
  return seastar::async([&n] { n.before_create_column_family(); });
}
seastar::future<> shutdown(migration_notifier &n, listener *l) {
  co_await n.unregister_listener(l);
}
// @recall-end

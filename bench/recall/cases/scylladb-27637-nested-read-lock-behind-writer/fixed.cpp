// Fixed twin of scylladb/scylladb#27364 (#27637): a notification sent from a
// notification callback iterates with thread_for_each_nested, which does not
// take the read lock again (the outer notification holds it).
#include "stop26_mocks.hpp"
#include <algorithm>
#include <vector>

struct listener;
void on_internal_error(const char *msg);

class atomic_vector {
public:
  void add(listener *l) { _vec.push_back(l); }
  seastar::future<> remove(listener *l) {
    auto holder = co_await _vec_lock.hold_write_lock();
    _vec.erase(std::remove(_vec.begin(), _vec.end(), l), _vec.end());
  }
  template <class Func> void thread_for_each(Func func) {
    _vec_lock.for_read().lock().get();
    auto unlock = seastar::defer([this] { _vec_lock.for_read().unlock(); });
    for (std::size_t i = 0, n = _vec.size(); i < n; ++i)
      func(_vec[i]);
  }
  // Only from a thread_for_each callback: the read lock is held already.
  template <class Func> void thread_for_each_nested(Func func) {
    if (!_vec_lock.locked())
      on_internal_error("thread_for_each_nested without the vector lock");
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
  void before_allocate_tablet_map_in_notification();
  seastar::future<> unregister_listener(listener *l) {
    return _listeners.remove(l);
  }

private:
  atomic_vector _listeners;
};

struct listener {
  migration_notifier &notifier;
  void on_before_create_column_family() {
    notifier.before_allocate_tablet_map_in_notification();
  }
  void on_before_allocate_tablet_map();
};

void migration_notifier::before_create_column_family() {
  _listeners.thread_for_each(
      [](listener *l) { l->on_before_create_column_family(); });
}
void migration_notifier::before_allocate_tablet_map_in_notification() {
  _listeners.thread_for_each_nested(
      [](listener *l) { l->on_before_allocate_tablet_map(); });
}

seastar::future<> create_table(migration_notifier &n) {
  return seastar::async([&n] { n.before_create_column_family(); });
}
seastar::future<> shutdown(migration_notifier &n, listener *l) {
  co_await n.unregister_listener(l);
}

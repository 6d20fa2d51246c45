// Fixed twin of scylladb/scylladb#15198 (#15199): the execution loop no longer
// looks at _stopped; stop() breaks the condition variable only after the
// permit gate is closed, when no permit can be queued any more.
#include "stop26_mocks.hpp"
#include <deque>
#include <exception>
#include <optional>
#include <utility>

struct permit {
  void execute();
};
struct stop_execution_loop {};

class reader_concurrency_semaphore {
public:
  seastar::future<> execution_loop() noexcept {
    while (true) {
      try {
        co_await _ready_list_cv.when();
      } catch (stop_execution_loop) {
        co_return;
      }
      while (!_ready_list.empty()) {
        permit *p = _ready_list.front();
        _ready_list.pop_front();
        p->execute();
      }
    }
  }

  void make_ready(permit &p) {
    if (!_execution_loop_future)
      _execution_loop_future.emplace(execution_loop());
    _ready_list.push_back(&p);
    _ready_list_cv.signal();
  }

  seastar::future<> stop() noexcept {
    _stopped = true;
    co_await _permit_gate.close();
    _ready_list_cv.broken(std::make_exception_ptr(stop_execution_loop{}));
    if (_execution_loop_future)
      co_await std::move(*_execution_loop_future);
  }

private:
  bool _stopped = false;
  std::deque<permit *> _ready_list;
  seastar::condition_variable _ready_list_cv;
  seastar::gate _permit_gate;
  std::optional<seastar::future<>> _execution_loop_future;
};

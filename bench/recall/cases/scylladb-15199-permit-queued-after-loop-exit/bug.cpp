// Reduction of scylladb/scylladb#15198 (fixed in #15199): the reader
// concurrency semaphore runs ready permits in execution_loop(), which exits
// once _stopped is set. stop() sets it, then waits for every permit to be
// destroyed (the permit gate). A read that queues a permit on the ready list
// after the loop has exited hands work to a loop nobody runs any more: the
// permit is never executed, never destroyed, and stop() waits forever.
#include "stop26_mocks.hpp"
#include <deque>
#include <exception>
#include <optional>
#include <utility>

struct permit {
  void execute();
};
struct stop_execution_loop {};

// @recall-begin
class reader_concurrency_semaphore {
public:
  seastar::future<> execution_loop() noexcept {
    while (!_stopped) {
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

  // A read makes its permit ready; the execution loop runs it.
  void make_ready(permit &p) {
    if (!_execution_loop_future)
      _execution_loop_future.emplace(execution_loop());
    _ready_list.push_back(&p); // @bug  the loop may have exited already
    _ready_list_cv.signal();
  }

  seastar::future<> stop() noexcept {
    _stopped = true;
    co_await _permit_gate.close();
    if (_execution_loop_future) {
      if (_ready_list_cv.has_waiters())
        _ready_list_cv.broken(std::make_exception_ptr(stop_execution_loop{}));
      co_await std::move(*_execution_loop_future);
    }
  }

private:
  bool _stopped = false;
  std::deque<permit *> _ready_list;
  seastar::condition_variable _ready_list_cv;
  seastar::gate _permit_gate;
  std::optional<seastar::future<>> _execution_loop_future;
};
// @recall-end

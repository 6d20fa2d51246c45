// Fixed twin of scylladb/scylladb#10305 (#20212): connections and accept
// loops hold a gate; shutdown() closes it, and close() completes even when
// nobody ever entered.
#include "stop26_mocks.hpp"
#include <utility>

struct accept_result {};
struct listener {
  seastar::future<accept_result> accept();
};

class server {
public:
  seastar::future<> stop() {
    if (!_gate.is_closed())
      co_await shutdown();
    co_await std::move(_all_connections_stopped);
  }

  seastar::future<> shutdown() {
    _all_connections_stopped = _gate.close();
    co_await std::move(_listeners_stopped);
  }

  seastar::future<> do_accepts(listener &l) {
    while (true) {
      seastar::gate::holder holder(_gate);
      auto cs = co_await l.accept();
      if (_gate.is_closed())
        co_return;
      serve(cs, seastar::gate::holder(_gate));
    }
  }

private:
  void serve(accept_result cs, seastar::gate::holder hold_server);

  seastar::gate _gate;
  seastar::future<> _all_connections_stopped = seastar::make_ready_future<>();
  seastar::future<> _listeners_stopped = seastar::make_ready_future<>();
};

seastar::future<> start_server_failed_before_listen(server &s) {
  co_await s.stop();
}

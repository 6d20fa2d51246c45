// Reduction of scylladb/scylladb#10305 (fixed in #20212): server::stop()
// awaits a promise that only maybe_stop() sets, and maybe_stop() is called
// only when a connection dies or an accept loop ends. A server that was never
// listening (start-up failed before listen) has neither, so stop() waits
// forever.
#include "stop26_mocks.hpp"
#include <cstdint>

struct accept_result {};
struct listener {
  seastar::future<accept_result> accept();
};

// @recall-begin
class server {
public:
  seastar::future<> stop() {
    if (!_stopping)
      co_await shutdown();
    co_await _all_connections_stopped.get_future(); // @bug
  }

  seastar::future<> shutdown() {
    _stopping = true;
    co_await std::move(_listeners_stopped);
  }

  seastar::future<> do_accepts(listener &l) {
    while (true) {
      ++_connections_being_accepted;
      auto cs = co_await l.accept();
      --_connections_being_accepted;
      if (_stopping) {
        maybe_stop();
        co_return;
      }
      ++_current_connections;
      serve(cs);
    }
  }

  // Called by each connection when it dies.
  void connection_closed() {
    --_current_connections;
    maybe_stop();
  }

private:
  // Signals that all connections are stopped, if the server is stopping.
  void maybe_stop() {
    if (_stopping && !_connections_being_accepted && !_current_connections)
      _all_connections_stopped.set_value();
  }
  void serve(accept_result cs);

  bool _stopping = false;
  seastar::promise<> _all_connections_stopped;
  std::uint64_t _current_connections = 0;
  std::uint64_t _connections_being_accepted = 0;
  seastar::future<> _listeners_stopped = seastar::make_ready_future<>();
};

// Start-up failed before listening: the cleanup stops the server.
seastar::future<> start_server_failed_before_listen(server &s) {
  co_await s.stop();
}
// @recall-end

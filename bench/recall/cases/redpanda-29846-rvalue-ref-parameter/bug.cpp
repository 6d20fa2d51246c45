// Reduction of redpanda-data/redpanda#29846: a coroutine takes its request by
// rvalue reference; the caller's lambda, spawned with a gate, passes its own
// capture with std::move. The coroutine suspends, spawn_with_gate returns,
// the calling coroutine ends and the lambda (with the request) is destroyed;
// the coroutine then reads the request through its reference.
#include "seastar_mock.hpp"
#include <vector>

struct ntp_state {
  int partition;
};
struct check_request {
  std::vector<ntp_state> sought_states;
};
void check_one(const ntp_state &);

template <class Func> void spawn_with_gate(seastar::gate &g, Func &&f) {
  (void)seastar::with_gate(g, std::forward<Func>(f));
}

class frontend {
public:
  // @recall-begin
  seastar::future<> check_ntp_states_locally(check_request &&req) {
    for (auto &s : req.sought_states) {
      co_await seastar::coroutine::maybe_yield();
      check_one(s); // req belongs to the caller's destroyed lambda
    }
  }
  // @recall-end

  // @recall-begin
  seastar::future<> send_rpc(check_request req) {
    spawn_with_gate(gate_, [this, req = std::move(req)]() mutable { // @bug
      return check_ntp_states_locally(std::move(req));
    });
    co_return;
  }
  // @recall-end

private:
  seastar::gate gate_;
};

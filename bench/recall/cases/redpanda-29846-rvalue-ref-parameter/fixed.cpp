// Fixed twin of redpanda-data/redpanda#29846: the request is taken by value,
// so it is moved into the coroutine's own frame (the PR).
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
  seastar::future<> check_ntp_states_locally(check_request req) {
    for (auto &s : req.sought_states) {
      co_await seastar::coroutine::maybe_yield();
      check_one(s);
    }
  }

  seastar::future<> send_rpc(check_request req) {
    spawn_with_gate(gate_, [this, req = std::move(req)]() mutable {
      return check_ntp_states_locally(std::move(req));
    });
    co_return;
  }

private:
  seastar::gate gate_;
};

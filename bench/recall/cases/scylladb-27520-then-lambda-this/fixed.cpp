// Fixed twin of scylladb/scylladb#27520: `this` is copied into the coroutine
// frame before the first suspension (one remedy of Seastar's
// lambda-coroutine-fiasco document; the fix commit's code was not read).
#include "seastar_mock.hpp"
#include <string>
#include <vector>

struct commitlog {
  seastar::future<> get_segments_to_replay();
};
seastar::future<commitlog> create_commitlog();
struct sender {
  void rewind_sent_replay_position_to(long);
};

class hint_endpoint_manager {
public:
  seastar::future<> open_log() {
    return create_commitlog().then([this](commitlog l) -> seastar::future<> {
      auto *self = this;
      co_await l.get_segments_to_replay();
      auto rp = self->last_written_rp_;
      rp++;
      self->sender_.rewind_sent_replay_position_to(rp);
    });
  }

private:
  long last_written_rp_ = 0;
  sender sender_;
};

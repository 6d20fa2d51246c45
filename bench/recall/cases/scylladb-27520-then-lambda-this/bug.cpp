// Reduction of scylladb/scylladb#27520: a coroutine lambda capturing `this`
// is given to future::then(); the continuation destroys the lambda once it
// has returned its future, and the coroutine reads `this` through the dead
// closure after its co_await.
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
  // @recall-begin
  seastar::future<> open_log() {
    return create_commitlog().then(
        [this](commitlog l) -> seastar::future<> { // @bug
          co_await l.get_segments_to_replay();
          auto rp =
              last_written_rp_; // `this` read through the destroyed closure
          rp++;
          sender_.rewind_sent_replay_position_to(rp);
        });
  }
  // @recall-end

private:
  long last_written_rp_ = 0;
  sender sender_;
};

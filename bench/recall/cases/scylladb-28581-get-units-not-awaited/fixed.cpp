// Fixed twin of scylladb/scylladb#28581: the units are awaited, so at most one
// training runs at a time.
#include "seastar_sync_mock.hpp"
#include <string>
#include <vector>

using dict_bytes = std::vector<char>;
seastar::future<> train_and_publish(std::string table, dict_bytes sample);

class dict_trainer {
public:
  seastar::future<> retrain(std::string table, dict_bytes sample) {
    auto units = co_await seastar::get_units(_training_sem, 1);
    co_await train_and_publish(std::move(table), std::move(sample));
  }

private:
  seastar::semaphore _training_sem{1};
};

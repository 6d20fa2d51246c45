// Reduction of scylladb/scylladb#28581: code of the dictionary compression
// acquires semaphore units with get_units() but does not await the returned
// future; it is assigned to a variable (to scope the units), which silences
// the future's nodiscard, so the semaphore limits nothing.
#include "seastar_sync_mock.hpp"
#include <string>
#include <vector>

using dict_bytes = std::vector<char>;
seastar::future<> train_and_publish(std::string table, dict_bytes sample);

class dict_trainer {
public:
  // @recall-begin
  seastar::future<> retrain(std::string table, dict_bytes sample) {
    auto units = seastar::get_units(_training_sem, 1); // @bug
    co_await train_and_publish(std::move(table), std::move(sample));
  }
  // @recall-end

private:
  seastar::semaphore _training_sem{1};
};

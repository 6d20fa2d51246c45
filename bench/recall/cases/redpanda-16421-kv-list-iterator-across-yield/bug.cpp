// Reduction of redpanda-data/redpanda#16421: list() of the distributed kv
// state machine copies the key/value map into a vector and yields to the
// scheduler while copying; the read lock it holds is for snapshots and does
// not keep writers out, so an apply() that erases the current entry
// invalidates the iterator the loop goes on with.
#include "seastar_sync_mock.hpp"
#include <map>
#include <string>
#include <utility>
#include <vector>

using kv = std::pair<std::string, std::string>;

class distributed_kv_stm {
public:
  // @recall-begin
  seastar::future<std::vector<kv>> list() {
    std::vector<kv> result;
    for (auto it = _kvs.begin(); it != _kvs.end(); ++it) { // @bug
      result.emplace_back(it->first, it->second);
      co_await seastar::coroutine::maybe_yield();
    }
    co_return result;
  }
  // @recall-end

  void apply_remove(const std::string &key) { _kvs.erase(key); }
  void apply_put(std::string key, std::string value) {
    _kvs[std::move(key)] = std::move(value);
  }

private:
  std::map<std::string, std::string> _kvs;
};

// Fixed twin of redpanda-data/redpanda#16421: the loop remembers the key it
// was at and looks its position up again after each yield.
#include "seastar_sync_mock.hpp"
#include <map>
#include <string>
#include <utility>
#include <vector>

using kv = std::pair<std::string, std::string>;

class distributed_kv_stm {
public:
  seastar::future<std::vector<kv>> list() {
    std::vector<kv> result;
    auto it = _kvs.begin();
    while (it != _kvs.end()) {
      result.emplace_back(it->first, it->second);
      std::string last = it->first;
      co_await seastar::coroutine::maybe_yield();
      it = _kvs.upper_bound(last);
    }
    co_return result;
  }

  void apply_remove(const std::string &key) { _kvs.erase(key); }
  void apply_put(std::string key, std::string value) {
    _kvs[std::move(key)] = std::move(value);
  }

private:
  std::map<std::string, std::string> _kvs;
};

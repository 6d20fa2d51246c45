// Fixed twin of scylladb/seastar#2933: the future is awaited.
#include "seastar_sync_mock.hpp"
#include <string>

seastar::future<long> lookup_cached_size(std::string key);
seastar::future<> reply(long size);

seastar::future<> handle_request(std::string key) {
  long size = co_await lookup_cached_size(key);
  co_await reply(size);
}

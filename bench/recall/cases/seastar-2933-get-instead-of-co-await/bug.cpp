// Reduction of scylladb/seastar#2933: code that calls f().get() on a
// future-returning function outside a seastar::thread (here in a coroutine),
// where `co_await f()` was meant. f() is almost always ready, so it passes
// tests; the day it returns an unready future, get() asserts and the whole
// application crashes. (The report describes the shape, not the project's
// code; the names are stand-ins.)
#include "seastar_sync_mock.hpp"
#include <string>

seastar::future<long> lookup_cached_size(std::string key);
seastar::future<> reply(long size);

// @recall-begin
seastar::future<> handle_request(std::string key) {
  long size = lookup_cached_size(key).get(); // @bug
  co_await reply(size);
}
// @recall-end

#include "parse.h"

boost::asio::awaitable<int> parse_config(int raw) {
  if (raw < 0)
    co_return 0;
  co_return raw * 2;
}

#include "parse.h"

#include <stdexcept>

boost::asio::awaitable<int> parse_config(int raw) {
  if (raw < 0)
    throw std::invalid_argument("negative"); // EXPECT-NOTE
  co_return raw * 2;
}

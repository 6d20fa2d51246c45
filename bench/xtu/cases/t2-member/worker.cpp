#include "worker.h"

#include <string>

boost::asio::awaitable<void> Worker::run() {
  port_ = std::stoi(config_); // EXPECT-NOTE
  co_return;
}

#include "worker.h"

#include <string>

boost::asio::awaitable<void> Worker::run() {
  try {
    port_ = std::stoi(config_);
  } catch (...) {
    port_ = 8080;
  }
  co_return;
}

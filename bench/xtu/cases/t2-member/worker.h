#pragma once
#include <boost/asio/awaitable.hpp>
#include <string>

class Worker {
public:
  explicit Worker(std::string config) : config_(std::move(config)) {}
  boost::asio::awaitable<void> run();

private:
  std::string config_;
  int port_ = 0;
};

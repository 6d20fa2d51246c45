#pragma once
#include <boost/asio/io_context.hpp>
#include <deque>
#include <string>

class JobPool {
public:
  explicit JobPool(boost::asio::io_context &ctx) : ctx_(ctx) {}
  void start(std::string name);

private:
  boost::asio::io_context &ctx_;
  std::deque<std::string> queued_;
};

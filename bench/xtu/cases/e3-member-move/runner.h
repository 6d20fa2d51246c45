#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

class Runner {
public:
  explicit Runner(boost::asio::io_context &ctx) : ctx_(ctx) {}
  void detach(boost::asio::awaitable<void> &&job);
  int failures() const { return failures_; }

private:
  boost::asio::io_context &ctx_;
  int failures_ = 0;
};

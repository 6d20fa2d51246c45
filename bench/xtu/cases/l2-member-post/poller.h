#pragma once
#include <boost/asio/io_context.hpp>

class Poller {
public:
  void arm(boost::asio::io_context &ctx);
  int polls() const { return polls_; }

private:
  int polls_ = 0;
};

#include "runner.h"

#include <boost/asio/co_spawn.hpp>
#include <exception>

void Runner::detach(boost::asio::awaitable<void> &&job) {
  boost::asio::co_spawn(ctx_, std::move(job), [this](std::exception_ptr e) {
    if (e)
      ++failures_;
  });
}

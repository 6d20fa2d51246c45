#include "poller.h"

#include <boost/asio/post.hpp>

void Poller::arm(boost::asio::io_context &ctx) {
  boost::asio::post(ctx, [this] { ++polls_; });
  ctx.run();
}

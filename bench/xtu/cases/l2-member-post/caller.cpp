#include "poller.h"

int check_once() {
  Poller poller;
  boost::asio::io_context ctx;
  poller.arm(ctx); // EXPECT-WARN
  return poller.polls();
}

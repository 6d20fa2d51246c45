#include "server.h"

int main() {
  boost::asio::io_context ctx;
  start_server(ctx);
  ctx.run();
  return 0;
}

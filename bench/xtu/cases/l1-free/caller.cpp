#include "server.h"

int main() {
  boost::asio::io_context ctx;
  start_server(ctx); // EXPECT-WARN
  return 0;
}

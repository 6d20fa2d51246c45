#include "jobs.h"

#include <iostream>

int main() {
  boost::asio::io_context ctx;
  int id = 0;
  while (std::cin >> id) {
    start_job(ctx, id); // EXPECT-WARN
  }
  ctx.run();
}

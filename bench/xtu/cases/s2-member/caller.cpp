#include "pool.h"

#include <string>
#include <vector>

int main(int argc, char **argv) {
  boost::asio::io_context ctx;
  JobPool pool(ctx);
  std::vector<std::string> names(argv + 1, argv + argc);
  for (const std::string &name : names) {
    pool.start(name); // EXPECT-WARN
  }
  ctx.run();
}

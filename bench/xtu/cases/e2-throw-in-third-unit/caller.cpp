#include "import.h"
#include "jobs.h"

namespace asio = boost::asio;

int main(int argc, char **) {
  asio::io_context ctx;
  start_job(ctx, import_file(argc - 1)); // EXPECT-WARN
  ctx.run();
}

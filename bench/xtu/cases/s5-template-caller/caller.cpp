#include "jobs.h"

#include <vector>

template <class Range> void start_all(boost::asio::io_context &ctx, const Range &ids) {
  for (int id : ids)
    start_job(ctx, id); // EXPECT-WARN
}

int main(int argc, char **) {
  boost::asio::io_context ctx;
  std::vector<int> ids(static_cast<unsigned>(argc) * 100u, 7);
  start_all(ctx, ids);
  ctx.run();
}

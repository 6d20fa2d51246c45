#include "jobs.h"

#include <stdexcept>

int g_generation = 0;

boost::asio::awaitable<void> refresh(int generation) {
  if (generation < g_generation)
    throw std::runtime_error("stale generation"); // EXPECT-NOTE
  g_generation = generation;
  co_return;
}

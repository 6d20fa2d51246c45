#include "jobs.h"

int g_generation = 0;
int g_stale = 0;

boost::asio::awaitable<void> refresh(int generation) {
  if (generation < g_generation) {
    ++g_stale;
    co_return;
  }
  g_generation = generation;
  co_return;
}

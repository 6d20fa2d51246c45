#include "jobs.h"

#include <deque>

static std::deque<int> g_queue;

void start_job(boost::asio::io_context &, int id) {
  g_queue.push_back(id);
}

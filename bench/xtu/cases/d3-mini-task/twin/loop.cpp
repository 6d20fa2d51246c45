#include "loop.h"

#include <vector>

static std::vector<mini::task> g_tasks;

void enqueue(mini::task t) {
  g_tasks.push_back(std::move(t));
}

void run_loop() {}

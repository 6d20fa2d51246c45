#pragma once
#include "task.h"
#include <future>

task<> refresh_cache();
task<> wait_for_worker(std::future<int> &result);
void flush_logs();

#include "log.h"

#include <chrono>
#include <thread>

int g_log_level = 1;

void flush_logs() {
  std::this_thread::sleep_for(std::chrono::milliseconds(50)); // EXPECT-NOTE
}

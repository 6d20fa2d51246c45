#include "log.h"

#include <chrono>
#include <thread>

int g_pending_lines = 0;

void flush_logs() {
  g_pending_lines = 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(50)); // EXPECT-NOTE
}

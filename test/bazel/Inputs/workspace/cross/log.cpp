#include "cross/log.h"

#include <chrono>
#include <thread>

void flush_logs() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void quiet_flush() {}

#include "disk.h"

#include <chrono>
#include <thread>

void sync_disk() {
  std::this_thread::sleep_for(std::chrono::milliseconds(50)); // EXPECT-NOTE
}

#include "store.h"

#include <chrono>
#include <thread>

template <class T> void save(const T &value) {
  static T last{};
  last = value;
  std::this_thread::sleep_for(std::chrono::milliseconds(10)); // EXPECT-NOTE
}

template void save<int>(const int &);

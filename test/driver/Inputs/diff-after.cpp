#include <thread>
#include "task.h"
demo::task<> f() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  demo::task<> g();
  g();
  co_return;
}
demo::task<> g();

#include <thread>
#include "task.h"
using namespace std::chrono_literals;

struct Incomplete;
demo::task<> broken(Incomplete &I) {
  undeclared_helper(I);
  std::this_thread::sleep_forr(1ms);
  I.get();
  co_return;
}

demo::task<> still_checked() {
  std::this_thread::sleep_for(1ms);
  co_return;
}

template <class T> demo::task<> dependent(T t) {
  t.wait(
  co_return;
}

demo::task<> unfinished() {
  std::this_thread::sleep_for(1ms)

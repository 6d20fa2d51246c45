#include <string>
#include "task.h"
struct Incomplete;
demo::task<> sub();
demo::task<int> by_ref(const std::string &S) { co_return S.size(); }
demo::task<int> by_incomplete(const Incomplete &I);
demo::task<int> broken() {
  std::string Local;
  auto Lambda = [&Local]() -> demo::task<> { co_await missing(); };
  by_incomplete(make_incomplete());
  return by_ref(missing2(Local));
}
demo::task<int> fine() {
  std::string Local;
  return by_ref(Local);
}
demo::task<> fine_lambda() {
  int X = 0;
  auto Named = [X]() -> demo::task<> { co_await sub(); (void)X; };
  return Named();
}
auto half = [x = undeclared]() -> demo::task<> { co_await half(); };
template <class T> demo::task<> dependent(T t) {
  co_await by_ref(t.run(
}

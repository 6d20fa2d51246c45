#include <variant>
#include "task.h"
namespace demo {
template <class... T> task<std::variant<T...>> when_any(task<T>...);
}
demo::task<int> fast();
demo::task<> broken() {
  auto Outcome = co_await demo::when_any(fast(), missing());
  (void)std::get<0>(Outcome);
  auto Other = co_await demo::when_any(fast(), fast());
  (void)std::get<0>(undeclared);
}
demo::task<> fine() {
  auto Outcome = co_await demo::when_any(fast(), fast());
  (void)std::get<0>(Outcome);
}
template <class T> struct any_result { unsigned long index; T results[2]; };
template <class T> task<any_result<T>> when_any_range(T &);
demo::task<> ranged(demo::task<int> (&Tasks)[2]) {
  any_result<demo::task<int>> Any;
  Any = co_await when_any_range(missing_tasks);
  (void)Any.results[undeclared_index];
  co_await Tasks[0];
}
template <class T> demo::task<> dependent(T t) {
  auto Outcome = co_await demo::when_any(t.a(), t.b(
}

// Reduction of qcoro/qcoro#234: a coroutine lambda capturing `this` is called
// in place and its task is handed to a wrapper (QmlTask) that is returned to
// QML. The closure is a temporary of that full expression; after the first
// co_await the coroutine reads `this` through the destroyed closure.
#include "recall_task.hpp"

struct Result {
  int code = 0;
};
rc::task<void> long_function();

// Keeps the task and runs it for the QML side.
class QmlTask {
public:
  explicit QmlTask(rc::task<Result> t) : task_(std::move(t)) {}

private:
  rc::task<Result> task_;
};

class CppBackend {
public:
  // @recall-begin
  QmlTask test() {
    return QmlTask([this]() -> rc::task<Result> { // @bug
      co_await long_function();
      test_call_signal(); // `this` read through the dead closure
      co_return Result{};
    }());
  }
  // @recall-end
  void test_call_signal();
};

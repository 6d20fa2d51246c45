// Fixed twin of qcoro/qcoro#234, in the form the thread and the C++ Core
// Guidelines (CP.51) recommend: no captures; the object is a parameter of the
// coroutine lambda, so it lives in the coroutine frame.
#include "recall_task.hpp"

struct Result {
  int code = 0;
};
rc::task<void> long_function();

class QmlTask {
public:
  explicit QmlTask(rc::task<Result> t) : task_(std::move(t)) {}

private:
  rc::task<Result> task_;
};

class CppBackend {
public:
  QmlTask test() {
    return QmlTask([](CppBackend *self) -> rc::task<Result> {
      co_await long_function();
      self->test_call_signal();
      co_return Result{};
    }(this));
  }
  void test_call_signal();
};

#pragma once
// A stub of asyncpp's one-shot events (petiaccja/asyncpp): set once, an
// await after the set does not suspend (await_ready reads the closed slot).
#include <coroutine>
#include <exception>

namespace asyncpp {

template <class T> class basic_event {
public:
  struct awaitable {
    basic_event *Owner;
    bool await_ready() const { return Owner->Closed; }
    bool await_suspend(std::coroutine_handle<> H) {
      Owner->Waiter = H;
      return true;
    }
    T await_resume() { return *Owner->Value; }
  };
  void set_exception(std::exception_ptr) { Closed = true; }
  awaitable operator co_await() { return {this}; }

protected:
  bool Closed = false;
  T *Value = nullptr;
  std::coroutine_handle<> Waiter;
};

template <class T> class event : public basic_event<T> {
public:
  void set_value(T V) {
    static T Kept = V;
    this->Value = &Kept;
    this->Closed = true;
    if (this->Waiter)
      this->Waiter.resume();
  }
};

} // namespace asyncpp

// A mock of Seastar's futures and per-shard calls, for the checker tests:
// the names and signatures, with bodies that do not call the function
// object, so that the tests judge the calls by the library lists, not by a
// visible implementation.
#pragma once
#include <coroutine>

namespace seastar {
template <class T = void> class future {
public:
  struct promise_type {
    future get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume();
};
template <class T> class sharded {
public:
  T &local();
  template <class Func> future<> invoke_on_all(Func func) { return {}; }
  template <class Func> future<> invoke_on_others(Func func) { return {}; }
  template <class Func> future<> invoke_on(unsigned shard, Func func) {
    return {};
  }
};
template <class T> class peering_sharded_service {
public:
  sharded<T> &container();
};
struct smp {
  template <class Func>
  static future<> submit_to(unsigned shard, Func &&func) {
    return {};
  }
};
namespace coroutine {
// Keeps a pointer to the lambda, which the caller keeps alive by awaiting
// the call in the same full expression.
template <class Func> struct lambda {
  Func *f;
  explicit lambda(Func &&func) : f(&func) {}
  template <class... Args> decltype(auto) operator()(Args &&...args) const {
    return (*f)(static_cast<Args &&>(args)...);
  }
};
template <class Func> lambda(Func &&) -> lambda<Func>;
} // namespace coroutine
} // namespace seastar

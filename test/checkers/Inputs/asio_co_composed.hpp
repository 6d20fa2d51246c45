// A mock of asio's experimental::co_composed: the implementation is a
// coroutine lambda returning void, started at once (suspend_never), whose
// closure lives in the initiation object async_initiate is given.
#pragma once
#include "asio.hpp"
#include <utility>
namespace asio {
namespace experimental {
template <class Signature> struct co_composed_state {
  bool cancelled() const { return false; }
};
template <class Signature> struct co_composed_promise {
  void get_return_object() {}
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void unhandled_exception() { throw; }
  void return_value(error_code) {}
  template <class R> struct awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    R await_resume() const;
  };
  template <class R> awaiter<R> await_transform(deferred_async_operation<R>);
};
template <class Implementation, class Signature> class initiate_co_composed {
public:
  explicit initiate_co_composed(Implementation I) : Impl(std::move(I)) {}
  template <class Handler, class... Args>
  void operator()(Handler &&, Args &&...A) && {
    std::move(Impl)(co_composed_state<Signature>{}, static_cast<Args &&>(A)...);
  }

private:
  Implementation Impl;
};
template <class Signature, class Implementation, class... IoObjects>
auto co_composed(Implementation &&I, IoObjects &&...) {
  using Stored = typename std::remove_reference<Implementation>::type;
  return initiate_co_composed<Stored, Signature>(
      static_cast<Implementation &&>(I));
}
} // namespace experimental
template <class Token, class Signature, class Initiation, class... Args>
void async_initiate(Initiation &&I, Token &&T, Args &&...A) {
  static_cast<Initiation &&>(I)(static_cast<Token &&>(T),
                                static_cast<Args &&>(A)...);
}
} // namespace asio
namespace std {
template <class Signature, class... Args>
struct coroutine_traits<void, asio::experimental::co_composed_state<Signature>,
                        Args...> {
  using promise_type = asio::experimental::co_composed_promise<Signature>;
};
// A lambda's closure comes first.
template <class Signature, class Closure, class... Args>
struct coroutine_traits<void, Closure,
                        asio::experimental::co_composed_state<Signature>,
                        Args...> {
  using promise_type = asio::experimental::co_composed_promise<Signature>;
};
} // namespace std

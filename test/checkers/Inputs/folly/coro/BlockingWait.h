#pragma once
namespace folly::coro {
namespace detail {
// folly defines blockingWait as a function object (a CPO).
struct BlockingWaitFn {
  template <class Awaitable> int operator()(Awaitable &&) const { return 0; }
};
} // namespace detail
inline constexpr detail::BlockingWaitFn blockingWait{};
} // namespace folly::coro

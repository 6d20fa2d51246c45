// Mock async_simple::coro::Latch: wait() is awaited until count_down has
// been called as often as the count says.
#pragma once
#include "Lazy.h"
namespace async_simple::coro {
class Latch {
public:
  explicit Latch(unsigned long count) noexcept;
  Lazy<void> count_down(unsigned long update = 1);
  Lazy<void> wait() const noexcept;
};
} // namespace async_simple::coro

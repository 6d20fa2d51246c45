#pragma once
namespace stdexec {
namespace __sync_wait {
struct sync_wait_t {
  template <class Sender> int operator()(Sender &&) const { return 0; }
};
} // namespace __sync_wait
inline constexpr __sync_wait::sync_wait_t sync_wait{};
struct just_t {
  int operator()(int v) const { return v; }
};
inline constexpr just_t just{};
} // namespace stdexec

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
// A run loop: work scheduled on it runs only in the thread that calls run().
namespace __loop {
class run_loop {
public:
  struct __scheduler {};
  __scheduler get_scheduler() { return {}; }
  void run() {}
  void finish() {}
};
} // namespace __loop
using __loop::run_loop;
struct __schedule_sender {};
struct schedule_t {
  __schedule_sender operator()(run_loop::__scheduler) const { return {}; }
};
inline constexpr schedule_t schedule{};
struct start_detached_t {
  template <class Sender> void operator()(Sender &&) const {}
};
inline constexpr start_detached_t start_detached{};
} // namespace stdexec

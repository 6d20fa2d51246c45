// Minimal stand-in for nanobench, written for linting only.
#pragma once
namespace ankerl::nanobench {
struct Bench {
  Bench &epochs(unsigned long);
  template <class F> Bench &run(const char *, F &&f) { f(); return *this; }
};
} // namespace ankerl::nanobench

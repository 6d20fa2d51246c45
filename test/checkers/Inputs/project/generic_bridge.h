// A library's generic bridges: function templates that run the callable
// their caller hands in, as an executor's submit adapter does. Included
// through -I (not -isystem as the other mocks): clang-tidy does not look
// inside system headers at all, so a bridge there yields no finding.
#pragma once
#include "task.h"
namespace bridge {
template <class F> demo::task<int> run_bridged(F f) { co_return f(); }
template <class F> demo::task<int> submit(F &&f) { return run_bridged(f); }
// Not a bridge to the caller's code: the lambda is the library's own.
template <class T> demo::task<int> own_lambda(T) {
  auto helper = [] { return 2; };
  co_return helper();
}
} // namespace bridge

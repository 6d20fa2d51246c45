// Mock async_simple combinators: collectAll starts each task inline, on
// the awaiting coroutine's thread; collectAllPara schedules each on the
// executor. The defaulted parameter stands for the output allocator.
#pragma once
#include "async_simple/Lazy.h"
#include <vector>
namespace async_simple::coro {
struct DefaultAlloc {};
template <class T>
Lazy<std::vector<Try<T>>> collectAll(std::vector<Lazy<T>> &&Input,
                                     DefaultAlloc Out = DefaultAlloc());
template <class T>
Lazy<std::vector<Try<T>>> collectAllPara(std::vector<Lazy<T>> &&Input,
                                         DefaultAlloc Out = DefaultAlloc());
} // namespace async_simple::coro

#pragma once
namespace cppcoro {
template <class Awaitable> auto sync_wait(Awaitable &&a) { return 0; }
} // namespace cppcoro

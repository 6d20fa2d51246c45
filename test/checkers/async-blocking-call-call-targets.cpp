// The lists' answer for a call is kept per call target for the unit, so
// that each target's names are matched once. A call is known by more than
// its callee: by the callee under the class of its object, and by the
// function object it calls. Two calls of one member on objects of two
// classes, or of two function objects of one type, are answered apart,
// whichever comes first.
// RUN: %check_async_lint %s async-blocking-call %t \
// RUN:   --config="{CheckOptions: {async-blocking-call.BlockingFunctions: \
// RUN:     'vendor::Handle::drain;vendor::flush_now'}}"

#include "task.h"

namespace vendor {
struct Channel {
  void drain();
};
struct Handle : Channel {};
struct Buffer : Channel {};
struct Flusher {
  void operator()() const;
};
inline constexpr Flusher flush_now{};
inline constexpr Flusher flush_later{};
} // namespace vendor

// Silent: the same callees, not listed under these names.
demo::task<> quiet(vendor::Buffer &B) {
  B.drain();
  vendor::flush_later();
  co_return;
}

demo::task<> loud(vendor::Handle &H) {
  H.drain();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'vendor::Handle::drain' blocks the executor thread inside coroutine 'loud' [async-blocking-call]
  vendor::flush_now();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'vendor::flush_now' blocks the executor thread inside coroutine 'loud' [async-blocking-call]
  co_return;
}

// Silent again, after the listed calls were answered.
demo::task<> quiet_again(vendor::Buffer &B) {
  B.drain();
  vendor::flush_later();
  co_return;
}

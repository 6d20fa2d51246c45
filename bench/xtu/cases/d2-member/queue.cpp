#include "queue.h"

void TaskQueue::post(boost::asio::awaitable<void> t) {
  ++posted_;
} // EXPECT-NOTE

#include "queue.h"

void TaskQueue::post(boost::asio::awaitable<void> t) {
  ++posted_;
  tasks_.push_back(std::move(t));
}

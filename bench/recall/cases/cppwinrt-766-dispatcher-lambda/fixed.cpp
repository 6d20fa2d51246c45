// Fixed twin of microsoft/cppwinrt#766, in the form the thread and the
// cppwinrt documentation give: the capture is copied into the coroutine frame
// before the first suspension.
#include "recall_task.hpp"
#include <functional>
#include <iostream>
#include <memory>

struct DispatcherQueue {
  bool TryEnqueue(std::function<void()> handler);
};
rc::later resume_after_seconds(int);

void schedule(DispatcherQueue &queue) {
  auto important = std::make_shared<int>(1337);
  queue.TryEnqueue(
      [still_important = std::move(important)]() -> rc::fire_and_forget {
        auto keep = still_important;
        co_await resume_after_seconds(1);
        std::cout << *keep;
      });
}

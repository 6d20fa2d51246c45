// Reduction of microsoft/cppwinrt#766: a fire_and_forget coroutine lambda with
// a capture is handed to a dispatcher queue, which stores it, calls it once
// and destroys it; the coroutine reads the capture after its co_await.
#include "recall_task.hpp"
#include <functional>
#include <iostream>
#include <memory>

struct DispatcherQueue {
  bool
  TryEnqueue(std::function<void()> handler); // calls it later, then drops it
};
rc::later resume_after_seconds(int);

// @recall-begin
void schedule(DispatcherQueue &queue) {
  auto important = std::make_shared<int>(1337);
  queue.TryEnqueue([still_important =
                        std::move(important)]() -> rc::fire_and_forget { // @bug
    co_await resume_after_seconds(1);
    std::cout << *still_important; // use after free
  });
}
// @recall-end

// Compiled against the real libstdc++ headers: lazy tasks made one per
// element of a runtime range by std::transform, std::ranges::transform (a
// function object with a defaulted projection) and std::views::transform,
// then combined all at once; silent for a std::array, a batch of a constant
// size and a callable that takes a semaphore's slot first.
#include <algorithm>
#include <array>
#include <coroutine>
#include <iterator>
#include <ranges>
#include <span>
#include <vector>

namespace demo {
template <class T = void> struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};
template <class T> task<> when_all(T &&);
struct semaphore {
  task<> acquire();
};
} // namespace demo

demo::task<> handle(int);

demo::task<> by_transform(const std::vector<int> &Items) {
  std::vector<demo::task<>> Tasks;
  std::transform(Items.begin(), Items.end(), std::back_inserter(Tasks),
                 [](int I) { return handle(I); });
  co_await demo::when_all(std::move(Tasks));
}
demo::task<> by_ranges_transform(const std::vector<int> &Items) {
  std::vector<demo::task<>> Tasks;
  std::ranges::transform(Items, std::back_inserter(Tasks), handle);
  co_await demo::when_all(std::move(Tasks));
}
demo::task<> by_view(const std::vector<int> &Items) {
  auto View = Items | std::views::transform(handle);
  std::vector<demo::task<>> Tasks(View.begin(), View.end());
  co_await demo::when_all(std::move(Tasks));
  co_await demo::when_all(Items | std::views::transform(handle));
}

// Silent.
demo::task<> fixed() {
  std::array<int, 3> Three{1, 2, 3};
  co_await demo::when_all(Three | std::views::transform(handle));
}
demo::task<> batches(std::span<const int> Items) {
  for (std::size_t I = 0; I < Items.size(); I += 16) {
    auto Chunk = Items.subspan(I, std::min<std::size_t>(16, Items.size() - I));
    co_await demo::when_all(Chunk | std::views::transform(handle));
  }
  co_await demo::when_all(Items | std::views::take(8) |
                          std::views::transform(handle));
}
demo::task<> limited(const std::vector<int> &Items, demo::semaphore &Slots) {
  co_await demo::when_all(
      Items | std::views::transform([&](int I) -> demo::task<> {
        co_await Slots.acquire();
        co_await handle(I);
      }));
}

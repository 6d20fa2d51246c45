// The kelcoro holdout's spawn facts on the real libstdc++ headers: a
// range-based for over std::views::iota with constant bounds is bounded,
// one with a runtime bound or without an end is not; std::move of a task in
// a vector starts nothing; a task joined by get() where it is made does not
// pile up.
#include <atomic>
#include <coroutine>
#include <ranges>
#include <utility>
#include <vector>

struct job {
  struct promise_type {
    job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct result {
  struct promise_type {
    result get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int) {}
    void unhandled_exception() {}
  };
  std::atomic<bool> *Ready;
  int get() && {   // waits until the coroutine has ended
    Ready->wait(false);
    return 0;
  }
};
job notify(int);
result compute(int);
void watch(result &&);
std::vector<result> Backlog;

void fixed() {
  for (int I : std::views::iota(0, 10))
    notify(I);
  for (int I : std::ranges::iota_view(0, 4))
    notify(I);
}

void runtime(int N) {
  for (int I : std::views::iota(0, N))
    notify(I);
  for (int I : std::views::iota(0))
    notify(I);
}

int existing(const std::vector<int> &Input) {
  int Sum = 0;
  for (result &R : Backlog)
    watch(std::move(R));
  for (int X : Input)
    Sum += compute(X).get();
  return Sum;
}

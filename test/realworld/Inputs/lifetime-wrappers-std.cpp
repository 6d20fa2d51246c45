// Issue #24 shapes 1, 3 and 4 against the real C++ standard library headers:
// std::function's call operator (defined in the header), std::string's
// conversion to std::string_view, and operator+.
#include <coroutine>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

template <class T> struct lazy {
  struct promise_type {
    lazy get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};
struct eager {
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};

lazy<int> fetch(const std::string &Key) { co_return Key.size(); }
lazy<int> fetch_copy(std::string Key) { co_return Key.size(); }
std::string make_key();

lazy<int> through_function() {
  std::function<lazy<int>(const std::string &)> Direct = fetch;
  auto T = Direct(make_key());
  std::function<lazy<int>(const std::string &)> Copying = fetch_copy;
  auto U = Copying(make_key());
  co_await U;
  co_return co_await T;
}

struct row {
  std::string Name;
};
struct op {
  row Result;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  row &await_resume() { return Result; }
};
op query();
lazy<int> view_of_result() {
  std::string_view Name = (co_await query()).Name;
  std::string Copy = (co_await query()).Name;
  co_return Name.size() + Copy.size();
}

eager send(const std::string &Text);
lazy<int> concatenation(std::string Prefix) {
  auto T = send(Prefix + "/x");
  co_await T;
  co_return 0;
}

// Compiled against the real libcoro headers of prepare.sh: a capturing
// coroutine lambda called in place as the argument of
// thread_pool::spawn_detached, which keeps the task and not the closure.
#include <coro/coro.hpp>
#include <string>
#include <utility>

void use(const std::string &);
coro::task<void> step();

void start(coro::thread_pool &Pool, std::string Name) {
  Pool.spawn_detached([Name]() -> coro::task<void> {
    co_await step();
    use(Name);
  }());
}

// Silent: awaited in the full expression that made the closure, and a
// parameter copied into the coroutine's frame.
coro::task<void> joined(coro::thread_pool &Pool, std::string Name) {
  co_await Pool.spawn_joinable([Name]() -> coro::task<void> {
    use(Name);
    co_return;
  }());
  Pool.spawn_detached([](std::string Copy) -> coro::task<void> {
    use(Copy);
    co_return;
  }(Name));
}

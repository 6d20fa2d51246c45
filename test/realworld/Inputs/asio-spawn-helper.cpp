// A helper that returns the awaitable of a spawn (co_spawn with
// use_awaitable) hands its caller the task's fate: awaiting what it returns
// waits for the spawned task, so a closure that is a local of the awaiting
// coroutine outlives it. Returned on, the task outlives the function.
#include <boost/asio.hpp>
#include <string>
#include <utility>

namespace asio = boost::asio;

void use(const std::string &);

asio::awaitable<void> run_on(asio::io_context &Ctx, asio::awaitable<void> T) {
  return asio::co_spawn(Ctx, std::move(T), asio::use_awaitable);
}
template <class Task> auto run_on_t(asio::io_context &Ctx, Task T) {
  return asio::co_spawn(Ctx, std::move(T), asio::use_awaitable);
}
#define RUN_ON(ctx, t) run_on(ctx, t)

// Silent: the spawned task is awaited through the helper.
asio::awaitable<void> awaited(asio::io_context &Ctx, std::string S) {
  auto L = [S]() -> asio::awaitable<void> {
    co_await asio::this_coro::executor;
    use(S);
  };
  co_await run_on(Ctx, L());
}
asio::awaitable<void> awaited_template(asio::io_context &Ctx, std::string S) {
  auto L = [S]() -> asio::awaitable<void> {
    co_await asio::this_coro::executor;
    use(S);
  };
  co_await run_on_t(Ctx, L());
}
asio::awaitable<void> awaited_macro(asio::io_context &Ctx, std::string S) {
  auto L = [S]() -> asio::awaitable<void> {
    co_await asio::this_coro::executor;
    use(S);
  };
  co_await RUN_ON(Ctx, L());
}
asio::awaitable<void> awaited_later(asio::io_context &Ctx, std::string S) {
  auto L = [S]() -> asio::awaitable<void> {
    co_await asio::this_coro::executor;
    use(S);
  };
  auto Join = run_on(Ctx, L());
  co_await std::move(Join);
}

// Reported: the helper's awaitable is returned, and the closure dies with
// the function.
asio::awaitable<void> returned(asio::io_context &Ctx, std::string S) {
  auto L = [S]() -> asio::awaitable<void> {
    co_await asio::this_coro::executor;
    use(S);
  };
  return run_on(Ctx, L()); // POSITIVE
}

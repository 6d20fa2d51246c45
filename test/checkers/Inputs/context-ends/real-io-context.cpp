// Tasks spawned on a local boost::asio::io_context (Boost 1.81's real
// headers): what ends them before the locals they borrow die.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;

asio::awaitable<void> call(std::string &name);

asio::awaitable<void> request(std::string &name) {
  co_await call(name);
  name += "!";
}

// Silent: runner threads joined after the guard's reset.
void joined_runners() {
  std::string name = "world";
  asio::io_context io;
  auto guard = asio::make_work_guard(io);
  std::vector<std::thread> threads(2);
  for (auto &t : threads)
    t = std::thread([&] { io.run(); });
  for (int i = 0; i < 4; ++i)
    asio::co_spawn(io, request(name), asio::detached);
  guard.reset();
  for (auto &t : threads)
    t.join();
}

// Silent: the context dies first and destroys the task it did not run.
void context_dies_first() {
  bool invoked = false;
  std::string name = "world";
  {
    asio::io_context io;
    asio::post(io, [&] { io.stop(); });
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
          co_await call(name);
          invoked = true;
        },
        asio::detached);
    io.run();
  }
}

// Reported: stopped before its run, the context (declared first) outlives
// 'name' with the task suspended on it.
void stopped_before_run() {
  asio::io_context io;
  std::string name = "world";
  io.stop();
  asio::co_spawn(io, request(name), asio::detached);
  io.run();
}

// Reported: the runner is detached.
void runner_detached() {
  std::string name = "world";
  asio::io_context io;
  auto guard = asio::make_work_guard(io);
  std::thread runner([&] { io.run(); });
  asio::co_spawn(
      io, [&]() -> asio::awaitable<void> { co_await call(name); },
      asio::detached);
  runner.detach();
}

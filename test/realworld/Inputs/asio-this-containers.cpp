// async-dangling-reference on real headers (standalone asio, libstdc++):
// '*this' behind a weak reference, and holds into member containers.
#include <asio.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct session : std::enable_shared_from_this<session> {
  asio::steady_timer Timer;
  std::vector<std::string> Lines;
  std::unordered_map<int, std::string> Names;
  int Count = 0;
  explicit session(asio::io_context &Ctx) : Timer(Ctx) {}
  void add(int K) {
    Lines.push_back("x");
    Names[K] = "y";
  }
  asio::awaitable<void> tick() {
    std::weak_ptr<session> Weak = weak_from_this();
    co_await Timer.async_wait(asio::use_awaitable);
    ++Count;
    if (auto Self = Weak.lock())
      ++Count;
  }
  asio::awaitable<void> send() {
    for (const std::string &Line : Lines)
      co_await Timer.async_wait(asio::use_awaitable);
    auto It = Names.find(1);
    const std::string &Name = Names.at(2);
    co_await Timer.async_wait(asio::use_awaitable);
    (void)(It != Names.end());
    (void)Name.size();
  }
  void start() {
    asio::co_spawn(Timer.get_executor(), tick(), asio::detached);
  }
};

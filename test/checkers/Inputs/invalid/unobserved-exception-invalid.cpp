#include <stdexcept>
#include <thread>
#include "asio.hpp"
asio::awaitable<void> broken() {
  co_await missing();
  throw std::runtime_error(undeclared);
}
asio::awaitable<void> fine() {
  throw std::runtime_error("x");
  co_return;
}
void start(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, broken(), asio::detached);
  asio::co_spawn(Ctx, fine(), asio::detached);
  std::thread T([] { unknown(); });
}
void handlers(asio::io_context &Ctx) {
  auto H = [](auto E) { (void)missing_use; };
  asio::co_spawn(Ctx, fine(), H);
  asio::co_spawn(Ctx, broken(), [](std::exception_ptr) {});
}
template <class T> void dependent(T t) {
  asio::co_spawn(t.ctx(), t.run(
}

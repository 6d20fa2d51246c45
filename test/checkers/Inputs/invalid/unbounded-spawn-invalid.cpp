#include <vector>
#include "asio.hpp"
asio::awaitable<void> process(int);
void broken(asio::io_context &Ctx, const std::vector<int> &Items) {
  for (int Item : missing)
    asio::co_spawn(Ctx, process(Item), asio::detached);
  while (undeclared())
    asio::co_spawn(Ctx, unknown_task(), asio::detached);
}
void fine(asio::io_context &Ctx, const std::vector<int> &Items) {
  for (int Item : Items)
    asio::co_spawn(Ctx, process(Item), asio::detached);
}
template <class T> void dependent(T t) {
  for (;;)
    asio::co_spawn(t.ctx(), t.run(
}

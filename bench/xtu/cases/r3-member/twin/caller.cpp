#include "conn.h"

#include <string>

boost::asio::awaitable<void> notify(Connection &conn, int id) {
  std::string text = std::string("job ") + std::to_string(id);
  auto pending = conn.send(text);
  co_await std::move(pending);
}

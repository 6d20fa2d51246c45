#include "conn.h"

#include <string>

boost::asio::awaitable<void> notify(Connection &conn, int id) {
  auto pending = conn.send(std::string("job ") + std::to_string(id)); // EXPECT-WARN
  co_await std::move(pending);
}

#include "jobs.h"

#include "parse.h"

int g_value = 0;

boost::asio::awaitable<void> reload(int raw) {
  g_value = co_await parse_config(raw); // EXPECT-NOTE
}

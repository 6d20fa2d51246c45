#include "import.h"

#include <stdexcept>

int g_imported = 0;

boost::asio::awaitable<void> import_file(int size) {
  if (size <= 0)
    throw std::runtime_error("empty file"); // EXPECT-NOTE
  g_imported += size;
  co_return;
}

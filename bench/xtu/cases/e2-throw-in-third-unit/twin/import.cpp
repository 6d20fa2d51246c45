#include "import.h"

int g_imported = 0;
int g_empty = 0;

boost::asio::awaitable<void> import_file(int size) {
  if (size <= 0) {
    ++g_empty;
    co_return;
  }
  g_imported += size;
  co_return;
}

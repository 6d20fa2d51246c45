#include "loop.h"

static int g_count = 0;

mini::task count_up() {
  ++g_count;
  co_return;
}

int main() {
  enqueue(count_up()); // EXPECT-WARN
  run_loop();
}

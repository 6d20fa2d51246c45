#include "loop.h"

static int g_enqueued = 0;

void enqueue(mini::task t) {
  ++g_enqueued;
} // EXPECT-NOTE

void run_loop() {}

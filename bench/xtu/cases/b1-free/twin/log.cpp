#include "log.h"

int g_pending_lines = 0;
int g_flushes = 0;

void flush_logs() {
  g_pending_lines = 0;
  ++g_flushes;
}

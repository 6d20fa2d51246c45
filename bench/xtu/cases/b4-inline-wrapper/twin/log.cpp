#include "log.h"

int g_log_level = 1;
int g_flushes = 0;

void flush_logs() {
  ++g_flushes;
}

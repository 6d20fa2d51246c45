#pragma once

void flush_logs();

extern int g_log_level;

// Flushes only when logging is on.
inline void maybe_flush() {
  if (g_log_level > 0)
    flush_logs();
}

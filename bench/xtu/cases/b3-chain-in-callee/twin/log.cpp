#include "log.h"

namespace app::log {
namespace {
int g_written = 0;

void write_out(int n) {
  g_written += n;
}
} // namespace

void flush_logs(int level) {
  if (level > 0)
    write_out(level);
}
} // namespace app::log

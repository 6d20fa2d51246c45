#include "cross/log.h"
#include <base/task.h>

task run() {
  flush_logs();
  quiet_flush();
  co_return;
}

#pragma once

namespace app::log {
void flush_logs(int level);
}

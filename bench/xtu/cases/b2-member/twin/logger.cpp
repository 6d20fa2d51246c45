#include "logger.h"

void Logger::flush() {
  lines_.clear();
}

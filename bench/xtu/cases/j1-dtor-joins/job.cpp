#include "job.h"

job::~job() {
  if (handle_ && handle_.promise().done)
    handle_.destroy();
}

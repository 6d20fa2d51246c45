#include "job.h"

job::~job() {
  if (handle_) {
    handle_.promise().done.wait(false);
    handle_.destroy();
  }
}

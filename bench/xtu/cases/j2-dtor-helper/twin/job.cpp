#include "job.h"

void job::wait_done() {
  handle_.promise().done.wait(false);
}

job::~job() {
  if (handle_) {
    wait_done();
    handle_.destroy();
  }
}

#include "job.h"

void job::wait_done() {
  if (!handle_.promise().done)
    return; // still running: leave it
}

job::~job() {
  if (handle_) {
    wait_done();
    if (handle_.promise().done)
      handle_.destroy();
  }
}

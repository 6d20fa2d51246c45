// Reduction of scylladb/scylladb#11195: when updating the CDC streams
// description fails, a retry loop is started in the background in a
// seastar::thread and its future is discarded ("safe to discard"). The
// abortable sleep at the top of the loop is outside the loop's try block, so
// on shutdown it throws sleep_aborted out of the thread, and the discarded
// future reports "Exceptional future ignored".
#include "seastar_sync_mock.hpp"

void do_update_description(long generation);
void log_retry(long generation);

// @recall-begin
void update_description(long generation, seastar::abort_source &as) {
  try {
    do_update_description(generation);
  } catch (...) {
    log_retry(generation);
    (void)seastar::async([generation, &as] { // @bug
      while (true) {
        seastar::sleep_abortable(60, as).get();
        try {
          do_update_description(generation);
          return;
        } catch (...) {
          log_retry(generation);
        }
      }
    });
  }
}
// @recall-end

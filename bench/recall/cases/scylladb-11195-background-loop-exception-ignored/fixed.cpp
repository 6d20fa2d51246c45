// Fixed twin of scylladb/scylladb#11195: the background loop handles the
// failure of its sleep (an abort on shutdown) and ends, so nothing escapes the
// discarded future. (ScyllaDB's later code catches sleep_aborted the same way.)
#include "seastar_sync_mock.hpp"

void do_update_description(long generation);
void log_retry(long generation);
void log_aborted(long generation);

void update_description(long generation, seastar::abort_source &as) {
  try {
    do_update_description(generation);
  } catch (...) {
    log_retry(generation);
    (void)seastar::async([generation, &as] {
      while (true) {
        try {
          seastar::sleep_abortable(60, as).get();
        } catch (const seastar::sleep_aborted &) {
          log_aborted(generation);
          return;
        }
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

// async-work-never-run on the real concurrencpp headers: a manual_executor
// that is a local of the function.
#include "concurrencpp/concurrencpp.h"

void job() {}

void postedNeverLooped() {
  concurrencpp::manual_executor Ex;
  Ex.post(job);
  Ex.wait_for_task();
}

void submittedThenLooped() {
  concurrencpp::manual_executor Ex;
  auto R = Ex.submit([] { return 1; });
  Ex.loop_once();
}

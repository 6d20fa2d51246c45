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

// The executor the runtime makes, held by the local shared_ptr it returns:
// the runtime keeps it only to shut it down.
void postedThroughRuntime(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
}

void postedThroughRuntimeLooped(concurrencpp::runtime &Runtime) {
  auto Ex = Runtime.make_manual_executor();
  Ex->post(job);
  Ex->loop(1);
}

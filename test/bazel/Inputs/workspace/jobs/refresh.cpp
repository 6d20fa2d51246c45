// Analysed with the target's flags: the include path and the defines of
// //base:task and the local define of //jobs:jobs, else it does not compile.
#include <base/task.h>

#include <chrono>
#include <thread>

#if !defined(BASE_TASK_API) || !defined(JOBS_INTERVAL_MS)
#error "compiled without the target's defines"
#endif

task refresh() {
  std::this_thread::sleep_for(std::chrono::milliseconds(JOBS_INTERVAL_MS));
  co_return;
}

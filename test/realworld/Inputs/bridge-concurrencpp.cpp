// A lambda handed to the real concurrencpp's thread_executor::submit, which
// runs it inside the library's coroutine submit_bridge (executor.h).
#include <chrono>
#include <thread>

#include "concurrencpp/concurrencpp.h"

concurrencpp::result<int> sleeps(concurrencpp::runtime &rt) {
  return rt.thread_executor()->submit([] {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    return 1;
  });
}

concurrencpp::result<int> computes(concurrencpp::runtime &rt) {
  return rt.thread_executor()->submit([] { return 2; });
}

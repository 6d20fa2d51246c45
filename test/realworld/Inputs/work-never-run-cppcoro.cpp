// async-work-never-run on the real cppcoro headers: a coroutine lambda that
// sync_wait starts awaits the schedule() of a local io_service that nothing
// runs, so it never resumes and sync_wait never returns.
#include <cppcoro/io_service.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>
#include <thread>

void work() {}

void neverProcessed() {
  cppcoro::io_service io;
  cppcoro::sync_wait([&]() -> cppcoro::task<> {
    co_await io.schedule();
    work();
  }());
}

// A thread processes the events: silent.
void processedOnThread() {
  cppcoro::io_service io;
  std::thread t([&] { io.process_events(); });
  cppcoro::sync_wait([&]() -> cppcoro::task<> {
    co_await io.schedule();
    io.stop();
  }());
  t.join();
}

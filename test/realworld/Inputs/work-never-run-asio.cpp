// async-work-never-run on the real asio headers: Boost.Asio (ASIO_NS=
// boost::asio) or standalone asio (ASIO_NS=asio).
#ifdef USE_BOOST
#include <boost/asio.hpp>
#else
#include <asio.hpp>
#endif
#include <chrono>
#include <thread>

namespace net = ASIO_NS;

net::awaitable<void> serve() { co_return; }
void job() {}
bool failed();

void spawnNeverRun() {
  net::io_context Ctx;
  net::co_spawn(Ctx, serve(), net::detached);
}

int earlyReturn() {
  net::io_context Ctx;
  net::post(Ctx.get_executor(), job);
  if (failed())
    return 1;
  Ctx.run();
  return 0;
}

void timerNeverRun() {
  net::io_context Ctx;
  net::steady_timer Timer(Ctx, std::chrono::seconds(1));
  Timer.async_wait([](auto) {});
  Ctx.stop();
}

void strandExecutor() {
  net::io_context Ctx;
  auto Strand = net::make_strand(Ctx);
  net::dispatch(Strand, job);
}

// Silent twins.
void runs() {
  net::io_context Ctx;
  net::signal_set Signals(Ctx, 2);
  Signals.async_wait([](auto, int) {});
  net::co_spawn(Ctx, serve(), net::detached);
  Ctx.run();
}

void runsInThread() {
  net::io_context Ctx;
  auto Guard = net::make_work_guard(Ctx);
  std::thread Runner([&Ctx] { Ctx.run(); });
  net::post(Ctx, job);
  Guard.reset();
  Runner.join();
}

void polls() {
  net::io_context Ctx{1};
  net::any_io_executor Ex = Ctx.get_executor();
  net::post(Ex, job);
  while (Ctx.poll_one()) {
  }
}

// A thread started before the context has work, with no guard: its run()
// may return at once, and the work posted after it is run by nobody.
void threadBeforeWork() {
  net::io_context Ctx;
  std::thread Runner([&Ctx] { Ctx.run(); });
  net::post(Ctx, job);
  Runner.join();
}

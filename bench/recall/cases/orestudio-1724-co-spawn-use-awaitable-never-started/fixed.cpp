// Fixed twin of OreStudio/OreStudio#1724: start_all() is spawned detached, so
// it starts at once, and signals its end through a timer that run() awaits
// before stopping and destroying the supervisor.
#include <boost/asio.hpp>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;

namespace nats {
class client {
public:
  explicit client(std::string url);
  void connect(); // blocking; throws when the server cannot be reached
};
} // namespace nats

// Starts, watches and stops the child services; owns a thread pool for its
// database work, joined by its destructor.
class process_supervisor {
public:
  process_supervisor(asio::io_context &ioc, std::filesystem::path bin_dir)
      : ioc_(ioc), bin_dir_(std::move(bin_dir)) {}

  asio::awaitable<void> start_all() {
    for (const auto &name : read_service_names()) {
      co_await launch(name);
      note_log_path(bin_dir_ / "log" / name); // reads the supervisor's state
    }
  }

  asio::awaitable<void> stop_all();

private:
  std::vector<std::string> read_service_names() const;
  asio::awaitable<void> launch(const std::string &name);
  void note_log_path(const std::filesystem::path &p);

  asio::io_context &ioc_;
  std::filesystem::path bin_dir_;
  asio::thread_pool db_pool_{1};
};

// Serves requests until the service is told to shut down.
asio::awaitable<void> run_service_loop(asio::io_context &ioc,
                                       nats::client &nats);

asio::awaitable<void> application_run(asio::io_context &io_ctx,
                                      std::string nats_url) {
  process_supervisor supervisor(io_ctx, "/opt/ores/bin");

  // Spawned detached; completion is signalled by moving a timer's expiry into
  // the past, and run() waits for that before the supervisor is touched again
  // or destroyed, on every path.
  auto start_all_done = std::make_shared<asio::steady_timer>(
      io_ctx, asio::steady_timer::time_point::max());
  auto start_all_failure = std::make_shared<std::exception_ptr>();
  asio::co_spawn(
      io_ctx,
      [&supervisor, start_all_done,
       start_all_failure]() -> asio::awaitable<void> {
        try {
          co_await supervisor.start_all();
        } catch (...) {
          *start_all_failure = std::current_exception();
        }
        start_all_done->expires_at(asio::steady_timer::time_point::min());
      },
      asio::detached);

  std::exception_ptr failure;
  try {
    nats::client nats(nats_url);
    nats.connect();
    co_await run_service_loop(io_ctx, nats);
  } catch (const std::exception &) {
    failure = std::current_exception();
  }

  try {
    co_await start_all_done->async_wait(asio::use_awaitable);
  } catch (const boost::system::system_error &e) {
    if (e.code() != asio::error::operation_aborted)
      throw;
  }
  if (*start_all_failure && !failure)
    failure = *start_all_failure;

  co_await supervisor.stop_all();
  if (failure)
    std::rethrow_exception(failure);
}

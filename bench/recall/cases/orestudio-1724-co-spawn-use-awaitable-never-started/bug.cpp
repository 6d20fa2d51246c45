// Reduction of OreStudio/OreStudio#1724 ([ores.controller] Fix start_all()
// never resuming (co_spawn use_awaitable hazard)): run() means to start all
// services "in the background" and keeps the task joinable by spawning it with
// use_awaitable, awaiting it only at shutdown. With use_awaitable the spawn is
// only initiated when the returned awaitable is co_awaited, so start_all()
// does not start while run() awaits the long-running service loop: the
// services are never launched.
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

// @recall-begin
asio::awaitable<void> application_run(asio::io_context &io_ctx,
                                      std::string nats_url) {
  process_supervisor supervisor(io_ctx, "/opt/ores/bin");

  // Start all services in the background; kept joinable so any exception
  // below can wait for it before the supervisor is destroyed.
  auto start_all_task = asio::co_spawn(io_ctx, supervisor.start_all(), // @bug
                                       asio::use_awaitable);

  std::exception_ptr failure;
  try {
    nats::client nats(nats_url);
    nats.connect();
    co_await run_service_loop(io_ctx, nats);
  } catch (const std::exception &) {
    failure = std::current_exception();
  }

  try {
    co_await std::move(start_all_task);
  } catch (const std::exception &) {
    if (!failure)
      failure = std::current_exception();
  }

  co_await supervisor.stop_all();
  if (failure)
    std::rethrow_exception(failure);
}
// @recall-end

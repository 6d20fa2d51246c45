// Reduction of OreStudio/OreStudio commit 37554bc6d ([ores.controller] Fix
// use-after-free race on NATS connect failure): the controller's run()
// coroutine spawns the supervisor's start_all() member coroutine detached on
// the io_context, then makes a blocking, throwing NATS connect. When connect()
// throws, run() unwinds and destroys the local supervisor (joining its thread
// pool) while the detached start_all() is still running on it; start_all()
// then reads the dead supervisor's members.
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

  // @recall-begin
  asio::awaitable<void> start_all() {
    for (const auto &name : read_service_names()) {
      co_await launch(name);
      note_log_path(bin_dir_ / "log" / name); // reads the supervisor's state
    }
  }
  // @recall-end

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

  // Start all services in the background.
  asio::co_spawn(io_ctx, supervisor.start_all(), asio::detached); // @bug

  nats::client nats(nats_url);
  nats.connect();
  co_await run_service_loop(io_ctx, nats);

  co_await supervisor.stop_all();
}
// @recall-end

// Fixed twin of OreStudio/OreStudio commit de2771c24: monitor_process() hops
// to a one-thread pool for the blocking database section and back to the
// io_context before it touches processes_ or spawns again.
#include "stop25_mocks.hpp"
#include <boost/asio.hpp>
#include <map>
#include <memory>
#include <string>
#include <utility>

namespace asio = boost::asio;

struct service_instance {
  std::string name;
  int replica = 0;
  std::string phase;
};

// The repository runs its statements through libpqxx on the calling thread.
class service_instance_repository {
public:
  void update_phase(pqxx::connection &db, const service_instance &inst) {
    pqxx::work txn(db);
    txn.exec("UPDATE service_instance SET phase = '" + inst.phase +
             "' WHERE name = '" + inst.name + "'");
    txn.commit();
  }
};

struct process_entry {
  service_instance inst;
  bool stop_requested = false;
  asio::awaitable<int> wait_for_exit(); // completes when the child exits
};

class process_supervisor {
public:
  asio::awaitable<void> monitor_process(std::shared_ptr<process_entry> entry) {
    const int exit_code = co_await entry->wait_for_exit();
    processes_.erase(entry->inst.name);

    co_await asio::post(
        asio::bind_executor(db_pool_.get_executor(), asio::use_awaitable));
    entry->inst.phase = entry->stop_requested ? "stopped" : "failed";
    service_instance_repository repo;
    repo.update_phase(db_, entry->inst);
    co_await asio::post(
        asio::bind_executor(ioc_.get_executor(), asio::use_awaitable));

    if (entry->stop_requested || exit_code == 0)
      co_return;
    asio::co_spawn(ioc_, relaunch(entry), asio::detached);
  }

private:
  asio::awaitable<void> relaunch(std::shared_ptr<process_entry> entry);

  asio::io_context &ioc_;
  pqxx::connection &db_;
  asio::thread_pool db_pool_{1};
  std::map<std::string, std::shared_ptr<process_entry>> processes_;
};

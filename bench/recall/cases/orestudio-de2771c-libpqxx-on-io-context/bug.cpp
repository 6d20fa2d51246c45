// Reduction of OreStudio/OreStudio commit de2771c24 ([controller] Fix shutdown
// latency: offload DB writes to thread pool): monitor_process() runs on the
// controller's single-threaded io_context; after a child exits it records the
// new phase in PostgreSQL through libpqxx, which blocks the io_context thread
// for the whole round trip. During shutdown every exit notification waits
// behind the previous one's database writes (7 s per service observed).
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
  // @recall-begin
  asio::awaitable<void> monitor_process(std::shared_ptr<process_entry> entry) {
    const int exit_code = co_await entry->wait_for_exit();
    processes_.erase(entry->inst.name);

    entry->inst.phase = entry->stop_requested ? "stopped" : "failed";
    service_instance_repository repo;
    repo.update_phase(db_, entry->inst); // @bug

    if (entry->stop_requested || exit_code == 0)
      co_return;
    asio::co_spawn(ioc_, relaunch(entry), asio::detached);
  }
  // @recall-end

private:
  asio::awaitable<void> relaunch(std::shared_ptr<process_entry> entry);

  asio::io_context &ioc_;
  pqxx::connection &db_;
  std::map<std::string, std::shared_ptr<process_entry>> processes_;
};

// Fixed twin of clice-io/clice#444: the vector's capacity is reserved before
// the workers are spawned, and the reference to the entry is taken after the
// wait.
#include "stop26_mocks.hpp"
#include <cstddef>
#include <string>
#include <vector>

void log_error(const std::string &name, int code, int restarts);

class worker_pool {
public:
  bool start(std::size_t count) {
    workers.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (!spawn_worker())
        return false;
      monitor_group.spawn(monitor_worker(workers.size() - 1));
    }
    return true;
  }

private:
  struct worker_process {
    kota::process proc;
    bool alive = false;
    int restart_count = 0;
  };

  bool spawn_worker() {
    workers.push_back(worker_process{launch(), true, 0});
    return true;
  }

  kota::task<> monitor_worker(std::size_t index) {
    auto name = "SL-" + std::to_string(index);
    auto result = co_await workers[index].proc.wait();
    auto &w = workers[index];
    w.alive = false;
    if (shutting_down)
      co_return;
    if (result.has_value())
      log_error(name, result.value().exit_code, w.restart_count);
  }

  kota::process launch();

  std::vector<worker_process> workers;
  kota::task_group monitor_group;
  bool shutting_down = false;
};

// Reduction of clice-io/clice#489: a coroutine of the server holds an
// iterator into a hash map of the workspace across awaits; while it is
// suspended, a didSave handler may insert into or erase from the map (a
// rehash invalidates the iterator), and the resumed coroutine dereferences it.
#include "recall_task.hpp"
#include <string>
#include <unordered_map>

struct ModuleInfo {
  std::string name;
  std::string pcm_path;
};
rc::task<bool> send_build_request(std::string path);
void log_built(const std::string &);

class Workspace {
public:
  // @recall-begin
  rc::task<void> build_module(std::string path) {
    auto mod_it = path_to_module_.find(path);
    if (mod_it == path_to_module_.end())
      co_return;
    bool ok = co_await send_build_request(path);
    if (ok)
      log_built(mod_it->second.name); // @bug
  }
  // @recall-end

  void did_save(const std::string &path, ModuleInfo info) {
    path_to_module_[path] = std::move(info);
  }

private:
  std::unordered_map<std::string, ModuleInfo> path_to_module_;
};

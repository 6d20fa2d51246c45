// Fixed twin of clice-io/clice#489: the module name is copied out before any
// suspension; the iterator is not used after it.
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
  rc::task<void> build_module(std::string path) {
    auto mod_it = path_to_module_.find(path);
    if (mod_it == path_to_module_.end())
      co_return;
    std::string name = mod_it->second.name;
    bool ok = co_await send_build_request(path);
    if (ok)
      log_built(name);
  }

  void did_save(const std::string &path, ModuleInfo info) {
    path_to_module_[path] = std::move(info);
  }

private:
  std::unordered_map<std::string, ModuleInfo> path_to_module_;
};

// Fixed twin of ffmpeginteropx/FFmpegInteropX#287: the lock is held only
// around the work done on one thread, and taken again after the switch.
#include "recall_task.hpp"
#include <mutex>
#include <string>

rc::later resume_on_caller_context();
void parse_subtitle(const std::string &);

class MediaSource {
public:
  rc::task<void> add_external_subtitle(std::string uri) {
    {
      std::lock_guard<std::recursive_mutex> lock(mutex_);
      parse_subtitle(uri);
    }
    co_await resume_on_caller_context();
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    ++subtitle_count_;
  }

private:
  std::recursive_mutex mutex_;
  int subtitle_count_ = 0;
};

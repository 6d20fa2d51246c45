// Reduction of ffmpeginteropx/FFmpegInteropX#287: an async method takes a
// std::lock_guard on a recursive_mutex, then co_awaits a switch back to the
// caller's apartment; the guard is destroyed on another thread and unlock()
// fails there.
#include "recall_task.hpp"
#include <mutex>
#include <string>

rc::later resume_on_caller_context();
void parse_subtitle(const std::string &);

class MediaSource {
public:
  // @recall-begin
  rc::task<void> add_external_subtitle(std::string uri) {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    parse_subtitle(uri);
    co_await resume_on_caller_context(); // @bug
    ++subtitle_count_;
  }
  // @recall-end

private:
  std::recursive_mutex mutex_;
  int subtitle_count_ = 0;
};

// Fixed twin of ceph/ceph#29553: the lock is moved into async_wait(), whose
// initiation stores the completion and then unlocks, so the mutex is released
// before the coroutine suspends and finish() can take it.
#include <boost/asio.hpp>
#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/spawn.hpp>
#include <mutex>

namespace asio = boost::asio;
using boost::system::error_code;

class http_req_data {
public:
  explicit http_req_data(asio::any_io_executor ex) : ex_(std::move(ex)) {}

  template <class CompletionToken>
  auto async_wait(std::unique_lock<std::mutex> &&lock,
                  CompletionToken &&token) {
    return asio::async_initiate<CompletionToken, void(error_code)>(
        [this, lock = std::move(lock)](auto handler) mutable {
          completion_ = std::move(handler);
          lock.unlock(); // unlock before suspending
        },
        token);
  }

  int wait(asio::yield_context yield) {
    std::unique_lock l{lock_};
    if (done_)
      return ret_;
    error_code ec;
    async_wait(std::move(l), yield[ec]);
    return -ec.value();
  }

  void finish(int r) {
    std::lock_guard l{lock_};
    ret_ = r;
    done_ = true;
    if (completion_)
      asio::post(ex_,
                 [h = std::move(completion_)]() mutable { h(error_code{}); });
  }

private:
  asio::any_io_executor ex_;
  std::mutex lock_;
  bool done_ = false;
  int ret_ = 0;
  asio::any_completion_handler<void(error_code)> completion_;
};

void send_request(asio::io_context &ctx, http_req_data &req) {
  asio::spawn(
      ctx, [&req](asio::yield_context yield) { (void)req.wait(yield); },
      asio::detached);
}

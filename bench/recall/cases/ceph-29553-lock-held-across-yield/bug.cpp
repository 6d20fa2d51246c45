// Reduction of ceph/ceph#29553 (rgw: http client drops lock before suspending
// coroutine): wait() runs inside a stackful asio coroutine (spawn with a
// yield_context). It takes the request's mutex, and if the request is not done
// suspends on async_wait() while still holding it. The request completes on
// the HTTP manager's thread through finish(), which must take the same mutex
// to fire the stored completion: it blocks, and the coroutine is never resumed.
#include <boost/asio.hpp>
#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/spawn.hpp>
#include <mutex>

namespace asio = boost::asio;
using boost::system::error_code;

class http_req_data {
public:
  explicit http_req_data(asio::any_io_executor ex) : ex_(std::move(ex)) {}

  template <class CompletionToken> auto async_wait(CompletionToken &&token) {
    return asio::async_initiate<CompletionToken, void(error_code)>(
        [this](auto handler) { completion_ = std::move(handler); }, token);
  }

  // @recall-begin
  int wait(asio::yield_context yield) {
    std::unique_lock l{lock_};
    if (done_)
      return ret_;
    error_code ec;
    async_wait(yield[ec]); // @bug
    return -ec.value();
  }
  // @recall-end

  // Called on the HTTP manager's thread when the transfer ends.
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

// @recall-begin
void send_request(asio::io_context &ctx, http_req_data &req) {
  asio::spawn(
      ctx, [&req](asio::yield_context yield) { (void)req.wait(yield); },
      asio::detached);
}
// @recall-end

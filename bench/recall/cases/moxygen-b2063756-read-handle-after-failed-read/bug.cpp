// Reduction of facebookexperimental/moxygen commit b2063756 (Fix readHandle
// use-after-free in dataStreamReadLoop): the read loop keeps a raw pointer to
// the transport's stream read handle, and a scope guard calls stopSending()
// through it when the coroutine exits. When the awaited readStreamData()
// completes with an exception, the transport has already freed the handle;
// the exception path breaks out of the loop without clearing the pointer, and
// the guard calls through the freed handle.
#include "stop25_mocks.hpp"
#include <memory>

struct StreamData {
  bool fin = false;
};
class StreamReadHandle {
public:
  // Invalid once the returned task yields fin or an exception: the transport
  // owns and frees the handle then.
  folly::coro::Task<StreamData> readStreamData();
  void stopSending(int code);
};

class MoQSession {
public:
  // @recall-begin
  folly::coro::Task<void> dataStreamReadLoop(std::shared_ptr<MoQSession> self,
                                             StreamReadHandle *readHandle) {
    auto stopSendingGuard = folly::makeGuard([&readHandle] {
      if (readHandle) {
        readHandle->stopSending(0); // @bug
        readHandle = nullptr;
      }
    });
    while (readHandle) {
      auto streamDataTry =
          co_await folly::coro::co_awaitTry(readHandle->readStreamData());
      if (streamDataTry.hasException()) {
        break;
      }
      if (streamDataTry.value().fin) {
        readHandle = nullptr;
        break;
      }
      onIngress(streamDataTry.value());
    }
  }
  // @recall-end

private:
  void onIngress(const StreamData &data);
};

// Fixed twin of facebookexperimental/moxygen commit b2063756: the exception
// path clears readHandle, as the fin path already did, so the guard does not
// call through a handle the transport has freed.
#include "stop25_mocks.hpp"
#include <memory>

struct StreamData {
  bool fin = false;
};
class StreamReadHandle {
public:
  folly::coro::Task<StreamData> readStreamData();
  void stopSending(int code);
};

class MoQSession {
public:
  folly::coro::Task<void> dataStreamReadLoop(std::shared_ptr<MoQSession> self,
                                             StreamReadHandle *readHandle) {
    auto stopSendingGuard = folly::makeGuard([&readHandle] {
      if (readHandle) {
        readHandle->stopSending(0);
        readHandle = nullptr;
      }
    });
    while (readHandle) {
      auto streamDataTry =
          co_await folly::coro::co_awaitTry(readHandle->readStreamData());
      if (streamDataTry.hasException()) {
        readHandle = nullptr;
        break;
      }
      if (streamDataTry.value().fin) {
        readHandle = nullptr;
        break;
      }
      onIngress(streamDataTry.value());
    }
  }

private:
  void onIngress(const StreamData &data);
};

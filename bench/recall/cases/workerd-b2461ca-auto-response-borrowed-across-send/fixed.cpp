// Fixed twin of cloudflare/workerd commit b2461ca43: the response is copied
// into a coroutine-local string before the send, so the borrowed buffer lives
// in the coroutine's frame until the send completes.
#include "stop25_mocks.hpp"
#include <memory>
#include <optional>
#include <utility>

namespace workerd {
struct AutoResponsePair {
  std::optional<kj::String> request;
  std::optional<kj::String> response;
};

class HibernationManagerImpl {
public:
  // Called from JavaScript (state.setWebSocketAutoResponse()) on the same
  // thread, possibly while readLoop() is suspended: frees the old strings.
  void setWebSocketAutoResponse(std::optional<kj::String> request,
                                std::optional<kj::String> response) {
    autoResponsePair->request = std::move(request);
    autoResponsePair->response = std::move(response);
  }

  kj::Promise<void> readLoop(kj::WebSocket &ws) {
    while (true) {
      kj::String message = co_await ws.receive();
      if (autoResponsePair->request && message == *autoResponsePair->request) {
        auto responseCopy = kj::String(*autoResponsePair->response);
        co_await ws.send(kj::asArray(responseCopy));
        continue;
      }
      co_await dispatch(std::move(message));
    }
  }

private:
  kj::Promise<void> dispatch(kj::String message);
  std::unique_ptr<AutoResponsePair> autoResponsePair;
};
} // namespace workerd

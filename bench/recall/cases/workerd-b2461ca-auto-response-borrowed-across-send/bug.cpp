// Reduction of cloudflare/workerd commit b2461ca43 (VULN-136638 Copy
// auto-response buffer before suspending send): the hibernation manager's
// readLoop() answers a matching message by handing ws.send() a borrowed view
// of the member auto-response string and awaiting the send; send() borrows
// the buffer until its promise resolves. A concurrent
// setWebSocketAutoResponse() from JavaScript reassigns or clears the string
// while the write is in flight and frees the buffer the send still reads.
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

  // @recall-begin
  kj::Promise<void> readLoop(kj::WebSocket &ws) {
    while (true) {
      kj::String message = co_await ws.receive();
      if (autoResponsePair->request && message == *autoResponsePair->request) {
        co_await ws.send(kj::asArray(*autoResponsePair->response)); // @bug
        continue;
      }
      co_await dispatch(std::move(message));
    }
  }
  // @recall-end

private:
  kj::Promise<void> dispatch(kj::String message);
  std::unique_ptr<AutoResponsePair> autoResponsePair;
};
} // namespace workerd

// Fixed twin of facebookexperimental/moxygen#142: the server derives from
// enable_shared_from_this and the coroutine holds shared_from_this() before
// the co_await, so the server outlives the wait.
#include "stop25_mocks.hpp"
#include <memory>

namespace moxygen {
class MoQSession {
public:
  void start();
  folly::CancellationToken getCancelToken() const;
};

class MoQServerBase : public std::enable_shared_from_this<MoQServerBase> {
public:
  virtual ~MoQServerBase() = default;

  folly::coro::Task<void>
  handleClientSession(std::shared_ptr<MoQSession> clientSession) {
    onNewSession(clientSession);
    clientSession->start();
    auto self = shared_from_this();
    folly::coro::Baton baton;
    folly::CancellationCallback cb(clientSession->getCancelToken(),
                                   [&baton] { baton.post(); });
    co_await baton;
    terminateClientSession(std::move(clientSession));
  }

protected:
  virtual void onNewSession(std::shared_ptr<MoQSession> session) = 0;
  virtual void terminateClientSession(std::shared_ptr<MoQSession> session);
};

class MoQServer : public MoQServerBase {
public:
  void onNewConnection(folly::EventBase *evb,
                       std::shared_ptr<MoQSession> moqSession) {
    folly::coro::co_withExecutor(evb,
                                 handleClientSession(std::move(moqSession)))
        .start();
  }

protected:
  void onNewSession(std::shared_ptr<MoQSession> session) override;
};
} // namespace moxygen

int main() {
  auto server = std::make_shared<moxygen::MoQServer>();
  folly::EventBase evb;
  server->onNewConnection(&evb, std::make_shared<moxygen::MoQSession>());
  server.reset();
}

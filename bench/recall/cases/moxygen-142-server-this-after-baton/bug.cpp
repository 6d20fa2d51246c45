// Reduction of facebookexperimental/moxygen#142: handleClientSession() is a
// member coroutine of the server, started detached on the session's event base
// (co_withExecutor(...).start()). It waits on a baton that is posted when the
// session is cancelled, then makes a virtual call on the server. The server is
// owned by a shared_ptr held elsewhere; when that last pointer is dropped
// while the coroutine waits, the call after the co_await uses a freed `this`.
#include "stop25_mocks.hpp"
#include <memory>

namespace moxygen {
class MoQSession {
public:
  void start();
  folly::CancellationToken getCancelToken() const;
};

class MoQServerBase {
public:
  virtual ~MoQServerBase() = default;

  // @recall-begin
  folly::coro::Task<void>
  handleClientSession(std::shared_ptr<MoQSession> clientSession) {
    onNewSession(clientSession);
    clientSession->start();
    folly::coro::Baton baton;
    folly::CancellationCallback cb(clientSession->getCancelToken(),
                                   [&baton] { baton.post(); });
    co_await baton;
    terminateClientSession(std::move(clientSession)); // @bug
  }
  // @recall-end

protected:
  virtual void onNewSession(std::shared_ptr<MoQSession> session) = 0;
  virtual void terminateClientSession(std::shared_ptr<MoQSession> session);
};

class MoQServer : public MoQServerBase {
public:
  // @recall-begin
  void onNewConnection(folly::EventBase *evb,
                       std::shared_ptr<MoQSession> moqSession) {
    folly::coro::co_withExecutor(evb,
                                 handleClientSession(std::move(moqSession)))
        .start();
  }
  // @recall-end

protected:
  void onNewSession(std::shared_ptr<MoQSession> session) override;
};
} // namespace moxygen

int main() {
  auto server = std::make_shared<moxygen::MoQServer>();
  folly::EventBase evb;
  server->onNewConnection(&evb, std::make_shared<moxygen::MoQSession>());
  server.reset(); // the session's coroutine is still waiting on its baton
}

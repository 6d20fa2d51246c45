// Reduction of WebKit/WebKit#68957 (and #68897, the same change in GLib):
// beganEnterFullScreen() copies the non-owning client pointer m_client into a
// local CheckedPtr before awaiting the next presentation update and uses the
// local after it. If the page closes meanwhile, detachFromClient() clears
// m_client and the client is destroyed; the coroutine resumes (the pending
// reply is cancelled during teardown) and calls through the stale pointer.
#include "stop25_mocks.hpp"

namespace WebKit {
struct IntRect {
  int x, y, w, h;
};
class WebFullScreenManagerProxyClient {
public:
  virtual ~WebFullScreenManagerProxyClient();
  virtual void beganEnterFullScreen(IntRect initial, IntRect final) = 0;
};
class WebPageProxy {
public:
  rc::task<> nextPresentationUpdate();
};

class WebFullScreenManagerProxy {
public:
  // @recall-begin
  Awaitable<void> beganEnterFullScreen(IntRect initial, IntRect final) {
    CheckedPtr<WebFullScreenManagerProxyClient> client = m_client; // @bug
    if (!client)
      co_return;
    co_await m_page->nextPresentationUpdate();
    client->beganEnterFullScreen(initial, final);
  }
  // @recall-end

  // Called when the page closes; the client's owner destroys it afterwards.
  void detachFromClient() { m_client = nullptr; }

private:
  WebPageProxy *m_page = nullptr;
  WebFullScreenManagerProxyClient *m_client = nullptr;
};
} // namespace WebKit

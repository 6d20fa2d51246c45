// Fixed twin of WebKit/WebKit#68957: the CheckedPtr is made after the await,
// immediately before it is used, and checked for null there.
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
  Awaitable<void> beganEnterFullScreen(IntRect initial, IntRect final) {
    if (!m_client)
      co_return;
    co_await m_page->nextPresentationUpdate();
    CheckedPtr<WebFullScreenManagerProxyClient> client = m_client;
    if (!client)
      co_return;
    client->beganEnterFullScreen(initial, final);
  }

  void detachFromClient() { m_client = nullptr; }

private:
  WebPageProxy *m_page = nullptr;
  WebFullScreenManagerProxyClient *m_client = nullptr;
};
} // namespace WebKit

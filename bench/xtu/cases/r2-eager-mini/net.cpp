#include "net.h"

std::string g_sent;

mini::eager send(const std::string &text) {
  co_await mini::resume_on_new_thread{};
  g_sent = text; // EXPECT-NOTE
}

#include "job.h"
#include "mini.h"

#include <string>

std::string g_printed;

job print_later(const std::string &text) {
  co_await mini::resume_on_new_thread{};
  g_printed = text;
}

int main() {
  print_later(std::string("shutting down")); // EXPECT-WARN
}

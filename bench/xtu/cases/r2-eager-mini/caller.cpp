#include "net.h"

#include <string>

mini::task greet(std::string name) {
  mini::eager sending = send("hello " + name); // EXPECT-WARN
  co_await sending;
}

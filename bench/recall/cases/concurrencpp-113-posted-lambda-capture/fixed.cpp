// Fixed twin of David-Haim/concurrencpp#113: the reporter's fix, the capture
// is copied into a local of the coroutine before its first suspension.
#include "concurrencpp_mock.hpp"
#include <iostream>
#include <memory>

using concurrencpp::executor;
using concurrencpp::null_result;
using concurrencpp::result;

result<int> get_value(std::shared_ptr<executor> ex);

void start(std::shared_ptr<executor> ex) {
  ex->post([ex]() noexcept -> null_result {
    auto local = ex;
    int i = 0;
    while (i++ < 3) {
      auto value = co_await get_value(local);
      std::cout << value << '\n';
    }
    co_return;
  });
}

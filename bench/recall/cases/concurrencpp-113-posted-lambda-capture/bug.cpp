// Reduction of David-Haim/concurrencpp#113: a coroutine lambda capturing an
// executor pointer is posted to that executor; the executor calls it once and
// destroys it, and the coroutine reads the capture after its first co_await.
#include "concurrencpp_mock.hpp"
#include <iostream>
#include <memory>

using concurrencpp::executor;
using concurrencpp::null_result;
using concurrencpp::result;

result<int> get_value(std::shared_ptr<executor> ex);

// @recall-begin
void start(std::shared_ptr<executor> ex) {
  ex->post([ex]() noexcept -> null_result { // @bug
    int i = 0;
    while (i++ < 3) {
      auto value = co_await get_value(ex); // `ex` read from the dead closure
      std::cout << value << '\n';
    }
    co_return;
  });
}
// @recall-end

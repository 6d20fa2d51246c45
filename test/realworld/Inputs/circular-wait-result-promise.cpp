// async-circular-wait's promise/future table on the real concurrencpp
// headers: a result_promise whose result is awaited before it is set.
#include <concurrencpp/concurrencpp.h>

concurrencpp::lazy_result<int> result_later() {
  concurrencpp::result_promise<int> promise;
  auto result = promise.get_result();
  int value = co_await std::move(result);
  promise.set_result(1);
  co_return value;
}

// Set before the wait: silent.
concurrencpp::lazy_result<int> result_first() {
  concurrencpp::result_promise<int> promise;
  auto result = promise.get_result();
  promise.set_result(1);
  co_return co_await std::move(result);
}

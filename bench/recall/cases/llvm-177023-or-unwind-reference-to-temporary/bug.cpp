// Reduction of llvm/llvm-project#177023 (the "real-world user code" it quotes,
// folly::coro with or_unwind): `auto&& ref = co_await or_unwind(temp());`
// binds a reference into the temporary result, which dies at the end of the
// full expression; the next statement reads it (ASan: use-after-free).
#include "stop24_mocks.hpp"
#include <string>

void expect_eq(const std::string &expected, const std::string &actual);

// @recall-begin
rc::task<void> dangling_test() {
  auto temp = [] { return folly::result<std::string>{"will dangle"}; };
  auto &&ref = co_await folly::or_unwind(temp()); // @bug
  expect_eq("hello_dangling_test", ref);
}
// @recall-end

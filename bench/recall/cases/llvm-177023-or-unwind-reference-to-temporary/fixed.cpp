// Fixed twin of llvm/llvm-project#177023: the awaited value is taken by value,
// so it no longer refers into the temporary result.
#include "stop24_mocks.hpp"
#include <string>

void expect_eq(const std::string &expected, const std::string &actual);

rc::task<void> dangling_test() {
  auto temp = [] { return folly::result<std::string>{"will dangle"}; };
  auto value = co_await folly::or_unwind(temp());
  expect_eq("hello_dangling_test", value);
}

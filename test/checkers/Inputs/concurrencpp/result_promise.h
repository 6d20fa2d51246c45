// Mock concurrencpp::result_promise: the result it gives is ready once it is
// set (a header of its own: some tests declare their own result_promise).
#pragma once
#include "concurrencpp.h"
#include <exception>
namespace concurrencpp {
template <class T> class result_promise {
public:
  result_promise();
  result_promise(result_promise &&) noexcept;
  template <class... A> void set_result(A &&...);
  void set_exception(std::exception_ptr);
  template <class F, class... A> void set_from_function(F &&, A &&...) noexcept;
  result<T> get_result();
};
} // namespace concurrencpp

// Boost.Test's assertion macros (the real Boost headers) wrap their statement
// in `do { ... } while (::boost::test_tools::tt_detail::dummy_cond())`;
// dummy_cond() returns false, so a spawn in one runs once.
#include <boost/test/unit_test.hpp>
#include <thread>
#include <vector>

void job() noexcept;

BOOST_AUTO_TEST_CASE(starts_once) {
  BOOST_CHECK_NO_THROW(std::thread(job).detach());
  BOOST_REQUIRE_NO_THROW(std::thread(job).detach());
  BOOST_WARN_NO_THROW(std::thread(job).detach());
}

// A spawn per request, inside the same macro: the request loop repeats it.
void per_request(const std::vector<int> &Requests) {
  for (int R : Requests) {
    (void)R;
    BOOST_CHECK_NO_THROW(std::thread(job).detach());
  }
}

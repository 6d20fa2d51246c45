// Reduction of redpanda-data/redpanda#27694 (rm_stm: async loop over
// intrusive list fix): abort_all_txes() runs max_concurrent_for_each directly
// over the intrusive list of active transactional producers; each step awaits
// mark_expired(), and while the loop is suspended a producer can be destroyed
// and unlinked, which invalidates the iterator the loop holds into the list.
#include "stop25_mocks.hpp"
#include <boost/intrusive/list.hpp>

enum class tx_errc { none, timeout, unknown };
using producer_id = long;

struct producer_state : boost::intrusive::list_base_hook<> {
  producer_id id() const;
};

class rm_stm {
public:
  // @recall-begin
  seastar::future<tx_errc> abort_all_txes() {
    tx_errc last_err = tx_errc::none;
    co_await seastar::max_concurrent_for_each(
        _active_tx_producers, 5, // @bug
        [this, &last_err](const producer_state &producer) {
          return mark_expired(producer.id()).then([&last_err](tx_errc res) {
            if (res != tx_errc::none)
              last_err = res;
            return seastar::make_ready_future();
          });
        });
    co_return last_err;
  }
  // @recall-end

  // A producer evicted or destroyed elsewhere leaves the list.
  void drop_producer(producer_state &p) {
    _active_tx_producers.erase(_active_tx_producers.iterator_to(p));
  }

private:
  seastar::future<tx_errc> mark_expired(producer_id id);
  boost::intrusive::list<producer_state> _active_tx_producers;
};

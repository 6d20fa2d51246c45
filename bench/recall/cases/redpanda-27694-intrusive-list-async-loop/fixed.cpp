// Fixed twin of redpanda-data/redpanda#27694: the ids of the producers to
// expire are copied into an owning vector before any suspension, and the
// asynchronous loop runs over that vector.
#include "stop25_mocks.hpp"
#include <algorithm>
#include <boost/intrusive/list.hpp>
#include <iterator>
#include <vector>

enum class tx_errc { none, timeout, unknown };
using producer_id = long;

struct producer_state : boost::intrusive::list_base_hook<> {
  producer_id id() const;
};

class rm_stm {
public:
  seastar::future<tx_errc> abort_all_txes() {
    tx_errc last_err = tx_errc::none;
    std::vector<producer_id> producer_ids_to_expire;
    std::transform(_active_tx_producers.begin(), _active_tx_producers.end(),
                   std::back_inserter(producer_ids_to_expire),
                   [](const producer_state &p) { return p.id(); });
    co_await seastar::max_concurrent_for_each(
        std::move(producer_ids_to_expire), 5,
        [this, &last_err](producer_id id) {
          return mark_expired(id).then([&last_err](tx_errc res) {
            if (res != tx_errc::none)
              last_err = res;
            return seastar::make_ready_future();
          });
        });
    co_return last_err;
  }

  void drop_producer(producer_state &p) {
    _active_tx_producers.erase(_active_tx_producers.iterator_to(p));
  }

private:
  seastar::future<tx_errc> mark_expired(producer_id id);
  boost::intrusive::list<producer_state> _active_tx_producers;
};

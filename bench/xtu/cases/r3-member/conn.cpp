#include "conn.h"

#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace asio = boost::asio;

asio::awaitable<void> Connection::send(std::string_view payload) {
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  sent_.append(payload); // EXPECT-NOTE
}

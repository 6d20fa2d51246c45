#pragma once
#include <boost/asio/awaitable.hpp>

boost::asio::awaitable<void> reload(int raw);

#pragma once
#include <boost/asio/awaitable.hpp>

boost::asio::awaitable<int> parse_config(int raw);

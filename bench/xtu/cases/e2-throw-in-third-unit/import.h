#pragma once
#include <boost/asio/awaitable.hpp>

boost::asio::awaitable<void> import_file(int size);

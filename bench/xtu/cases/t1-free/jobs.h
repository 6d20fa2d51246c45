#pragma once
#include <boost/asio/awaitable.hpp>

// Reloads the cache from the configuration; fails on a bad configuration.
boost::asio::awaitable<void> refresh(int generation);

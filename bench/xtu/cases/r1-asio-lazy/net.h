#pragma once
#include <boost/asio/awaitable.hpp>
#include <string>

// Writes one line to the log socket after a short pacing delay.
boost::asio::awaitable<void> send_line(const std::string &text);

#pragma once
#include <boost/asio/awaitable.hpp>
#include <string>
#include <string_view>

class Connection {
public:
  boost::asio::awaitable<void> send(std::string_view payload);

private:
  std::string sent_;
};

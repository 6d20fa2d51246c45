#pragma once
#include <boost/asio/awaitable.hpp>
#include <vector>

class TaskQueue {
public:
  void post(boost::asio::awaitable<void> t);
  std::vector<boost::asio::awaitable<void>> take() { return std::move(tasks_); }

private:
  std::vector<boost::asio::awaitable<void>> tasks_;
  int posted_ = 0;
};

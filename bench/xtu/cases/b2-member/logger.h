#pragma once
#include <string>
#include <vector>

class Logger {
public:
  void add(std::string line) { lines_.push_back(std::move(line)); }
  void flush();

private:
  std::vector<std::string> lines_;
};

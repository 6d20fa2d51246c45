#include "pool.h"

void JobPool::start(std::string name) {
  queued_.push_back(std::move(name));
}

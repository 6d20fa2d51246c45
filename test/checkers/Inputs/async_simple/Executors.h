// Mock async_simple executors: a thread pool whose destructor joins its
// threads, and the blocking wait for a Lazy.
#pragma once
#include "Lazy.h"
namespace async_simple {
class Executor {
public:
  virtual ~Executor() {}
};
namespace executors {
class SimpleExecutor : public Executor {
public:
  explicit SimpleExecutor(unsigned Threads) : Threads(Threads) {}
  // Joins the threads of the pool.
  ~SimpleExecutor() override;

private:
  unsigned Threads;
};
} // namespace executors
namespace coro {
template <class T> T syncAwait(Lazy<T> &&Task);
// Starts the task on the executor's thread, then blocks until it ends.
template <class T> T syncAwait(Lazy<T> &&Task, Executor *Ex);
template <class T> T syncAwait(RescheduleLazy<T> &&Task);
} // namespace coro
} // namespace async_simple

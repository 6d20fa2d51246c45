// RUN: %check_async_lint %s async-discarded-awaitable %t

// Tasks kept in a local container and forgotten: a lazy task in a container
// that dies unused never runs, as a single local one does.

#include <utility>
#include <vector>

#include "concurrencpp/concurrencpp.h"
#include "task.h"

namespace std {
template <class K, class V> class map {
public:
  V &operator[](const K &);
  V *begin();
  V *end();
};
template <class T> class deque {
public:
  deque();
  deque(deque &&);
  deque &operator=(deque &&);
  void push_back(T &&);
  void swap(deque &);
  T *begin();
  T *end();
};
} // namespace std

namespace demo {
template <class T> task<> when_all(T &&);
// A library's own collection: it may start what it is given.
struct scope {
  void push_back(task<> &&);
};
} // namespace demo

demo::task<> handle(int);
demo::task<> store();
concurrencpp::result<int> compute();
void consume(std::vector<demo::task<>>);
void inspect(const std::vector<demo::task<>> &);

// --- Forgotten: nothing awaits, spawns or hands on the container.

demo::task<> forgotten(const std::vector<int> &Items) {
  std::vector<demo::task<>> Tasks;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: tasks stored in 'Tasks' are never awaited; they are destroyed without running [async-discarded-awaitable]
  for (int Item : Items)
    Tasks.push_back(handle(Item));
  // CHECK-NOTES: :[[@LINE-1]]:21: note: a task is stored in 'Tasks' here
  if (Tasks.size() > 4)
    co_return;
  co_return;
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the tasks in 'Tasks' are dropped here without having been awaited

void plain_function() {
  std::vector<demo::task<>> Tasks;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: tasks stored in 'Tasks' are never awaited
  auto Single = store();
  Tasks.emplace_back(std::move(Single));
  // CHECK-NOTES: :[[@LINE-1]]:22: note: a task is stored in 'Tasks' here
  Tasks.push_back(store());
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the tasks in 'Tasks' are dropped here

demo::task<> keyed() {
  std::map<int, demo::task<>> ByKey;
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: tasks stored in 'ByKey' are never awaited
  ByKey[1] = store();
  // CHECK-NOTES: :[[@LINE-1]]:14: note: a task is stored in 'ByKey' here
  co_return;
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the tasks in 'ByKey' are dropped here

template <class T> demo::task<> templated(T Item) {
  std::vector<demo::task<>> Tasks;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: tasks stored in 'Tasks' are never awaited
  Tasks.push_back(handle(Item));
  // CHECK-NOTES: :[[@LINE-1]]:19: note: a task is stored in 'Tasks' here
  co_return;
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the tasks in 'Tasks' are dropped here
template demo::task<> templated(int);
template demo::task<> templated(long);

#define KEEP(Container, Task) Container.push_back(Task)
void through_macro() {
  std::vector<demo::task<>> Tasks;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: tasks stored in 'Tasks' are never awaited
  KEEP(Tasks, store());
  // CHECK-NOTES: :[[@LINE-1]]:15: note: a task is stored in 'Tasks' here
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: the tasks in 'Tasks' are dropped here

auto InLambda = [](const std::vector<int> &Items) -> demo::task<> {
  std::vector<demo::task<>> Tasks;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: tasks stored in 'Tasks' are never awaited
  for (int Item : Items)
    Tasks.push_back(handle(Item));
  // CHECK-NOTES: :[[@LINE-1]]:21: note: a task is stored in 'Tasks' here
  co_return;
};
// CHECK-NOTES: :[[@LINE-1]]:1: note: the tasks in 'Tasks' are dropped here

// --- Silent: awaited, combined, iterated, returned, handed on, captured.

demo::task<> combined(const std::vector<int> &Items) {
  std::vector<demo::task<>> Tasks;
  for (int Item : Items)
    Tasks.push_back(handle(Item));
  co_await demo::when_all(std::move(Tasks));
}

demo::task<> iterated(const std::vector<int> &Items) {
  std::vector<demo::task<>> Tasks;
  for (int Item : Items)
    Tasks.push_back(handle(Item));
  for (auto &Task : Tasks)
    co_await std::move(Task);
}

demo::task<> one_awaited() {
  std::vector<demo::task<>> Tasks;
  Tasks.push_back(store());
  co_await std::move(Tasks[0]);
  std::vector<demo::task<>> Front;
  Front.push_back(store());
  co_await std::move(Front.front());
}

std::vector<demo::task<>> returned() {
  std::vector<demo::task<>> Tasks;
  Tasks.push_back(store());
  return Tasks;
}

void handed_on() {
  std::vector<demo::task<>> ByValue;
  ByValue.push_back(store());
  consume(std::move(ByValue));
  std::vector<demo::task<>> ByReference;
  ByReference.push_back(store());
  inspect(ByReference);
}

struct owner {
  std::deque<demo::task<>> Pending;
  void keep() {
    std::deque<demo::task<>> Tasks;
    Tasks.push_back(store());
    Pending = std::move(Tasks);
  }
};

demo::task<> captured() {
  std::vector<demo::task<>> ByReference;
  ByReference.push_back(store());
  auto Run = [&]() -> demo::task<> {
    co_await demo::when_all(std::move(ByReference));
  };
  co_await Run();
  std::vector<demo::task<>> Moved;
  Moved.push_back(store());
  auto Later = [Tasks = std::move(Moved)]() mutable -> demo::task<> {
    co_await demo::when_all(std::move(Tasks));
  };
  co_await Later();
}

// Filled in a lambda, awaited by the enclosing coroutine.
demo::task<> filled_in_lambda(const std::vector<int> &Items) {
  std::vector<demo::task<>> Tasks;
  auto Add = [&](int Item) { Tasks.push_back(handle(Item)); };
  for (int Item : Items)
    Add(Item);
  co_await demo::when_all(std::move(Tasks));
}

// Swapped into another container that is awaited.
demo::task<> swapped() {
  std::deque<demo::task<>> Tasks;
  Tasks.push_back(store());
  std::deque<demo::task<>> Other;
  Tasks.swap(Other);
  co_await demo::when_all(std::move(Other));
}

// Eager tasks run once created: keeping them unused loses only their
// results, as a local eager task does (not reported).
void eager() {
  std::vector<concurrencpp::result<int>> Results;
  Results.push_back(compute());
}

// A collection that is not a standard container may start what it holds.
void own_collection() {
  demo::scope Scope;
  Scope.push_back(store());
}

// Awaited on one path only: the flow does not tell paths apart here, and a
// finding must hold on every run (not reported).
demo::task<> sometimes(bool Flag) {
  std::vector<demo::task<>> Tasks;
  Tasks.push_back(store());
  if (Flag)
    co_await demo::when_all(std::move(Tasks));
}

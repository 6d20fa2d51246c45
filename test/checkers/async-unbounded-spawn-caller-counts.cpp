// RUN: %check_async_lint --modes=plugin,driver %s async-unbounded-spawn %t
// RUN: %check_async_lint --check-suffix=STRICT %s async-unbounded-spawn %t.strict \
// RUN:   --config="{CheckOptions: {async-unbounded-spawn.UnitLocalFunctions: false}}"

// A batch of lazy tasks combined whole after a counting loop whose count is
// a parameter that every call of the function in the unit passes as a
// constant: each call combines at most that many tasks (a test that needs
// all of them at once, as a barrier over the count). Every call must be
// seen: a function template that only this file declares (a unit that
// instantiates it must define it), or, unless UnitLocalFunctions is false,
// a plain function that only this file declares. Reduced by hand from the
// shape of yalantinglibs' client-pool test.

#include <utility>
#include <vector>

#include "task.h"

namespace demo {
template <class T> task<> when_all(T &&);
} // namespace demo

demo::task<> job();

// --- Silent: every caller passes a constant.

template <class T = int> demo::task<> batch_t(int Lim) {
  std::vector<demo::task<>> Works;
  for (int I = 0; I < Lim; ++I)
    Works.emplace_back(job());
  co_await demo::when_all(std::move(Works));
}

demo::task<> batch(int Lim) {
  std::vector<demo::task<>> Works;
  for (int I = 0; I < Lim; ++I)
    Works.push_back(job());
  co_await demo::when_all(std::move(Works));
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Works' at once
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the loop has no static bound
}

// The count through a default argument.
template <class T> demo::task<> batch_default(T Tag, int Lim = 16) {
  std::vector<demo::task<>> Works;
  for (int I = 0; I < Lim; ++I)
    Works.push_back(job());
  co_await demo::when_all(std::move(Works));
}

// The loop written by a macro.
#define FILL(V, N)                                                             \
  for (int I = 0; I < N; ++I)                                                  \
    V.push_back(job())
template <class T> demo::task<> batch_macro(int Lim) {
  std::vector<demo::task<>> Works;
  FILL(Works, Lim);
  co_await demo::when_all(std::move(Works));
}

demo::task<> callers() {
  co_await batch_t(20);
  co_await batch_t<long>(200);
  co_await batch(20);
  co_await batch(200);
  co_await batch_default(1);
  co_await batch_default('c', 4);
  co_await batch_macro<int>(8);
  // A lambda of the unit calls it with a constant too.
  auto Again = []() -> demo::task<> { co_await batch_t<char>(50); };
  co_await Again();
}

// --- Reported: a count some caller reads at run time, a function whose
// address is taken, an explicitly instantiated template.

template <class T> demo::task<> batch_runtime(int Lim) {
  std::vector<demo::task<>> Works;
  for (int I = 0; I < Lim; ++I)
    Works.push_back(job());
  co_await demo::when_all(std::move(Works));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Works' at once
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:12: warning: 'demo::when_all' runs every task in 'Works' at once
  // CHECK-NOTES-STRICT: :[[@LINE-6]]:5: note: a task is added here on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-8]]:3: note: the loop has no static bound
}

demo::task<> batch_pointer(int Lim) {
  std::vector<demo::task<>> Works;
  for (int I = 0; I < Lim; ++I)
    Works.push_back(job());
  co_await demo::when_all(std::move(Works));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Works' at once
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:12: warning: 'demo::when_all' runs every task in 'Works' at once
  // CHECK-NOTES-STRICT: :[[@LINE-6]]:5: note: a task is added here on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-8]]:3: note: the loop has no static bound
}

template <class T> demo::task<> batch_exported(int Lim) {
  std::vector<demo::task<>> Works;
  for (int I = 0; I < Lim; ++I)
    Works.push_back(job());
  co_await demo::when_all(std::move(Works));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Works' at once
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the loop has no static bound
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:12: warning: 'demo::when_all' runs every task in 'Works' at once
  // CHECK-NOTES-STRICT: :[[@LINE-6]]:5: note: a task is added here on every iteration
  // CHECK-NOTES-STRICT: :[[@LINE-8]]:3: note: the loop has no static bound
}
template demo::task<> batch_exported<int>(int);

struct holder {
  // A member: its callers are not all in sight.
  demo::task<> batch(int Lim) {
    std::vector<demo::task<>> Works;
    for (int I = 0; I < Lim; ++I)
      Works.push_back(job());
    co_await demo::when_all(std::move(Works));
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'demo::when_all' runs every task in 'Works' at once
    // CHECK-NOTES: :[[@LINE-3]]:7: note: a task is added here on every iteration
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the loop has no static bound
    // CHECK-NOTES-STRICT: :[[@LINE-4]]:14: warning: 'demo::when_all' runs every task in 'Works' at once
    // CHECK-NOTES-STRICT: :[[@LINE-6]]:7: note: a task is added here on every iteration
    // CHECK-NOTES-STRICT: :[[@LINE-8]]:5: note: the loop has no static bound
  }
};

demo::task<> twin_callers(int N, holder &H) {
  co_await batch_runtime<int>(8);
  co_await batch_runtime<int>(N);
  demo::task<> (*Fn)(int) = &batch_pointer;
  co_await Fn(4);
  co_await batch_pointer(4);
  co_await batch_exported<int>(4);
  co_await H.batch(4);
}

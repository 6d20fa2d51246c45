// RUN: %check_async_lint %s async-unbounded-spawn %t

// A loop that walks an iterator one element a round up to a range's end
// (`for (auto it = std::next(r.begin()); it < r.end(); std::advance(it,
// 1))`, `it != r.end(); ++it`) runs at most once per element, as a
// range-based for over the range does: bounded when the range is. A
// combinator's awaiter that starts one child per index of a member the
// constructor filled from the awaitables it was given (Boost.Cobalt's
// race over a range walks its `reorder` vector so) is not a spawn storm.
// A walk over a member another member grows, over a parameter, or one that
// moves the iterator in its body is still reported.

#include <coroutine>
#include <exception>
#include <vector>

namespace std {
template <class I> void advance(I &it, long n);
template <class I> I next(I it, long n = 1);
} // namespace std

struct fork_child {
  struct promise_type {
    fork_child get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};

struct input {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  int await_resume();
};

// A class iterator, compared and stepped through operators.
struct index_list {
  struct iterator {
    unsigned long *p;
    unsigned long &operator*() const { return *p; }
    iterator &operator++() { ++p; return *this; }
    friend bool operator<(const iterator &a, const iterator &b) { return a.p < b.p; }
    friend bool operator!=(const iterator &a, const iterator &b) { return a.p != b.p; }
  };
  explicit index_list(unsigned long n);
  iterator begin();
  iterator end();
  void push_back(unsigned long);
};

// --- Silent: a walk over the indices the constructor made.

struct all_of {
  std::vector<input> &inputs;
  std::vector<unsigned long> order;
  unsigned long outstanding = 0;

  explicit all_of(std::vector<input> &in) : inputs(in), order(in.size()) {}

  static fork_child child(all_of &self, unsigned long idx) {
    ++self.outstanding;
    co_await self.inputs[idx];
    --self.outstanding;
  }

  bool await_ready() { return inputs.empty(); }
  bool await_suspend(std::coroutine_handle<>) {
    child(*this, order.front());
    for (auto it = std::next(order.begin()); it < order.end();
         std::advance(it, 1))
      child(*this, *it);
    return outstanding != 0;
  }
  void await_resume() {}
};

template <class Input> struct any_of {
  std::vector<Input> &inputs;
  index_list order;
  explicit any_of(std::vector<Input> &in) : inputs(in), order(in.size()) {}
  static fork_child child(any_of &self, unsigned long idx) {
    co_await self.inputs[idx];
  }
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {
    for (auto it = order.begin(); it != order.end(); ++it)
      child(*this, *it);
  }
  void await_resume() {}
};
template struct any_of<input>;

// --- Reported.

// Another member grows the range: input.
struct growing {
  std::vector<input> inputs;
  std::vector<unsigned long> order;
  void add(input in) {
    inputs.push_back(in);
    order.push_back(order.size());
  }
  static fork_child child(growing &self, unsigned long idx) {
    co_await self.inputs[idx];
  }
  void start() {
    for (auto it = order.begin(); it < order.end(); ++it)
      child(*this, *it);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'growing::child' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
  }
};

fork_child handle(unsigned long);

// A range the caller hands in.
void serve(std::vector<unsigned long> &requests) {
  for (auto it = requests.begin(); it != requests.end(); ++it)
    handle(*it);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'handle' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
}

// The body moves the iterator back.
struct rewinding {
  std::vector<unsigned long> order;
  explicit rewinding(unsigned long n) : order(n) {}
  void start() {
    for (auto it = order.begin(); it < order.end(); ++it) {
      handle(*it);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'handle' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
      if (*it == 0)
        it = order.begin();
    }
  }
};

// Reduction of ciaranm/glasgow-constraint-solver#599: a branch callback (a
// std::function whose targets are generator coroutines) is called with a
// CurrentState returned by value; the generator keeps the reference
// parameter, the temporary dies at the end of the statement, and begin() on
// the next line resumes the coroutine, which reads it.
#include <coroutine>
#include <exception>
#include <functional>
#include <iterator>
#include <utility>
#include <vector>

// A minimal lazy generator (written for this corpus).
template <class T> class generator {
public:
  struct promise_type {
    const T *current = nullptr;
    generator get_return_object() {
      return generator(
          std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const T &v) {
      current = &v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  struct iterator {
    std::coroutine_handle<promise_type> h;
    iterator &operator++() {
      h.resume();
      return *this;
    }
    const T &operator*() const { return *h.promise().current; }
    bool operator==(std::default_sentinel_t) const { return h.done(); }
  };
  generator(generator &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~generator() {
    if (h_)
      h_.destroy();
  }
  iterator begin() {
    h_.resume();
    return {h_};
  }
  std::default_sentinel_t end() { return {}; }

private:
  explicit generator(std::coroutine_handle<promise_type> h) : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};

struct CurrentState {
  const int *domains;
  int domain_size(int v) const { return domains[v]; }
};
struct State {
  CurrentState current() const; // returns a thin handle by value
};
struct Propagators {};
using Branch = int;
using BranchCallback =
    std::function<generator<Branch>(const CurrentState &, const Propagators &)>;

generator<Branch> smallest_domain_first(const CurrentState &s,
                                        const Propagators &) {
  for (int v = 0; v < 3; ++v)
    co_yield s.domain_size(v);
}

// @recall-begin
int solve(const State &state, const Propagators &propagators,
          BranchCallback branch_callback) {
  auto branch_generator = branch_callback(state.current(), propagators); // @bug
  auto branch_iter = branch_generator.begin();
  return *branch_iter;
}
// @recall-end

int run(const State &state) {
  return solve(state, Propagators{}, smallest_domain_first);
}

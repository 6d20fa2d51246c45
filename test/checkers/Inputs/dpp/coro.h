#pragma once
// A stub of DPP's coroutine parts (brainboxdotcc/DPP, written for the
// tests): an eager fire-and-forget job, and a settle-once promise whose
// awaitable is ready once it is set. A second set throws the library's own
// logic exception (derived from std::exception, not std::logic_error).
#include <chrono>
#include <condition_variable>
#include <coroutine>
#include <exception>
#include <mutex>

namespace dpp {

class exception : public std::exception {};
class logic_exception : public exception {};

struct job {
  struct promise_type {
    job get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
  };
};

template <class T> class awaitable;

namespace detail::promise {
template <class T> class promise_base {
protected:
  bool is_set = false;
  T val{};
  std::exception_ptr err;
  std::mutex m;
  std::condition_variable cv;
  std::coroutine_handle<> awaiter;
  void throw_if_not_empty() {
    if (is_set)
      throw dpp::logic_exception{};
  }
  void settled() {
    is_set = true;
    if (awaiter)
      awaiter.resume();
  }

public:
  void set_exception(std::exception_ptr ptr) {
    throw_if_not_empty();
    err = ptr;
    settled();
  }
  bool ready() const { return is_set; }
  awaitable<T> get_awaitable() { return awaitable<T>{this}; }
  friend class awaitable<T>;
};
} // namespace detail::promise

template <class T> class awaitable {
  detail::promise::promise_base<T> *state;

public:
  explicit awaitable(detail::promise::promise_base<T> *s) : state(s) {}
  bool await_ready() const { return state->ready(); }
  void await_suspend(std::coroutine_handle<> h) { state->awaiter = h; }
  T await_resume() { return state->val; }
  // Blocks until the promise is set or the time is up.
  bool sync_wait_for(std::chrono::milliseconds d) {
    std::unique_lock<std::mutex> lk(state->m);
    while (!state->ready())
      if (!state->cv.wait_for(lk, d))
        return false;
    return true;
  }
};

template <class T>
class basic_promise : public detail::promise::promise_base<T> {
public:
  void set_value(T v) {
    this->throw_if_not_empty();
    this->val = v;
    this->settled();
  }
};

// The movable handle: the state behind a pointer.
template <class T> class moveable_promise {
  basic_promise<T> *shared_state = new basic_promise<T>;

public:
  void set_value(T v) { shared_state->set_value(v); }
  void set_exception(std::exception_ptr ptr) {
    shared_state->set_exception(ptr);
  }
  awaitable<T> get_awaitable() { return shared_state->get_awaitable(); }
};

template <class T> using promise = moveable_promise<T>;

} // namespace dpp

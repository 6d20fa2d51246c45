// RUN: %check_async_lint %s async-dangling-reference %t

// A virtual member declared to return a lazy task, with no body of its own
// here: the call runs one of its overrides. What the unit shows of them is
// the evidence: the override the call is known to reach (a final class, an
// object of known type), else the overrides it defines. Only a coroutine
// override borrows the parameters, and only those it names; with no
// override defined here the call is judged by the declared type, as a
// note says.

#include <string>
#include <utility>

#include "task.h"

struct params { int Id; std::string Key; };
struct agent {};
int run_params(params &);

struct handler {
  virtual ~handler() = default;
  virtual demo::task<int> call(agent &A, params &P) = 0;
};

// A coroutine override that keeps 'P' (its unnamed 'agent' is not used).
struct coro_handler : handler {
  demo::task<int> call(agent &, params &P) override { co_return run_params(P); }
};

demo::task<int> through_base(handler *H, int Id) {
  params Values{Id, "k"};
  agent Agent;
  return H->call(Agent, Values);
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: parameter 'P' of 'call' refers to local 'Values', which its task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Values' is destroyed here
  // CHECK-NOTES: :22:27: note: 'call' is declared here and defined elsewhere
}

// Silent: every override the unit defines for 'copy_handler::call' copies
// the parameters into the frame of the coroutine it starts.
struct copying_base {
  virtual ~copying_base() = default;
  virtual demo::task<int> call(agent &A, params &P) = 0;
};
struct copy_handler : copying_base {
  demo::task<int> call(agent &, params &P) override { return run(P); }
  static demo::task<int> run(params P) { co_return run_params(P); }
};
demo::task<int> through_copying(copying_base *H, int Id) {
  params Values{Id, "k"};
  agent Agent;
  return H->call(Agent, Values);
}

// A final class: the call reaches its override, whatever else overrides
// the base; here a coroutine override elsewhere in the unit does not count.
struct mixed_base {
  virtual ~mixed_base() = default;
  virtual demo::task<int> call(agent &A, params &P) = 0;
};
struct mixed_coro final : mixed_base {
  demo::task<int> call(agent &, params &P) override { co_return run_params(P); }
};
struct mixed_copy final : mixed_base {
  demo::task<int> call(agent &, params &P) override {
    return copy_handler::run(P);
  }
};
demo::task<int> through_final(mixed_copy &H, mixed_coro &C, int Id) {
  params Values{Id, "k"};
  agent Agent;
  co_await H.call(Agent, Values);
  demo::task<int> Later = C.call(Agent, Values);
  co_return 0;
}
demo::task<int> returned_final(mixed_coro &C, int Id) {
  params Values{Id, "k"};
  agent Agent;
  return C.call(Agent, Values);
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: parameter 'P' of coroutine 'call' refers to local 'Values', which the task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Values' is destroyed here
  // CHECK-NOTES: :63:76: note: 'P' is used here, when the task runs
}

// No override defined here: judged by the declared task type, and said so.
struct remote {
  virtual ~remote() = default;
  virtual demo::task<int> call(agent &A, params &P) = 0;
};
demo::task<int> through_remote(remote *R, int Id) {
  params Values{Id, "k"};
  agent Agent;
  return R->call(Agent, Values);
  // CHECK-NOTES: :95:18: warning: parameter 'A' of 'call' refers to local 'Agent', which its task may outlive
  // CHECK-NOTES: :95:3: note: the task is returned here
  // CHECK-NOTES: :106:1: note: 'Agent' is destroyed here
  // CHECK-NOTES: :90:27: note: 'call' is declared here and defined elsewhere
  // CHECK-NOTES: :90:27: note: 'call' is virtual and this unit defines no override of it: the call is judged by the declared task type
  // CHECK-NOTES: :95:25: warning: parameter 'P' of 'call' refers to local 'Values', which its task may outlive
  // CHECK-NOTES: :95:3: note: the task is returned here
  // CHECK-NOTES: :106:1: note: 'Values' is destroyed here
  // CHECK-NOTES: :90:27: note: 'call' is declared here and defined elsewhere
  // CHECK-NOTES: :90:27: note: 'call' is virtual and this unit defines no override of it: the call is judged by the declared task type
}

// The same through a class template's override.
template <class T> struct handler_of : handler {
  demo::task<int> call(agent &, params &P) override {
    co_return run_params(P) + T();
  }
};
template struct handler_of<int>;

// The object's type known through a cast to the base: the call reaches the
// final class's override (Clang's devirtualisation), a copying one here.
demo::task<int> cast_to_base(mixed_copy &H, int Id) {
  params Values{Id, "k"};
  agent Agent;
  return static_cast<mixed_base &>(H).call(Agent, Values);
}

// Through the template's class: only its override (and those of classes
// derived from it) may run, the one coroutine: judged by its body.
demo::task<int> through_template(handler_of<int> *H, int Id) {
  params Values{Id, "k"};
  agent Agent;
  return H->call(Agent, Values);
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: parameter 'P' of coroutine 'call' refers to local 'Values', which the task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Values' is destroyed here
  // CHECK-NOTES: :111:26: note: 'P' is used here, when the task runs
}

// A class with no override of its own, beside those above: none of theirs
// can run, so the declared type decides, and the note says so.
struct plain_handler : handler {};
demo::task<int> through_sibling(plain_handler *H, int Id) {
  params Values{Id, "k"};
  return H->call(*static_cast<agent *>(nullptr), Values);
  // CHECK-NOTES: :[[@LINE-1]]:50: warning: parameter 'P' of 'call' refers to local 'Values', which its task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'Values' is destroyed here
  // CHECK-NOTES: :22:27: note: 'call' is declared here and defined elsewhere
  // CHECK-NOTES: :22:27: note: 'call' is virtual and this unit defines no override of it: the call is judged by the declared task type
}

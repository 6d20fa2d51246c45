// RUN: %check_async_lint %s async-unhandled-race-outcome %t
// A race whose value is dropped still has its outcome read when each side
// writes how it completed into a variable of its own and the code after the
// race tests one: asio's redirect_error(token, ec) writes the side's error
// code into 'ec', and the awaitable operator|| cancels the loser and waits
// for it, so the loser's code holds operation_aborted. A side that is a
// coroutine may set a flag it shares before it completes.

#include <variant>

#include "asio.hpp"

namespace sys {
struct code {
  explicit operator bool() const;
  void clear();
};
bool operator==(const code &, const code &);
extern const code operation_aborted;
} // namespace sys
namespace asio {
template <class Token> class redirect_error_t {
public:
  redirect_error_t(Token, sys::code &);
};
template <class Token>
redirect_error_t<Token> redirect_error(Token T, sys::code &Code) {
  return redirect_error_t<Token>(T, Code);
}
template <class Token> struct as_tuple_t {};
template <class Token> as_tuple_t<Token> as_tuple(Token);
} // namespace asio
namespace asio::experimental::awaitable_operators {
template <class A, class B>
awaitable<std::variant<A, B>> operator||(awaitable<A>, awaitable<B>);
} // namespace asio::experimental::awaitable_operators
using namespace asio::experimental::awaitable_operators;

struct Conn {
  asio::awaitable<int> run(asio::redirect_error_t<asio::use_awaitable_t>);
  asio::awaitable<int> run(asio::use_awaitable_t);
  asio::awaitable<int> run(asio::as_tuple_t<asio::use_awaitable_t>);
};
struct Timer {
  asio::awaitable<long> wait(asio::redirect_error_t<asio::use_awaitable_t>);
  asio::awaitable<long> wait(asio::use_awaitable_t);
};
void check(bool, const char *);
void log_code(const sys::code &);
void log(const char *);
extern int Result;
#define EXPECT(C) check((C), #C)

// A test helper that makes the token.
inline auto into(sys::code &Code) {
  return asio::redirect_error(asio::use_awaitable, Code);
}

// --- Silent: the code after the race tests a side's code.

asio::awaitable<void> both_checked(Conn &C, Timer &T) {
  sys::code Run, Wait;
  co_await (C.run(asio::redirect_error(asio::use_awaitable, Run)) ||
            T.wait(asio::redirect_error(asio::use_awaitable, Wait)));
  EXPECT(Run == sys::operation_aborted);
  EXPECT(!Wait);
}

// The token made by a helper, one code compared in an if.
asio::awaitable<void> through_helper(Conn &C, Timer &T) {
  sys::code Run, Wait;
  co_await (C.run(into(Run)) || T.wait(into(Wait)));
  if (Run == sys::operation_aborted)
    log("timed out");
}

// One side redirected, the other throws: its code still tells.
asio::awaitable<void> one_side(Conn &C, Timer &T) {
  sys::code Run;
  co_await (C.run(into(Run)) || T.wait(asio::use_awaitable));
  if (!Run)
    co_return;
  log("cancelled");
}

// Made by the token's constructor, tested as a bool on one path only.
asio::awaitable<void> constructed(Conn &C, Timer &T, bool Verbose) {
  sys::code Run;
  co_await (C.run(asio::redirect_error_t<asio::use_awaitable_t>(
                asio::use_awaitable, Run)) ||
            T.wait(asio::use_awaitable));
  if (Verbose && Run)
    log("cancelled");
  log("done");
}

// In a loop, each race's codes tested before the next race.
asio::awaitable<void> in_a_loop(Conn &C, Timer &T, int N) {
  for (int I = 0; I < N; ++I) {
    sys::code Run, Wait;
    co_await (C.run(into(Run)) || T.wait(into(Wait)));
    EXPECT(Run == sys::operation_aborted);
    log("round");
  }
}

// A coroutine side that sets a flag it is given before it completes.
asio::awaitable<void> work_then_mark(bool &Done) {
  co_await asio::this_coro::executor;
  Done = true;
}
asio::awaitable<void> flag_parameter(Timer &T) {
  bool Done = false;
  co_await (work_then_mark(Done) || T.wait(asio::use_awaitable));
  if (!Done)
    log("timed out");
}

// A coroutine lambda that sets a local it captures by reference.
asio::awaitable<void> flag_capture(Timer &T) {
  bool Done = false;
  auto Work = [&]() -> asio::awaitable<void> {
    co_await asio::this_coro::executor;
    Done = true;
  };
  co_await (Work() || T.wait(asio::use_awaitable));
  EXPECT(Done);
}

template <class Side> asio::awaitable<void> templated(Side &S, Timer &T) {
  sys::code Code;
  co_await (S.run(into(Code)) || T.wait(asio::use_awaitable));
  EXPECT(!Code);
}
template asio::awaitable<void> templated<Conn>(Conn &, Timer &);

#define RACE_TIMER(OP, CODE, T) co_await ((OP) || (T).wait(into(CODE)))
asio::awaitable<void> in_a_macro(Conn &C, Timer &T) {
  sys::code Run, Wait;
  RACE_TIMER(C.run(into(Run)), Wait, T);
  EXPECT(!Wait);
}

// The race in a coroutine lambda, its code tested in a switch.
void in_a_lambda(Conn &C, Timer &T) {
  auto Once = [&]() -> asio::awaitable<void> {
    sys::code Run;
    co_await (C.run(into(Run)) || T.wait(asio::use_awaitable));
    switch (static_cast<bool>(Run)) {
    case true:
      log("cancelled");
      break;
    default:
      break;
    }
  };
  (void)Once;
}

// --- Reported.

// The true twin: the sides throw, nothing is written, and the code after
// the race assumes the run finished.
asio::awaitable<int> thrown(Conn &C, Timer &T) {
  co_await (C.run(asio::use_awaitable) || T.wait(asio::use_awaitable));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the outcome of this race is discarded, so the code after it cannot tell which side completed [async-unhandled-race-outcome]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: inspect the result, or cast it to 'void' when either side will do
  co_return Result;
}

// Redirected, but no code after the race tests the codes: logging one does
// not tell the outcome.
asio::awaitable<int> never_tested(Conn &C, Timer &T) {
  sys::code Run, Wait;
  co_await (C.run(into(Run)) || T.wait(into(Wait)));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the outcome of this race is discarded
  // CHECK-NOTES: :[[@LINE-2]]:3: note: inspect the result
  log_code(Run);
  co_return Result;
}

void lambda_untested(Conn &C, Timer &T) {
  auto Once = [&]() -> asio::awaitable<void> {
    sys::code Run;
    co_await (C.run(into(Run)) || T.wait(asio::use_awaitable));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the outcome of this race is discarded
    // CHECK-NOTES: :[[@LINE-2]]:5: note: inspect the result
    log("after");
  };
  (void)Once;
}

// The next race writes the codes again before they are tested: the test
// reads the second race's outcome, not the first's.
asio::awaitable<void> overwritten(Conn &C, Timer &T) {
  sys::code Run, Wait;
  co_await (C.run(into(Run)) || T.wait(into(Wait)));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the outcome of this race is discarded
  // CHECK-NOTES: :[[@LINE-2]]:3: note: inspect the result
  log("again");
  co_await (C.run(into(Run)) || T.wait(into(Wait)));
  EXPECT(Run == sys::operation_aborted);
}

// The code is cleared, then assigned, after the race and before the test.
asio::awaitable<void> reset_first(Conn &C, Timer &T, sys::code Other) {
  sys::code Run, Wait;
  co_await (C.run(into(Run)) || T.wait(into(Wait)));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the outcome of this race is discarded
  // CHECK-NOTES: :[[@LINE-2]]:3: note: inspect the result
  Run.clear();
  Wait = Other;
  EXPECT(!Run && !Wait);
}

// Tested before the race only.
asio::awaitable<void> tested_before(Conn &C, Timer &T) {
  sys::code Run;
  if (Run)
    co_return;
  co_await (C.run(into(Run)) || T.wait(asio::use_awaitable));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the outcome of this race is discarded
  // CHECK-NOTES: :[[@LINE-2]]:3: note: inspect the result
  log("after");
}

// as_tuple makes the side's result a value of the variant, which is
// dropped: no variable holds it.
asio::awaitable<void> as_a_tuple(Conn &C, Timer &T) {
  sys::code Run;
  co_await (C.run(asio::as_tuple(asio::use_awaitable)) ||
            T.wait(asio::use_awaitable));
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: the outcome of this race is discarded
  // CHECK-NOTES: :[[@LINE-3]]:3: note: inspect the result
  EXPECT(!Run);
}

// A coroutine side given a flag it only reads: it does not tell whether
// the side completed.
asio::awaitable<void> only_reads(bool &Stop) {
  co_await asio::this_coro::executor;
  log(Stop ? "stop" : "go");
}
asio::awaitable<void> flag_not_set(Timer &T) {
  bool Stop = false;
  co_await (only_reads(Stop) || T.wait(asio::use_awaitable));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the outcome of this race is discarded
  // CHECK-NOTES: :[[@LINE-2]]:3: note: inspect the result
  if (Stop)
    log("stopped");
}

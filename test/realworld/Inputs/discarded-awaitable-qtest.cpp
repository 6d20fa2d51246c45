// A lazy task checked with QtTest's reporting functions (the real Qt 6
// headers): coroutine variants of QVERIFY, QCOMPARE and QFAIL return with
// co_return after QtTest records the failure. A task dropped only on that
// exit is the end of a failed test; an ordinary early return drops it.
#include <QtTest/QTest>
#include <coroutine>
#include <utility>

struct step {
  struct promise_type {
    step get_return_object() {
      return step{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> H;
  explicit step(std::coroutine_handle<promise_type> C) : H(C) {}
  step(step &&O) noexcept : H(std::exchange(O.H, {})) {}
  ~step() {
    if (H)
      H.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) { return H; }
  void await_resume() {}
};

#define CO_VERIFY(cond)                                                        \
  do {                                                                         \
    if (!QTest::qVerify(static_cast<bool>(cond), #cond, "", __FILE__,          \
                        __LINE__))                                             \
      co_return;                                                               \
  } while (false)
#define CO_COMPARE(got, want)                                                  \
  do {                                                                         \
    if (!QTest::qCompare(got, want, #got, #want, __FILE__, __LINE__))          \
      co_return;                                                               \
  } while (false)
#define CO_FAIL(text)                                                          \
  do {                                                                         \
    QTest::qFail(text, __FILE__, __LINE__);                                    \
    co_return;                                                                 \
  } while (false)

step flip(bool &Flag) {
  Flag = true;
  co_return;
}

step not_started_yet() {
  bool Started = false;
  auto T = flip(Started);
  CO_VERIFY(!Started);
  co_await T;
  CO_VERIFY(Started);
}

step compared_strings(QString Name) {
  bool Started = false;
  auto T = flip(Started);
  CO_COMPARE(Name, QStringLiteral("lazy"));
  CO_COMPARE(Name.size(), 4);
  co_await T;
}

step failed_fixture(bool Broken) {
  bool Started = false;
  auto T = flip(Started);
  if (Broken)
    CO_FAIL("no fixture");
  co_await T;
}

step skipped(bool Skip) {
  bool Started = false;
  auto T = flip(Started);
  CO_VERIFY(!Started);
  if (Skip)
    co_return;
  co_await T;
}

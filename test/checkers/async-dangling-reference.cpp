// RUN: %check_async_lint %s async-dangling-reference %t

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "asio.hpp"
#include "generator.h"
#include "task.h"

namespace demo {
template <class T> task<> when_all(T &&);
template <class... T> task<> when_all(T &&...);
template <class T> void sync_wait(T &&);
} // namespace demo

// Coroutines that use what their parameters refer to.
demo::task<int> by_ref(const std::string &S) { co_return S.size(); }
demo::task<int> by_view(std::string_view S) { co_return S.size(); }
demo::task<int> by_ptr(const int *P) { co_return *P; }
demo::task<int> by_span(std::span<int> V) { co_return V.size(); }
demo::task<int> by_wrapper(std::reference_wrapper<int> R) { co_return R.get(); }
demo::task<int> by_value(std::string S) { co_return S.size(); }
demo::task<int> unused(const std::string &) { co_return 0; }
asio::awaitable<void> serve(const std::string &S) {
  co_await asio::this_coro::executor;
  (void)S.size();
}
// Eager coroutines: only uses after the first real suspension count.
demo::fire_and_forget eager_late(const std::string &S) {
  co_await demo::task<>();
  (void)S.size();
}
struct never_suspends {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
demo::fire_and_forget eager_early(const std::string &S) {
  (void)S.size();
  co_await never_suspends();
  (void)S.size();
  co_await demo::task<>();
}

std::string make();

// --- Temporaries that die before the task is done with them.

demo::task<> temporaries() {
  auto T = by_ref(std::string("x"));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: parameter 'S' of coroutine 'by_ref' refers to a temporary that the task outlives [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:35: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :22:58: note: 'S' is used here, when the task runs
  co_await T;

  // A string_view of a temporary string.
  auto V = by_view(make());
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: parameter 'S' of coroutine 'by_view' refers to a temporary that the task outlives
  // CHECK-NOTES: :[[@LINE-2]]:26: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :23:57: note: 'S' is used here, when the task runs
  co_await std::move(V);

  // Stored in a container that is awaited later.
  std::vector<demo::task<int>> Tasks;
  Tasks.push_back(by_ref(make()));
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: parameter 'S' of coroutine 'by_ref'
  // CHECK-NOTES: :[[@LINE-2]]:33: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :22:58: note: 'S' is used here, when the task runs
  co_await demo::when_all(std::move(Tasks));
}

demo::task<int> returned_temporary() {
  return by_ref(std::string("x"));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: parameter 'S' of coroutine 'by_ref' refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE-3]]:33: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :22:58: note: 'S' is used here, when the task runs
}

void spawned_temporary(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, serve(make()), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: parameter 'S' of coroutine 'serve' refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE-3]]:52: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :31:9: note: 'S' is used here, when the task runs
}

// --- Locals that die while the task runs on.

demo::task<int> returned_local() {
  std::string Local;
  return by_ref(Local);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: parameter 'S' of coroutine 'by_ref' refers to local 'Local', which the task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES: :22:58: note: 'S' is used here, when the task runs
}

demo::task<int> returned_parameter(std::string ByValue, int Number,
                                   std::vector<int> Numbers) {
  if (Number > 0)
    return by_ptr(&Number);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: parameter 'P' of coroutine 'by_ptr' refers to local 'Number'
  // CHECK-NOTES: :[[@LINE-2]]:5: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+13]]:1: note: 'Number' is destroyed here
  // CHECK-NOTES: :24:51: note: 'P' is used here, when the task runs
  if (Number < 0)
    return by_span(Numbers);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: parameter 'V' of coroutine 'by_span' refers to local 'Numbers'
  // CHECK-NOTES: :[[@LINE-2]]:5: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+7]]:1: note: 'Numbers' is destroyed here
  // CHECK-NOTES: :25:55: note: 'V' is used here, when the task runs
  return by_wrapper(std::ref(Number));
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: parameter 'R' of coroutine 'by_wrapper' refers to local 'Number'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Number' is destroyed here
  // CHECK-NOTES: :26:71: note: 'R' is used here, when the task runs
}

void spawned_local(asio::io_context &Ctx) {
  std::string Local;
  asio::co_spawn(Ctx, serve(Local), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: parameter 'S' of coroutine 'serve' refers to local 'Local'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES: :31:9: note: 'S' is used here, when the task runs
}

void eager_dropped() {
  std::string Local;
  eager_late(Local);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: parameter 'S' of coroutine 'eager_late' refers to local 'Local'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES: :[[@LINE+3]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES: :36:9: note: 'S' is used here, after the coroutine may have suspended
  eager_early(Local);
}

demo::task<> inner_scope() {
  demo::task<int> T;
  {
    std::string Inner;
    T = by_ref(Inner);
    // CHECK-NOTES: :[[@LINE-1]]:16: warning: parameter 'S' of coroutine 'by_ref' refers to local 'Inner'
    // CHECK-NOTES: :[[@LINE+1]]:3: note: 'Inner' is destroyed here
  }
  co_await T;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :22:58: note: 'S' is used here, when the task runs
}

struct holder {
  demo::task<int> Pending;
  void start() {
    std::string Local;
    Pending = by_ref(Local);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: parameter 'S' of coroutine 'by_ref' refers to local 'Local'
    // CHECK-NOTES: :[[@LINE-2]]:13: note: the task is stored here, where it outlives the function
    // CHECK-NOTES: :[[@LINE+2]]:3: note: 'Local' is destroyed here
    // CHECK-NOTES: :22:58: note: 'S' is used here, when the task runs
  }
};

// --- Member coroutines: the object is an implicit reference parameter.

struct connection {
  int Bytes = 0;
  demo::task<int> read() {
    co_await demo::task<>();
    co_return Bytes;
  }
};
struct session : std::enable_shared_from_this<session> {
  int Bytes = 0;
  asio::awaitable<void> run() {
    co_await asio::this_coro::executor;
    ++Bytes;
  }
  asio::awaitable<void> run_owned(std::shared_ptr<session> Self) {
    co_await asio::this_coro::executor;
    ++Bytes;
  }
  void start(asio::io_context &Ctx) {
    asio::co_spawn(Ctx, run(), asio::detached);
    // CHECK-NOTES: :[[@LINE-1]]:25: warning: coroutine 'run' runs detached on '*this', and nothing keeps the object alive
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the task is spawned detached here
    // CHECK-NOTES: :[[@LINE-10]]:7: note: the object is used here, when the task runs
    // CHECK-NOTES: :[[@LINE-4]]:25: note: give the coroutine a 'shared_from_this()' copy to keep the object alive while the task runs
    asio::co_spawn(Ctx, run_owned(shared_from_this()), asio::detached);
  }
};

demo::task<int> member_on_local() {
  connection Conn;
  return Conn.read();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: coroutine 'read' is called on local 'Conn', which the task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Conn' is destroyed here
  // CHECK-NOTES: :[[@LINE-29]]:15: note: the object is used here, when the task runs
}

demo::task<> member_on_temporary() {
  auto T = connection().read();
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: coroutine 'read' is called on a temporary that the task outlives
  // CHECK-NOTES: :[[@LINE-2]]:30: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-37]]:15: note: the object is used here, when the task runs
  co_await T;
}

// --- Generators iterated after the range expression's temporaries died.

demo::generator<int> each(const std::vector<int> &V) {
  for (int I : V)
    co_yield I;
}
std::vector<int> numbers();
void iterate() {
  for (int I : each(numbers()))
    // CHECK-NOTES: :[[@LINE-1]]:21: warning: parameter 'V' of coroutine 'each' refers to a temporary
    // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is iterated here, after the temporaries of the range expression are destroyed
    // CHECK-NOTES: :[[@LINE-3]]:30: note: the temporary is destroyed at the end of this full expression
    // CHECK-NOTES: :[[@LINE-9]]:16: note: 'V' is used here, when the task runs
    (void)I;
  std::vector<int> Local = numbers();
  for (int I : each(Local))
    (void)I;
}

// --- A reference into the result of co_await on a temporary.

struct value_awaiter {
  int Value = 0;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  const int &await_resume() const noexcept { return Value; }
};
value_awaiter next_value();
demo::task<> awaited_references(value_awaiter &Named) {
  const int &Ref = co_await next_value();
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: reference 'Ref' is bound to the result of 'co_await' on a temporary destroyed after this declaration
  // CHECK-NOTES: :[[@LINE-6]]:14: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+1]]:9: note: 'Ref' is used here, after the temporary is destroyed
  (void)Ref;
  const int &FromNamed = co_await Named;
  int Copy = co_await next_value();
  (void)FromNamed;
  (void)Copy;
}

// --- Templates, macros and lambdas.

template <class T> demo::task<int> generic(const T &Value) {
  co_await demo::task<>();
  co_return static_cast<int>(Value);
}
template <class T> demo::task<int> forward_local() {
  T Local{};
  return generic(Local);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: parameter 'Value' of coroutine 'generic' refers to local 'Local'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES: :[[@LINE-8]]:30: note: 'Value' is used here, when the task runs
}
template demo::task<int> forward_local<int>();
template demo::task<int> forward_local<long>();

#define SPAWN(CTX, TASK) asio::co_spawn(CTX, TASK, asio::detached)
void spawned_by_macro(asio::io_context &Ctx) {
  std::string Local;
  SPAWN(Ctx, serve(Local));
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: parameter 'S' of coroutine 'serve' refers to local 'Local'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE-6]]:26: note: expanded from macro 'SPAWN'
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES: :31:9: note: 'S' is used here, when the task runs
}

demo::task<> lambdas() {
  auto Returns = [] {
    std::string Local;
    return by_ref(Local);
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: parameter 'S' of coroutine 'by_ref' refers to local 'Local'
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the task is returned here
    // CHECK-NOTES: :[[@LINE+2]]:3: note: 'Local' is destroyed here
    // CHECK-NOTES: :22:58: note: 'S' is used here, when the task runs
  };
  co_await Returns();
  auto Coro = [](const std::string &S) -> demo::task<int> { co_return S.size(); };
  auto T = Coro(make());
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: parameter 'S' of coroutine lambda refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:23: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-5]]:71: note: 'S' is used here, when the task runs
  co_await T;
  co_await Coro(make());
}

// --- Silent: awaited while what the task refers to lives.

demo::task<> awaited_in_time(std::string &Caller) {
  std::string Local;
  co_await by_ref(std::string("x"));
  co_await by_ref(Local);
  co_await by_view(make());
  co_await demo::when_all(by_ref(make()), by_view(Local));
  auto Later = by_ref(Local);
  co_await Later;
  // What the caller's caller owns is the caller's business.
  auto Theirs = by_ref(Caller);
  co_await Theirs;
  // Copies, static storage, unused parameters.
  auto Copy = by_value(make());
  auto Literal = by_view("literal");
  auto Unused = unused(make());
  co_await Copy;
  co_await Literal;
  co_await Unused;
  // A lazy task that is dropped never runs (async-discarded-awaitable).
  by_ref(Local);
}

int run_to_completion() {
  asio::io_context Ctx;
  std::string Local;
  asio::co_spawn(Ctx, serve(Local), asio::detached);
  Ctx.run();
  demo::sync_wait(by_ref(make()));
  return 0;
}

struct not_shared {
  int Bytes = 0;
  asio::awaitable<void> run() {
    co_await asio::this_coro::executor;
    ++Bytes;
  }
  // Whoever owns a plain object decides how long it lives.
  void start(asio::io_context &Ctx) { asio::co_spawn(Ctx, run(), asio::detached); }
};

// --- References into a member container that other code modifies while the
// coroutine is suspended.

struct registry {
  std::vector<int> Items;
  std::vector<int> Frozen;
  void add(int I) { Items.push_back(I); }
  demo::task<> scan() {
    auto It = Items.begin();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'It' points into member 'Items' and is used after a suspension point, while other code may modify 'Items'
    // CHECK-NOTES: :[[@LINE+4]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :[[@LINE-5]]:21: note: 'Items' is modified here
    // CHECK-NOTES: :[[@LINE+3]]:12: note: 'It' is used here, after the suspension
    int First = *It;
    co_await demo::task<>();
    (void)*It;
    (void)First;
    // Silent: used before the suspension only; a container nothing
    // modifies; a local container.
    int &Front = Items.front();
    (void)Front;
    auto Kept = Frozen.begin();
    std::vector<int> Local;
    auto Mine = Local.begin();
    // Copies of elements point nowhere (libcoro's dns resolver:
    // 'auto ops = m_active_sockets[fd];' across a poll).
    auto Copy = Items[0];
    auto FrontCopy = Items.front();
    co_await demo::task<>();
    (void)*Kept;
    (void)*Mine;
    (void)Copy;
    (void)FrontCopy;
  }
  // The true twins: a reference bound to an element, and its address.
  demo::task<> ref() {
    int &Ref = Items[0];
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'Ref' points into member 'Items' and is used after a suspension point, while other code may modify 'Items'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :{{[0-9]+}}:21: note: 'Items' is modified here
    // CHECK-NOTES: :[[@LINE+2]]:11: note: 'Ref' is used here, after the suspension
    co_await demo::task<>();
    (void)Ref;
  }
  demo::task<> ptr() {
    int *Ptr = &Items.front();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'Ptr' points into member 'Items' and is used after a suspension point, while other code may modify 'Items'
    // CHECK-NOTES: :[[@LINE+3]]:5: note: the coroutine may suspend here
    // CHECK-NOTES: :{{[0-9]+}}:21: note: 'Items' is modified here
    // CHECK-NOTES: :[[@LINE+2]]:12: note: 'Ptr' is used here, after the suspension
    co_await demo::task<>();
    (void)*Ptr;
  }
};

// --- A reference handed out through a pointer the awaited object keeps
// refers to what the pointer points at, not into the object (cppcoro's
// task<T&> keeps a T* in its promise and returns *m_value): silent. Its twin
// returns a reference to storage the promise owns, through the same kind of
// accessor: reported.
struct ref_promise {
  int *Target = nullptr;
  int Stored = 0;
  int &result() { return *Target; }
  int &stored() { return Stored; }
};
struct target_awaiter {
  ref_promise Promise;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int &await_resume() { return Promise.result(); }
};
struct stored_awaiter {
  ref_promise Promise;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int &await_resume() { return Promise.stored(); }
};
target_awaiter next_target();
stored_awaiter next_stored();
demo::task<> references_through_pointers() {
  int &Target = co_await next_target();
  (void)Target;
  int &Stored = co_await next_stored();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: reference 'Stored' is bound to the result of 'co_await' on a temporary destroyed after this declaration
  // CHECK-NOTES: :[[@LINE-9]]:8: note: 'await_resume' returns a reference into the awaited object
  // CHECK-NOTES: :[[@LINE+1]]:9: note: 'Stored' is used here, after the temporary is destroyed
  (void)Stored;
}

// RUN: %check_async_lint %s async-blocking-call %t

#include <atomic>
#include <barrier>
#include <condition_variable>
#include <future>
#include <iostream>
#include <latch>
#include <mutex>
#include <semaphore>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "asio.hpp"
#include "boost/asio.hpp"
#include "concurrencpp/concurrencpp.h"
#include "cppcoro/sync_wait.hpp"
#include "cppcoro/task.hpp"
#include "folly/coro/BlockingWait.h"
#include "folly/coro/Task.h"
#include "stdexec/execution.hpp"
#include "task.h"

using namespace std::chrono_literals;

std::mutex M;
std::condition_variable CV;
std::condition_variable_any CVAny;
std::binary_semaphore Sem(0);
std::latch Latch(1);
std::barrier<> Barrier(2);
std::atomic<int> Flag;
demo::task<int> child();

// --- sleeping ---------------------------------------------------------------

demo::task<> sleeps() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'sleeps' [async-blocking-call]
  std::this_thread::sleep_until(std::chrono::steady_clock::now());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' blocks the executor thread inside coroutine 'sleeps' [async-blocking-call]
  ::usleep(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' blocks
  co_return;
}

// --- waiting on another party -----------------------------------------------

demo::task<> waits() {
  std::unique_lock<std::mutex> Lock(M, std::defer_lock);
  CV.wait(Lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' blocks the executor thread inside coroutine 'waits' [async-blocking-call]
  CV.wait_for(Lock, 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait_for' blocks
  CVAny.wait(Lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::condition_variable_any::wait' blocks
  Sem.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::counting_semaphore::acquire' blocks
  Latch.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::latch::wait' blocks
  Latch.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::latch::arrive_and_wait' blocks
  Barrier.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::barrier::arrive_and_wait' blocks
  Flag.wait(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::atomic::wait' blocks
  // Not waits: notifying, polling, trying.
  CV.notify_one();
  (void)Sem.try_acquire();
  (void)Latch.try_wait();
  (void)Flag.load();
  co_return;
}

// --- waiting for results ----------------------------------------------------

demo::task<> results(std::thread &T, std::jthread &J, std::future<int> &F,
                     std::shared_future<int> SF) {
  T.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::thread::join' blocks the executor thread inside coroutine 'results' [async-blocking-call]
  J.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::jthread::join' blocks
  int V = F.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks
  F.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future::wait' blocks
  SF.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'std::shared_future::get' blocks
  (void)F.valid();
  (void)V;
  co_return;
}

// A type that is itself awaitable (a namespace-scope operator co_await):
// its blocking get() inside a coroutine should be an await.
concurrencpp::result<int> compute();
demo::task<> awaitable_get() {
  int V = compute().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'concurrencpp::result::get' blocks the executor thread inside coroutine 'awaitable_get'
  (void)V;
  (void)compute().status();
  co_return;
}

// A get() on a type that is not awaitable is none of our business.
struct Box {
  int get();
  void wait();
};
demo::task<> not_awaitable(Box B) {
  (void)B.get();
  B.wait();
  co_return;
}

// --- waiting synchronously on asynchronous work -----------------------------

namespace mylib {
template <class A> int sync_wait(A &&);
} // namespace mylib

cppcoro::task<> syncs(asio::io_context &Io, boost::asio::io_context &BIo) {
  cppcoro::sync_wait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::sync_wait' blocks the executor thread inside coroutine 'syncs' [async-blocking-call]
  folly::coro::blockingWait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'folly::coro::blockingWait' blocks
  stdexec::sync_wait(stdexec::just(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stdexec::sync_wait' blocks
  mylib::sync_wait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mylib::sync_wait' blocks
  Io.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'asio::io_context::run' blocks
  BIo.run_one();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'boost::asio::io_context::run_one' blocks
  // Running ready handlers without waiting, or stopping, does not block.
  Io.poll();
  Io.stop();
  (void)stdexec::just(2);
  co_return;
}

// --- blocking I/O -----------------------------------------------------------

asio::awaitable<void> io(asio::ip::tcp::socket &S, boost::asio::ip::tcp::socket &BS,
                         asio::steady_timer &Timer, int Fd) {
  char Buf[16];
  read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' blocks the executor thread inside coroutine 'io' [async-blocking-call]
  recv(Fd, Buf, sizeof Buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' blocks
  system("true");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' blocks
  int N;
  std::cin >> N;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: reading 'std::cin' blocks the executor thread inside coroutine 'io' [async-blocking-call]
  std::string Line;
  std::getline(std::cin, Line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: reading 'std::cin' blocks
  S.read_some(asio::buffer(Buf, sizeof Buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'asio::basic_stream_socket::read_some' blocks
  BS.connect(boost::asio::ip::tcp::endpoint());
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'boost::asio::basic_socket::connect' blocks
  asio::write(S, asio::buffer(Buf, sizeof Buf));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::write' blocks
  Timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'asio::basic_waitable_timer::wait' blocks the executor thread inside coroutine 'io' [async-blocking-call]
  // The asynchronous forms are what a coroutine should do.
  co_await Timer.async_wait(asio::use_awaitable);
  co_await S.async_read_some(asio::buffer(Buf, sizeof Buf), asio::use_awaitable);
  co_await asio::async_write(S, asio::buffer(Buf, sizeof Buf), asio::use_awaitable);
  std::cout << "done";
}

// --- not a coroutine: blocking is fine --------------------------------------

void plain_function() {
  std::this_thread::sleep_for(10ms);
  CV.notify_all();
}

demo::task<int> child() { co_return 1; }

// --- nested code that does not run in the coroutine -------------------------

demo::fire_and_forget nested(demo::thread_pool &Pool) {
  // A lambda that is created but not called here.
  auto Later = [] { std::this_thread::sleep_for(1s); };
  // Lambdas handed to other threads.
  std::thread T([] { std::this_thread::sleep_for(1s); });
  T.detach();
  auto F = std::async(std::launch::async, [] { sleep(1); return 0; });
  Pool.post([] { std::this_thread::sleep_for(1s); });
  // A local class whose member is called elsewhere.
  struct Local {
    void run() { std::this_thread::sleep_for(1s); }
  };
  // Unevaluated operands never run.
  static_assert(sizeof(sleep(1)) == sizeof(unsigned));
  using R = decltype(std::this_thread::sleep_for(1s));
  static_assert(noexcept(std::this_thread::yield()));
  // Names that only look like the catalogue's.
  struct mylib_sleep { static void sleep(int); };
  mylib_sleep::sleep(1);
  (void)Later;
  co_return;
}

// A non-coroutine lambda inside a coroutine, and a coroutine lambda inside a
// function: each is judged on its own.
void lambdas() {
  auto Coro = []() -> demo::task<> {
    std::this_thread::sleep_for(1s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine lambda [async-blocking-call]
    co_return;
  };
  (void)Coro;
}

// A coroutine nested in a coroutine is reported once, in its own body.
demo::task<> outer_coroutine() {
  auto Inner = []() -> demo::task<> {
    Latch.wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::latch::wait' blocks the executor thread inside coroutine lambda
    co_return;
  };
  co_await Inner();
}

// --- macros -----------------------------------------------------------------

#define NAP() std::this_thread::sleep_for(1ms)
demo::task<> macro_user() {
  NAP();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks
  co_return;
}

// --- templates --------------------------------------------------------------

template <class Future> demo::task<> await_future(Future &F) {
  F.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future::get' blocks the executor thread inside coroutine 'await_future'
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'await_future'
  co_return;
}
// Two instantiations, one report per call site.
template demo::task<> await_future(std::future<int> &);
template demo::task<> await_future(std::future<void> &);

// A template whose instantiation is not blocking stays silent.
template <class Callee> demo::task<> call_it(Callee &C) {
  C.get();
  co_return;
}
template demo::task<> call_it(Box &);

// A generic coroutine lambda, instantiated.
auto Generic = [](auto &F) -> demo::task<> {
  F.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::future::wait' blocks the executor thread inside coroutine lambda
  co_return;
};
void use_generic(std::future<int> &F) { (void)Generic(F); }

// --- the mutex category is off by default -----------------------------------

demo::task<> locks() {
  {
    std::lock_guard<std::mutex> Guard(M);
  }
  M.lock();
  M.unlock();
  co_return;
}

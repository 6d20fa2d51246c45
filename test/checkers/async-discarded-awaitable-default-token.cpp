// RUN: %check_async_lint %s async-discarded-awaitable %t

// asio 1.28 and later: an asynchronous operation given no completion token
// gets the default one, asio::deferred, and only builds an operation that
// starts when it is awaited. Dropped, it never starts: reported with a note
// that names the default token. Silent where the defaulted operation is
// awaited (a written token is judged as before: async-discarded-awaitable.cpp).

#include "asio.hpp"

#define RECEIVE(s, b) (s).async_receive(b)

asio::awaitable<void> session(asio::ip::tcp::socket &S) {
  char Buf[8];
  S.async_receive(asio::buffer(Buf, 8));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: asynchronous operation 'asio::basic_stream_socket::async_receive' is discarded and never starts [async-discarded-awaitable]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: did you forget 'co_await'?
  // CHECK-NOTES: :[[@LINE-3]]:3: note: no completion token is given, and the default one, 'asio::deferred_t', makes an operation that starts only when it is awaited
  RECEIVE(S, asio::buffer(Buf, 8));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: asynchronous operation 'asio::basic_stream_socket::async_receive' is discarded and never starts
  // CHECK-NOTES: :11:23: note: expanded from macro 'RECEIVE'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: did you forget 'co_await'?
  // CHECK-NOTES: :11:23: note: expanded from macro 'RECEIVE'
  // CHECK-NOTES: :[[@LINE-5]]:3: note: no completion token is given, and the default one, 'asio::deferred_t'
  // CHECK-NOTES: :11:23: note: expanded from macro 'RECEIVE'
  // Silent: awaited.
  co_await S.async_receive(asio::buffer(Buf, 8));
}

// A plain function: the operation never starts either.
void post_work(asio::any_io_executor Ex) {
  asio::defer(Ex);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: asynchronous operation 'asio::defer' is discarded and never starts
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await it, start it, or hand it to an executor
  // CHECK-NOTES: :[[@LINE-3]]:3: note: no completion token is given, and the default one, 'asio::deferred_t'
}

template <class Socket> asio::awaitable<void> generic(Socket &S) {
  char Buf[8];
  S.async_receive(asio::buffer(Buf, 8));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: asynchronous operation 'asio::basic_stream_socket::async_receive' is discarded and never starts
  // CHECK-NOTES: :[[@LINE-2]]:3: note: did you forget 'co_await'?
  // CHECK-NOTES: :[[@LINE-3]]:3: note: no completion token is given, and the default one, 'asio::deferred_t'
  co_return;
}
template asio::awaitable<void> generic(asio::ip::tcp::socket &);

void lambdas(asio::ip::tcp::socket &S) {
  auto Read = [&S]() -> asio::awaitable<void> {
    char Buf[8];
    S.async_receive(asio::buffer(Buf, 8));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: asynchronous operation 'asio::basic_stream_socket::async_receive' is discarded and never starts
    // CHECK-NOTES: :[[@LINE-2]]:5: note: did you forget 'co_await'?
    // CHECK-NOTES: :[[@LINE-3]]:5: note: no completion token is given, and the default one, 'asio::deferred_t'
    co_return;
  };
  (void)Read;
}

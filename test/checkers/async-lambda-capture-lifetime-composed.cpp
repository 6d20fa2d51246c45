// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// asio's co_composed keeps its implementation, a coroutine lambda, in the
// initiation object, which is destroyed once the operation has started; a
// capture used after the coroutine has suspended reads a dead closure (asio
// issue 1491). What the coroutine needs goes in as initiation arguments.

#include <string>
#include <utility>

#include "asio_co_composed.hpp"

using asio::ip::tcp;
using Signature = void(asio::error_code);

template <class Token>
void async_echo(tcp::socket &Socket, std::string Prefix, Token &&T) {
  return asio::async_initiate<Token, Signature>(
      asio::experimental::co_composed<Signature>(
          [Prefix](auto State, tcp::socket &S) -> void {
            // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'asio::experimental::co_composed' does not keep the closure of this coroutine lambda until the coroutine completes [async-lambda-capture-lifetime]
            // CHECK-NOTES: :[[@LINE-3]]:7: note: the initiation object that holds the closure is destroyed once the operation has started; pass what the coroutine needs as arguments of the initiation
            // CHECK-NOTES: :[[@LINE+3]]:43: note: capture 'Prefix' is used here, after the coroutine may have suspended
            char Data[64];
            co_await S.async_read_some(asio::buffer(Data, 64), asio::deferred);
            co_await asio::async_write(S, Prefix, asio::deferred);
            co_return asio::error_code{};
          },
          Socket),
      static_cast<Token &&>(T), Socket);
}

// The implementation stored in a local first; a capture of 'this'.
struct session {
  tcp::socket Socket;
  int Count = 0;
  template <class Token> void async_count(Token &&T) {
    auto Impl = [this](asio::experimental::co_composed_state<Signature>,
                       tcp::socket &S) -> void {
      // CHECK-NOTES: :[[@LINE-2]]:17: warning: 'asio::experimental::co_composed' does not keep the closure of this coroutine lambda until the coroutine completes
      // CHECK-NOTES: :[[@LINE+8]]:9: note: the initiation object that holds the closure is destroyed once the operation has started; pass what the coroutine needs as arguments of the initiation
      // CHECK-NOTES: :[[@LINE+3]]:9: note: captured 'this' is used here, after the coroutine may have suspended
      char Data[64];
      co_await S.async_read_some(asio::buffer(Data, 64), asio::deferred);
      ++Count;
      co_return asio::error_code{};
    };
    asio::async_initiate<Token, Signature>(
        asio::experimental::co_composed<Signature>(std::move(Impl), Socket),
        static_cast<Token &&>(T), Socket);
  }
};

#define COMPOSE(IMPL) asio::experimental::co_composed<Signature>(IMPL)

// Silent: the values go in as initiation arguments; a capture used only
// before the first suspension, while the initiation still runs; a
// captureless implementation through a macro.
template <class Token>
void async_ok(tcp::socket &Socket, std::string Prefix, Token &&T) {
  asio::async_initiate<Token, Signature>(
      asio::experimental::co_composed<Signature>(
          [](auto State, tcp::socket &S, std::string P) -> void {
            co_await asio::async_write(S, P, asio::deferred);
            co_return asio::error_code{};
          },
          Socket),
      static_cast<Token &&>(T), Socket, std::move(Prefix));
}
template <class Token>
void async_early(tcp::socket &Socket, int Limit, Token &&T) {
  asio::async_initiate<Token, Signature>(
      asio::experimental::co_composed<Signature>(
          [Limit](auto State, tcp::socket &S) -> void {
            int Left = Limit;
            char Data[64];
            while (Left-- > 0)
              co_await S.async_read_some(asio::buffer(Data, 64), asio::deferred);
            co_return asio::error_code{};
          },
          Socket),
      static_cast<Token &&>(T), Socket);
}
template <class Token> void async_macro(tcp::socket &Socket, Token &&T) {
  asio::async_initiate<Token, Signature>(
      COMPOSE([](auto State, tcp::socket &S) -> void {
        co_await asio::async_write(S, 0, asio::deferred);
        co_return asio::error_code{};
      }),
      static_cast<Token &&>(T), Socket);
}

void uses(tcp::socket &Socket, session &Session) {
  async_echo(Socket, "> ", asio::detached);
  Session.async_count(asio::detached);
  async_ok(Socket, "> ", asio::detached);
  async_early(Socket, 3, asio::detached);
  async_macro(Socket, asio::detached);
}

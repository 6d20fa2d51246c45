// Every preset, and asio's alone (its own makers: std::make_shared and
// std::make_unique of an io_context).
// RUN: %check_async_lint --check-suffix=ALL %s async-work-never-run %t.all
// RUN: %check_async_lint --check-suffix=ALL %s async-work-never-run %t.asio \
// RUN:   --config="{CheckOptions: {async-work-never-run.Libraries: 'asio'}}"

// An io_context reached only through a local smart pointer a maker
// returned: work given to its dereference (co_spawn(*ctx, ...), post(*ctx,
// ...)) is destroyed unrun when the pointer dies, unless the context is run
// or handed on first.

#include "asio.hpp"
#include <memory>

#include "unique_ptr.h"

asio::awaitable<void> serve();
void runs_it(asio::io_context &);

void spawned() {
  auto ctx = std::make_shared<asio::io_context>();
  asio::co_spawn(*ctx, serve(), asio::detached);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: work handed to 'ctx' never runs: nothing runs 'ctx' before it is destroyed [async-work-never-run]
}

#define POST_TO(p) asio::post(*(p), [] {})
template <class Context> void posted() {
  auto io = std::make_unique<Context>();
  POST_TO(io);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: work handed to 'io' never runs: nothing runs 'io' before it is destroyed [async-work-never-run]
}
template void posted<asio::io_context>();

// ---- Silent twins.

void run_through_arrow() {
  auto ctx = std::make_shared<asio::io_context>();
  asio::co_spawn(*ctx, serve(), asio::detached);
  ctx->run();
}

void run_through_star() {
  auto ctx = std::make_unique<asio::io_context>();
  asio::post(*ctx, [] {});
  (*ctx).poll();
}

// The dereferenced context given to a call that may run it.
void handed_on() {
  auto ctx = std::make_shared<asio::io_context>();
  asio::co_spawn(*ctx, serve(), asio::detached);
  runs_it(*ctx);
}

// A pointer given by some other call may be shared with code that runs it.
std::shared_ptr<asio::io_context> shared_context();
void shared_elsewhere() {
  auto ctx = shared_context();
  asio::co_spawn(*ctx, serve(), asio::detached);
}

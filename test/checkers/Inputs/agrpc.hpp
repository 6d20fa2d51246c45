// Mock of asio-grpc's GrpcContext (namespace agrpc, an inline namespace as
// the real header's): an execution context whose run() runs its event loop
// until it is out of work, derived from asio::execution_context (whose
// destructor destroys the work it did not run). Work is spawned on it with
// asio::co_spawn.
#pragma once
#include "asio.hpp"
namespace agrpc {
inline namespace b {
class GrpcContext : public asio::execution_context {
public:
  asio::any_io_executor get_executor() noexcept;
  bool run();
  bool poll();
  void stop();
};
} // namespace b
} // namespace agrpc

//===--- DetachingSpawns.h - async-lint -------------------------*- C++ -*-===//
//
// In-house spawns: a function whose visible body hands the task it is given
// to a library spawn that drops the task's failure (asio::co_spawn with
// asio::detached, libcoro's spawn_detached), directly or through other such
// functions. A call of it with a task that throws loses the exception as a
// call of the library spawn would, and is reported at the call.
//
// The body must hand the task on exactly once (a choice between two spawns
// says nothing of every run); where it does not run the task at all, the
// task's exceptions are not thrown, so the claim "if it fails, the failure
// is lost" holds on every run.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DETACHINGSPAWNS_H
#define ASYNC_LINT_MODEL_DETACHINGSPAWNS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::async::model {

/// How a function detaches the task its parameter receives.
struct DetachingSpawn {
  /// The library spawn that drops the failure, in the body of Wrapper.
  const CallExpr *Spawn = nullptr;
  /// The function whose body makes the library spawn.
  const FunctionDecl *Wrapper = nullptr;
  /// The call in the body of the function asked about that hands the task
  /// on to the next wrapper; null when that function is Wrapper.
  const CallExpr *HandedAt = nullptr;
};

/// How \p Fn (not a coroutine: a coroutine's hand-off may never be reached)
/// detaches what its parameter \p Param receives: the one call of its
/// visible body that takes \p Param (as an argument, std::move'd or
/// forwarded, or as the object of a member call) is a spawn that
/// \p DropsFailure accepts, or hands it to a parameter of a function that
/// detaches it so, through at most \p Depth functions. Empty otherwise, and
/// for functions in namespace std.
std::optional<DetachingSpawn>
detachingSpawn(const FunctionDecl &Fn, const ParmVarDecl &Param,
               llvm::function_ref<bool(const CallExpr &)> DropsFailure,
               unsigned Depth = 2);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DETACHINGSPAWNS_H

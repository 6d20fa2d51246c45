//===--- StartupHandshakes.h - async-lint -----------------------*- C++ -*-===//
//
// A start-up handshake: a function starts its own threads and waits until
// each has signalled that it started (tmc's ex_cpu::init). The wait is on a
// local of the waiting function, and the only code that changes that local
// is the callables handed to a std::thread or std::jthread constructed in
// the same function (directly, or by a helper that returns a lambda holding
// the local by reference), each signalling it at the top of its body, before
// any loop and after calling nothing that may block. No task of the waiting
// thread has to run for such a wait to end: it is no stall of an executor.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_STARTUPHANDSHAKES_H
#define ASYNC_LINT_MODEL_STARTUPHANDSHAKES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// True when \p Wait, a blocking wait (a member call) in the body of \p FD,
/// waits on a start-up handshake (see above). \p MayBlock tells whether a
/// call in a thread's body, before its signal, may block.
bool waitsOnStartupHandshake(const FunctionDecl &FD, const Stmt &Wait,
                             llvm::function_ref<bool(const Stmt &)> MayBlock);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_STARTUPHANDSHAKES_H

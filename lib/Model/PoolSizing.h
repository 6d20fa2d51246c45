//===--- PoolSizing.h - async-lint ------------------------------*- C++ -*-===//
//
// Whether a loop sizes a pool rather than spawning without a bound: a loop in
// a constructor or a static factory, bounded by the size that function is
// given, that starts long-lived workers and keeps them in a member of the
// class, where they are joined or stopped with the object. How many run is
// fixed when the pool is made, by whoever makes it, once; it does not grow
// with the load. The class's private data is its own: a member of a class
// nested in it, held through a data member of its own (a pimpl, corral's
// `d->threads`), filled in a constructor or a factory.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_POOLSIZING_H
#define ASYNC_LINT_MODEL_POOLSIZING_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// True when \p Loop, in \p FD, sizes a pool: \p FD is a constructor or a
/// static factory of a class, the loop is bounded by what it is given
/// (staticallyBounded with \p FD as the sizing function), it has a spawn
/// (\p IsSpawn), and every spawn of it keeps its worker in a data member of
/// the class that is joined or stopped with the object (a container of
/// std::jthread, or one the class's destructor reaches).
bool sizesPool(const FunctionDecl &FD, const Stmt &Loop, ASTContext &Ctx,
               llvm::function_ref<bool(const CallExpr &)> IsSpawn);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_POOLSIZING_H

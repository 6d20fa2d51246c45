//===--- JoinedBatches.h - async-lint ---------------------------*- C++ -*-===//
//
// A loop that starts a batch: every task it starts is kept in a local
// container (`v[i] = coro()`, `v.push_back(coro())`), and the container is
// joined as a whole after the loop, in the same block, before anything leaves
// it: a blocking join-all (yaclib's `Wait(v.begin(), v.end())`,
// `Wait(v.data(), v.size())`) or an awaited all-of (`co_await
// Await(v.begin(), v.size())`, `co_await when_all(std::move(v))`) given
// nothing but the container, its begin/end/data/size. No task of the batch
// outlives the statement that joins it: a caller that runs the function
// again, or an enclosing loop that runs the next round, starts a new batch.
//
// And the size of such a batch when it is read from a parameter: a count the
// callers fix, when every call of the function is seen (a lambda kept in a
// local and only called, a function of internal linkage, a function
// template or, by option, a function only the main file declares) and passes a
// bound (a constant, a const local, an element of a fixed-size range).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_JOINEDBATCHES_H
#define ASYNC_LINT_MODEL_JOINEDBATCHES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

/// async-unbounded-spawn's default WaitAllFunctions: the calls that join
/// every task of a range at once (YACLib's blocking Wait and awaited Await).
inline constexpr llvm::StringLiteral DefaultWaitAllFunctions =
    "::yaclib::Wait;::yaclib::Await";

class NameMatcher;
class OwnStmts;

/// True when every one of \p Spawns in \p Loop's body keeps what it starts
/// in a local container, and each such container is joined as a whole by a
/// statement after \p Loop in the block that holds it, with nothing between
/// that leaves the block (return, break, goto): a call of \p Joins or
/// \p Combinators given only the container (itself, or its begin, end, data
/// or size), awaited, or a blocking one that returns nothing.
bool joinedAfter(const Stmt &Loop, const OwnStmts &Own,
                 const llvm::SmallPtrSetImpl<const CallExpr *> &Spawns,
                 const NameMatcher &Joins, const NameMatcher &Combinators,
                 ASTContext &Ctx);

/// The calls of the lambda whose call operator is \p Op, kept in a local
/// variable of the function that makes it; false when the variable is used
/// otherwise than called (copied, captured, passed on) or there is none.
bool localLambdaCalls(const CXXMethodDecl &Op,
                      llvm::SmallVectorImpl<const CallExpr *> &Calls);

/// True when every call of the function \p P belongs to is seen and passes
/// \p P a bound: the function is a lambda kept in a local variable that is
/// only called, or is only called and only in this unit (internal linkage;
/// a function template that only the main file declares, not explicitly
/// instantiated; with \p UnitLocal, a function only the main file
/// declares); each argument
/// is a constant, or reads only const variables (a count the caller made
/// once), elements of fixed-size ranges (`for (const auto n : {1, 8})`) and
/// parameters bound in the same way.
bool boundByEveryCall(const ParmVarDecl &P, ASTContext &Ctx, bool UnitLocal,
                      unsigned Depth = 0);

/// True when \p Loop, a counting for loop, is bounded (by
/// staticallyBounded's rules) once the parameters its condition reads are
/// taken as fixed, and each of them is boundByEveryCall. The parameters
/// must be \p FD's (when null, those of one function). Its condition calls
/// nothing (a range's size() is not such a count).
bool countFixedByCallers(const Stmt &Loop, ASTContext &Ctx, bool UnitLocal,
                         const FunctionDecl *FD = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_JOINEDBATCHES_H

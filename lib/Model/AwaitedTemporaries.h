//===--- AwaitedTemporaries.h - async-lint ----------------------*- C++ -*-===//
//
// References into the result of 'co_await' on a temporary: the awaiter's
// await_resume hands out a reference into the awaited object (AwaitResult.h),
// which dies at the end of the full expression, while a reference, a view,
// a structured binding or a range-for loop still holds into it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_AWAITEDTEMPORARIES_H
#define ASYNC_LINT_MODEL_AWAITEDTEMPORARIES_H

#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::async::model {

class OwnStmts;

/// The co_await that is \p Init (through implicit nodes) when it awaits a
/// temporary and its result is a reference into it, as the body of
/// await_resume shows; null otherwise.
const CoawaitExpr *awaitIntoTemporary(const Expr *Init);

/// The co_await of \p Loop's range when the range is a reference into the
/// result of 'co_await' on a temporary and the language does not extend the
/// temporaries of a range-for initialiser through the loop; null otherwise.
const CoawaitExpr *rangeIntoAwaitedTemporary(const CXXForRangeStmt &Loop,
                                             const LangOptions &LO);

/// The same for the forms awaitIntoTemporary does not see: a range that is
/// a member of the awaited result, or (with \p Opaque) one whose
/// await_resume is not visible.
const CoawaitExpr *rangeIntoAwaitedPart(const CXXForRangeStmt &Loop,
                                        const LangOptions &LO, bool Opaque);

/// A hold into the result of 'co_await' on a temporary whose await_resume
/// returns a reference into it: the range of a range-for loop (\p Var
/// null), or a reference \p Var bound to the result and used at
/// \p FirstUse.
struct AwaitedTemporaryHold {
  const CoawaitExpr *Await = nullptr;
  const VarDecl *Var = nullptr;
  const DeclRefExpr *FirstUse = nullptr;
};

/// Every such hold of \p Body (its own statements), in the order of the
/// walk: rangeIntoAwaitedTemporary's loops, and references initialised by
/// awaitIntoTemporary's awaits that are used.
/// \p Own, when given, holds the own statements of the function \p Body is
/// in (AnalysisSession::ownStmts), read instead of walking.
llvm::SmallVector<AwaitedTemporaryHold, 2>
awaitedTemporaryHolds(const Stmt &Body, const LangOptions &LO,
                      const OwnStmts *Own = nullptr);

/// The await_resume member that \p Await calls.
const CXXMethodDecl *awaitResumeOf(const CoawaitExpr &Await);

/// The first reference to \p VD in \p Body (its own statements), in the
/// order of the walk; null when there is none.
const DeclRefExpr *firstReference(const Stmt *Body, const VarDecl *VD);

/// \p Await is on a temporary, and its result is a reference into it (or,
/// with \p Opaque, one its await_resume does not show).
bool resultDiesWithTemporary(const CoawaitExpr *Await, bool Opaque);

/// How a declaration binds to part of an awaited result.
enum class AwaitBinding { Reference, Member, Structured, View };

/// A declaration holding into the result of 'co_await' on a temporary, and
/// its first use.
struct AwaitedPartHold {
  AwaitBinding How;
  const CoawaitExpr *Await;
  const Stmt *Use;
};

/// \p VD (in \p Body) is a structured binding of, a reference to a member
/// of, or a view (one of \p Views) of the result of 'co_await' on a
/// temporary that dies with it, or (with \p Opaque) a plain reference whose
/// await_resume is not visible, and is used; std::nullopt otherwise.
std::optional<AwaitedPartHold> awaitedPartHold(const VarDecl &VD,
                                               const Stmt &Body,
                                               const NameMatcher &Views,
                                               bool Opaque);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_AWAITEDTEMPORARIES_H

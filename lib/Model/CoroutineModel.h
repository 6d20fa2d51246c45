//===--- CoroutineModel.h - async-lint --------------------------*- C++ -*-===//
//
// The shared coroutine model: every check asks these questions here instead of
// re-deriving them. A function is a coroutine when its body is a
// CoroutineBodyStmt; code belongs to a function only when it runs as part of
// that function (nested lambdas, blocks and local classes run when they are
// called, unevaluated operands never run).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_COROUTINEMODEL_H
#define ASYNC_LINT_MODEL_COROUTINEMODEL_H

#include "CallInfo.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::async::model {

/// The coroutine body of \p FD when this declaration is a coroutine
/// definition, null otherwise.
const CoroutineBodyStmt *getCoroutineBody(const FunctionDecl &FD);

/// True when \p FD (or its definition) is a coroutine.
bool isCoroutine(const FunctionDecl &FD);

/// The user-written statements of a function definition: for a coroutine the
/// body inside its CoroutineBodyStmt (not the implicit promise, suspends and
/// return object), otherwise the function body. Null without a body.
const Stmt *getUserBody(const FunctionDecl &FD);

/// True for the call operator of a lambda.
bool isLambdaCallOperator(const FunctionDecl &FD);

/// How diagnostics name a function: "coroutine 'name'", "coroutine lambda",
/// or "function 'name'" / "lambda" for non-coroutines.
std::string describeFunction(const FunctionDecl &FD);

/// Visits every statement of \p Body that runs when the enclosing function
/// runs: it does not enter nested lambda bodies, blocks, local classes or
/// functions, nor unevaluated operands (sizeof, decltype, noexcept, requires,
/// unevaluated typeid), nor the constants written in types and qualifiers
/// (template arguments, array bounds; a variable-length array's bound runs),
/// nor implicit code (a co_await's awaiter calls: only its operand). Lambda
/// captures are visited, since they are evaluated where the lambda is created.
void forEachOwnStmt(const Stmt *Body,
                    llvm::function_ref<void(const Stmt &)> Callback);

/// The statements forEachOwnStmt visits in one body, walked once and kept,
/// so that the many questions asked of a body do not each walk it again.
/// The walk visits a statement before everything within it, so what
/// forEachOwnStmt visits from a statement of the body is one contiguous run
/// of the list: a question about a part of the body is answered from it too.
class OwnStmts {
public:
  /// \p Names: the unit's memo of canonical names, for call(); none when
  /// null.
  explicit OwnStmts(const Stmt *Body, CallNames *Names = nullptr);

  const Stmt *body() const { return Body; }
  /// Every own statement of the body, in forEachOwnStmt's order.
  llvm::ArrayRef<const Stmt *> all() const { return Order; }
  /// Calls \p Callback as forEachOwnStmt(\p S, Callback) would: from the
  /// list when \p S is a statement of it (visited once), else by walking.
  void forEach(const Stmt *S,
               llvm::function_ref<void(const Stmt &)> Callback) const;

  /// describeCall(\p S), made once per statement however many questions
  /// of the checks ask about the call (about ten do), and freed with the
  /// function's analyses. Null for what is not a call with a known callee.
  const CallInfo *call(const Stmt &S) const;

private:
  /// Where \p S is in Order, if it is there once and the walk left it
  /// there (its End is known).
  std::optional<unsigned> position(const Stmt *S) const;

  const Stmt *Body;
  CallNames *Names;
  std::vector<const Stmt *> Order;
  /// For each statement of Order, the end of what is visited within it;
  /// 0 when unknown.
  std::vector<unsigned> End;
  /// Each statement's index in Order; Twice for one visited more than once.
  llvm::DenseMap<const Stmt *, unsigned> Position;
  static constexpr unsigned Twice = ~0u;
  /// call's answers (null for none), kept where they do not move.
  mutable llvm::DenseMap<const Stmt *, const CallInfo *> Calls;
  mutable std::deque<CallInfo> CallStore;
};

/// describeCall(\p S), from \p Own's cache when given (the statements of
/// the function \p S is in); otherwise described into \p Scratch.
inline const CallInfo *describeCall(const Stmt &S, const OwnStmts *Own,
                                    std::optional<CallInfo> &Scratch) {
  if (Own)
    return Own->call(S);
  Scratch = describeCall(S);
  return Scratch ? &*Scratch : nullptr;
}

/// forEachOwnStmt(\p S, \p Callback), read from \p Own (the statements of
/// the function \p S is in, AnalysisSession::ownStmts) when given.
inline void forEachOwnStmt(const OwnStmts *Own, const Stmt *S,
                           llvm::function_ref<void(const Stmt &)> Callback) {
  if (Own)
    Own->forEach(S, Callback);
  else
    forEachOwnStmt(S, Callback);
}

/// The first statement of \p Body (as forEachOwnStmt visits them), in source
/// order, that satisfies \p IsUse; null when there is none.
const Stmt *firstOwnStmt(const Stmt *Body,
                         llvm::function_ref<bool(const Stmt &)> IsUse,
                         const SourceManager &SM);

/// Calls \p Callback for each explicit suspension point of \p Body (the
/// user-written body of a coroutine): every co_await and co_yield, also in
/// initialisers, conditions and co_return operands; not the implicit initial
/// and final suspends, nor those of nested lambdas.
void forEachSuspensionPoint(
    const Stmt *Body,
    llvm::function_ref<void(const CoroutineSuspendExpr &)> Callback);

/// True when temporaries in a range-for initialiser live until the end of
/// the loop (C++23, P2718); in C++20 they die before the first iteration,
/// so `for (auto x : gen(make_vec()))` dangles there.
inline bool rangeForInitTemporariesLiveThroughLoop(const LangOptions &LO) {
  return LO.CPlusPlus23;
}

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_COROUTINEMODEL_H

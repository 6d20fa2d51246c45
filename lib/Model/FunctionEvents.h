//===--- FunctionEvents.h - async-lint --------------------------*- C++ -*-===//
//
// The statements of one function's own code that the checks ask about,
// sorted into small lists by one pass over its own statements (OwnStmts):
// calls and constructions, suspensions, loops, lambdas, local variables.
// Most statements of a body are none of these (references, casts,
// literals, operators), so a check that walks a list instead of the body
// looks at a fraction of it, and a check whose list is empty for a
// function has nothing to do there. Built once per function by the unit's
// AnalysisSession, freed with the function's other analyses
// (docs/architecture.md, "The event pass").
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FUNCTIONEVENTS_H
#define ASYNC_LINT_MODEL_FUNCTIONEVENTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"
#include <utility>
#include <vector>

namespace clang::tidy::async::model {

class OwnStmts;

/// The events of one function's own statements, each list in the order
/// forEachOwnStmt visits them (so a walk of a list meets its statements
/// in the order a walk of the body would).
class FunctionEvents {
public:
  explicit FunctionEvents(const OwnStmts &Own);

  /// Every CallExpr (of any kind, also one without a known callee) and
  /// CXXConstructExpr: what describeCall, calledDefinition and the
  /// summaries can say anything about.
  llvm::ArrayRef<const Expr *> calls() const { return Calls; }
  /// Every co_await and co_yield (CoroutineSuspendExpr), not co_return.
  llvm::ArrayRef<const CoroutineSuspendExpr *> suspensions() const {
    return Suspensions;
  }
  /// Every for, while, do and range-for loop.
  llvm::ArrayRef<const Stmt *> loops() const { return Loops; }
  /// Every lambda expression (made here; its body is not this function's).
  llvm::ArrayRef<const LambdaExpr *> lambdas() const { return Lambdas; }
  /// Every variable a declaration statement declares, with the statement.
  llvm::ArrayRef<std::pair<const VarDecl *, const DeclStmt *>> locals() const {
    return Locals;
  }
  /// How many statements the pass visited.
  unsigned statements() const { return Statements; }

private:
  std::vector<const Expr *> Calls;
  std::vector<const CoroutineSuspendExpr *> Suspensions;
  std::vector<const Stmt *> Loops;
  std::vector<const LambdaExpr *> Lambdas;
  std::vector<std::pair<const VarDecl *, const DeclStmt *>> Locals;
  unsigned Statements = 0;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FUNCTIONEVENTS_H

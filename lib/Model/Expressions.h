//===--- Expressions.h - async-lint -----------------------------*- C++ -*-===//
//
// What an expression is once the wrappers the compiler and the programmer put
// around it are taken off. One helper, four depths: the rules that ask what
// an expression's value is used for, which object it names, or what a
// condition tests each need a different amount taken off.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EXPRESSIONS_H
#define ASYNC_LINT_MODEL_EXPRESSIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <utility>

namespace clang::tidy::async::model {

/// Which wrappers strip() takes off.
enum class Wrappers {
  /// Parentheses, cleanups, temporaries bound for destruction, and implicit
  /// casts other than a load (lvalue-to-rvalue): what leaves the value as
  /// it is, and still tells a read of a variable from the variable.
  Syntax,
  /// What the compiler adds (parentheses, every implicit cast, temporaries,
  /// cleanups, constant expressions) and std::move, std::forward, std::ref,
  /// std::cref; not what the programmer wrote, such as a cast to void.
  Implicit,
  /// Syntax and Implicit wrappers, every cast, materialised temporaries,
  /// constant expressions, copies and moves (copy and move constructors,
  /// std::move, std::forward, std::ref, std::cref): what does not change
  /// which object it denotes.
  Object,
  /// Parentheses, implicit casts, cleanups, explicit casts to bool and
  /// __builtin_expect: what a condition wraps around its test.
  Condition,
};

/// \p E without the wrappers \p W (null for null).
const Expr *strip(const Expr *E, Wrappers W);

/// The variable or member \p E names (a variable, a member, through
/// std::move, copies and casts: Wrappers::Object); null when it names none.
const ValueDecl *namedDecl(const Expr *E);

/// The target and the value of an assignment (built-in or operator=), when
/// \p S is one (through parentheses and cleanups); nulls otherwise.
std::pair<const Expr *, const Expr *> assignmentParts(const Stmt *S);

/// The two sides of an equality test, and whether it tests for equality
/// (==) or inequality (!=).
struct Equality {
  const Expr *LHS;
  const Expr *RHS;
  bool Equal;
};

/// \p E as an equality test: built in, an overloaded operator== or !=, or
/// one rewritten from them (the sides as written); std::nullopt otherwise.
std::optional<Equality> equalityParts(const Expr *E);

/// The position of an element taken by a constant index: c[N], c.at(N),
/// c.front() (0), std::get<N>(c); sets \p Container to c. std::nullopt for
/// anything else.
std::optional<int64_t> constantPosition(const Expr *E, const Expr *&Container,
                                        const ASTContext &Ctx);

/// The integer constant \p E evaluates to (through parentheses and
/// implicit casts), when it is one; std::nullopt for a value-dependent
/// expression or anything else.
std::optional<int64_t> integerConstant(const Expr *E, const ASTContext &Ctx);

/// The variable or member \p E names through parentheses and implicit casts
/// only (not through copies or std::move, unlike namedDecl); null otherwise.
const ValueDecl *declNamedDirectly(const Expr *E);

/// The local variable (not a reference) whose member \p Member is: c.tasks,
/// c.a.b; null for a member reached through a pointer or a reference.
const VarDecl *localObjectOf(const MemberExpr *Member);

/// The operands whose referents the call \p S reads when it runs, after
/// every argument has been evaluated (so after any suspension point among
/// them): the object of a member call or of a member operator (`f(x)` on a
/// closure), and each argument bound to a reference parameter. Each is
/// taken through implicit wrappers and `.` member accesses (and `this->`)
/// to the variable or `this` it names, and \p Visit is called with that;
/// an operand reached through any other pointer is not followed. Calls
/// nothing when \p S is not a call.
void forEachReadAtCall(const Stmt &S,
                       llvm::function_ref<void(const Expr &)> Visit);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EXPRESSIONS_H

//===--- Assertions.h - async-lint ------------------------------*- C++ -*-===//
//
// Statements that state a condition: assertion macros (assert, GoogleTest,
// Catch2, Boost.Test, doctest, asio's ASIO_CHECK, in-house CHECK macros) and
// assert-like functions. Shared by the checks that take what an assertion
// states as known for the statements after it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_ASSERTIONS_H
#define ASYNC_LINT_MODEL_ASSERTIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>

namespace clang::tidy::async::model {

/// True when \p S never completes normally: it ends in a throw or in a call
/// of a function that does not return (abort, terminate, a failed assert).
bool stops(const Stmt *S);

/// The position of the bool parameter that \p FD asserts: its body tests
/// the parameter first thing and stops (throws or calls a function that
/// does not return) when it is false, so a call that returns states it.
std::optional<unsigned> assertedBoolParameter(const FunctionDecl &FD);

/// The condition of \p S, an if or a ?:, when exactly one of its branches
/// is \p Failing (ends the run, reports a failure); \p Holds: the
/// condition's value on the other branch, where the run goes on. With
/// \p Plain, only an if without an init statement, a condition variable or
/// consteval. Null otherwise.
const Expr *oneSidedTest(const Stmt &S,
                         llvm::function_ref<bool(const Stmt *)> Failing,
                         bool &Holds, bool Plain = false);

/// True when \p S contains a string literal made by the preprocessor's '#'
/// operator: a macro that reports the text of what it was given.
bool hasStringizedText(const Stmt *S, const SourceManager &SM);

/// True when \p S, a statement, is one whole expansion of an assertion
/// macro: one named in \p Listed (a trailing '*' matches a prefix) or one
/// that reports the text of its condition (what assert, GoogleTest, Catch2,
/// Boost.Test and doctest do).
bool isAssertionMacro(const Stmt &S, llvm::ArrayRef<std::string> Listed,
                      const ASTContext &Ctx);

/// The condition and the branch that reports the failure of an assertion
/// macro's expansion \p S: the first if or ?: of which exactly one branch
/// reports the condition's text. \p Holds: the condition's value when the
/// assertion passes. Null when there is none.
const Expr *assertionFailureTest(const Stmt *S, const SourceManager &SM,
                                 bool &Holds);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_ASSERTIONS_H

//===--- ThrowAssertions.h - async-lint -------------------------*- C++ -*-===//
//
// The statements that a test framework's throw assertion evaluates for their
// exception (Boost.Test's BOOST_CHECK_THROW and BOOST_CHECK_EXCEPTION,
// GoogleTest's EXPECT_THROW and EXPECT_ANY_THROW, Catch2's REQUIRE_THROWS):
// a statement of a try block whose normal completion runs into the
// framework's report of a failure. Its value is discarded by design: the
// test wants it to throw, and no code can read what it would have produced.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_THROWASSERTIONS_H
#define ASYNC_LINT_MODEL_THROWASSERTIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// The statements of \p Body that throw assertions evaluate for their
/// exception: an expression statement of a try block (or of a block or a
/// branch of an if within it, as GoogleTest wraps it) whose next statement
/// reports a failure. The next statement is the one after it in its block,
/// or, when it ends the try block, the one after the try statement in its
/// own block; it reports a failure when it calls a function of \p Reports
/// (also through a goto to a label) not passed the constant true, with
/// which Boost.Test reports the pass of a no-throw check.
llvm::SmallPtrSet<const Stmt *, 4>
throwAssertedStatements(const Stmt &Body, const NameMatcher &Reports,
                        const ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_THROWASSERTIONS_H

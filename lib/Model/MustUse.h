//===--- MustUse.h - async-lint ---------------------------------*- C++ -*-===//
//
// Whether a local is used on every path that leaves its declaration, read
// from the structure of the statements that follow it: each runs in turn
// unless one may jump; a compound or try block runs its statements; a loop
// whose first test is true (for (int i = 0; i < 10; ++i), do-while) runs its
// body at least once. A branch (if, switch, ?:, &&, ||) does not promise a
// use. Exceptional paths are not followed, as in Clang's CFG.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_MUSTUSE_H
#define ASYNC_LINT_MODEL_MUSTUSE_H

#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// True when the loop \p For runs its body at least once: its condition is
/// absent, or it is true for the constant its only loop variable starts
/// with (`for (int i = 0; i < 10; i++)`).
bool runsBodyOnce(const ForStmt &For, const ASTContext &Ctx);

/// True when \p S contains a statement that may leave it other than at its
/// end (return, co_return, break, continue, goto, throw), not counting the
/// bodies of lambdas.
bool mayLeave(const Stmt *S);

/// True when every path from the declaration of the local \p Var in
/// \p Body reaches a mention of it that \p IsUse accepts, by structure (see
/// the file comment); a branch whose condition \p AlwaysTrue shows to hold
/// (alwaysTrueCondition) always runs. False whenever that cannot be shown.
bool usedOnEveryPath(const VarDecl &Var, const Stmt &Body,
                     const ASTContext &Ctx, const NameMatcher &AlwaysTrue,
                     llvm::function_ref<bool(const DeclRefExpr &)> IsUse);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_MUSTUSE_H

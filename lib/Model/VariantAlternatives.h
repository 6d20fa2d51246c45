//===--- VariantAlternatives.h - async-lint ---------------------*- C++ -*-===//
//
// Which alternative a std::variant variable is known to hold at a point:
// learnt from a test of its index() on the way there, forgotten where code
// may change the variable.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_VARIANTALTERNATIVES_H
#define ASYNC_LINT_MODEL_VARIANTALTERNATIVES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace clang::tidy::async::model {

/// Alternatives of std::variant variables known to be held.
using IndexFacts = llvm::DenseMap<const VarDecl *, int64_t>;

/// What \p Cond states of the alternative a std::variant variable holds
/// when it has the value \p Holds: v.index() == N (either way round, also
/// negated, and both sides of a conjunction that holds), added to \p Out.
void learnIndex(const Expr *Cond, bool Holds, IndexFacts &Out,
                const ASTContext &Ctx, unsigned Depth = 0);

/// The variable and the alternative std::get<N>(v) reads (of a variant;
/// std::get of a tuple never throws and is not asked about).
std::optional<std::pair<const VarDecl *, int64_t>>
alternativeRead(const Expr &E);

/// Drops from \p Facts the variables \p S may change: assigned, given to a
/// non-const member function (emplace, swap), or bound to a non-const
/// reference parameter of a function outside std.
void forgetChanged(const Stmt *S, IndexFacts &Facts);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_VARIANTALTERNATIVES_H

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

/// Alternatives of std::variant objects known to be held: variables, and
/// members of the object whose function is searched (m_value).
using IndexFacts = llvm::DenseMap<const ValueDecl *, int64_t>;

/// The variant object \p E denotes: a variable (through copies and
/// std::move), or a member of the object (m_value, this->m_value); null
/// otherwise.
const ValueDecl *variantObject(const Expr *E);

/// What the statement \p S, once run, states of a variant: v.emplace<N>(...)
/// (of std::variant) makes it hold alternative N.
void learnEmplace(const Stmt &S, IndexFacts &Out);

/// What \p Cond states of the alternative a std::variant variable holds
/// when it has the value \p Holds: v.index() == N (either way round, also
/// negated, and both sides of a conjunction that holds), added to \p Out.
void learnIndex(const Expr *Cond, bool Holds, IndexFacts &Out,
                const ASTContext &Ctx, unsigned Depth = 0);

/// The variable and the alternative std::get<N>(v) reads (of a variant;
/// std::get of a tuple never throws and is not asked about).
std::optional<std::pair<const ValueDecl *, int64_t>>
alternativeRead(const Expr &E);

/// Drops from \p Facts the variables \p S may change: assigned, given to a
/// non-const member function (emplace, swap), or bound to a non-const
/// reference parameter of a function outside std; and every member, at a
/// call of a function outside std (which may reach it through `this`).
void forgetChanged(const Stmt *S, IndexFacts &Facts);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_VARIANTALTERNATIVES_H

//===--- TransformedTasks.h - async-lint ------------------------*- C++ -*-===//
//
// Lazy tasks made by a transform of a range, one per element, with no loop
// written: the container a transform algorithm fills through an inserter
// (`std::transform(in.begin(), in.end(), std::back_inserter(tasks), f)`), a
// container made from a transform view, or the view itself handed to a
// combinator (`when_all(in | views::transform(f))`). How many run at once is
// how many elements the input has.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_TRANSFORMEDTASKS_H
#define ASYNC_LINT_MODEL_TRANSFORMEDTASKS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

class NameMatcher;
class OwnStmts;

/// async-unbounded-spawn's defaults: the algorithms that call a function for
/// every element of a range and write what it returns through an output
/// iterator, and the view classes that do it lazily.
inline constexpr llvm::StringLiteral DefaultTransformFunctions =
    "::std::transform;::std::ranges::transform";
inline constexpr llvm::StringLiteral DefaultTransformViews =
    "::std::ranges::transform_view";

/// The lists a transformed fan-out is judged by.
struct TransformLists {
  const NameMatcher &Functions;
  const NameMatcher &Views;
  /// Functions that run the tasks of a range at once (when_all).
  const NameMatcher &Combinators;
  /// Functions and classes that limit how many run at once, looked for in
  /// the function the transform calls (a lambda that acquires a slot).
  const NameMatcher &LimiterFunctions;
  const NameMatcher &LimiterTypes;
};

/// Tasks made one per element of \p Input by \p Made and combined all at
/// once by \p Combine.
struct TransformedFanOut {
  const Expr *Input;
  const Stmt *Made;
  const CallExpr *Combine;
  /// The local container the tasks are kept in; null when the view itself
  /// is combined.
  const VarDecl *Container;
};

/// The transformed fan-outs of \p Body whose input has no fixed size (an
/// array, a std::array, an initializer list, constants) and is no batch of
/// a constant size (`views::take(16)`, `span::subspan(i, 16)`,
/// `std::min<size_t>(16, n)` as the count), whose tasks are lazy (the
/// combinator starts them) and whose function takes no slot of a limiter.
/// \p Own, when given, holds the own statements of \p Body's function.
llvm::SmallVector<TransformedFanOut, 1>
transformedFanOuts(const Stmt *Body, ASTContext &Ctx,
                   const TransformLists &Lists, const OwnStmts *Own = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_TRANSFORMEDTASKS_H

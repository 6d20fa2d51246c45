//===--- DroppingWrappers.h - async-lint ------------------------*- C++ -*-===//
//
// Callables converted to a type-erased function wrapper whose call returns
// void: `std::function<void(T)> f = [](T) -> task<> {...};`, a coroutine
// lambda passed as a `std::function<void()>` parameter or assigned to a
// member of that type. Every call of the wrapper calls the callable and
// throws away the task it returns: a lazy task never runs, an eager one runs
// detached with its result and failure lost. Found by structure: the
// wrapper's call operators return void, and a converting constructor (or
// assignment) template of the wrapper takes the callable, whose call result
// DropVerdicts judges. The fact behind async-discarded-awaitable's
// conversion findings.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DROPPINGWRAPPERS_H
#define ASYNC_LINT_MODEL_DROPPINGWRAPPERS_H

#include "DroppedValues.h"
#include "NameMatcher.h"
#include "PlacedNotes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <vector>

namespace clang::tidy::async::model {

class OwnStmts;

/// A callable converted to a wrapper whose call drops what it returns.
struct DroppingConversion {
  /// The callable as written (the converted argument).
  const Expr *Callable = nullptr;
  /// The wrapper type.
  QualType Wrapper;
  /// The function each call of the wrapper calls, when known: the
  /// callable's call operator, or the function it names.
  const FunctionDecl *Target = nullptr;
  /// What each call returns.
  QualType Result;
  DropVerdict Verdict{DropVerdict::Kind::None, Laziness::Unknown};
};

/// The conversion \p S makes when it is a construction or an assignment
/// (operator=) of a wrapper class whose call operators all return void,
/// by a constructor or assignment template that takes a callable whose
/// call result \p Verdicts judges a task or an awaitable (every call
/// operator of the callable that the wrapper's call can reach); a wrapper
/// of \p Awaiting (classes that await or start what their callable
/// returns) is none. std::nullopt otherwise.
std::optional<DroppingConversion>
droppingConversion(const Stmt &S, const DropVerdicts &Verdicts,
                   const NameMatcher &Awaiting);

/// The findings for the dropping conversions of \p FD: its own statements
/// \p Own, its constructor initialisers and the default member initialisers
/// they use. A wrapper made and destroyed in a discarded expression is never
/// called and is not reported.
std::vector<Finding> droppingConversions(const FunctionDecl &FD,
                                         const OwnStmts &Own,
                                         const DropVerdicts &Verdicts,
                                         const NameMatcher &Awaiting,
                                         const ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DROPPINGWRAPPERS_H

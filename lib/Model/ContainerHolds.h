//===--- ContainerHolds.h - async-lint --------------------------*- C++ -*-===//
//
// What a local variable holds into a member, namespace-scope or static
// container (a reference or pointer to an element, an iterator, a view),
// and where it is used after a suspension point with no new value since.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONTAINERHOLDS_H
#define ASYNC_LINT_MODEL_CONTAINERHOLDS_H

#include "ContainerInvalidation.h"
#include "LocalFlow.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

class OwnStmts;
class SuspensionFlow;

/// The container into which \p Var's initialiser takes a reference, a
/// pointer or an iterator: 'items_.begin()', '&items_.front()', or
/// 'items_[i]' bound to a reference, on a member or a shared variable; \p H
/// says which. A variable that holds a copy of an element
/// ('auto x = items_[i];') points nowhere: null.
const ValueDecl *elementSource(const VarDecl &Var, Held &H);

/// The container a view's initialiser \p Init looks into: the container
/// itself ('std::string_view V = Name;', 'std::span<int> S = Items;') or
/// one of its elements ('std::string_view V = Names[I];'). A container of a
/// view type (one of \p Views: a member string_view) is not one.
const ValueDecl *viewedContainer(const Expr *Init, const NameMatcher &Views);

/// A local that holds \p H into \p Container: declared by \p Declaration,
/// or the hidden iterator of the range-for loop \p Loop; or, with no local,
/// an awaited algorithm \p Walker (a WalkingAlgorithms call) that walks it.
struct ContainerHold {
  const VarDecl *Var = nullptr;
  const DeclStmt *Declaration = nullptr;
  const ValueDecl *Container = nullptr;
  Held H = Held::Element;
  const CXXForRangeStmt *Loop = nullptr;
  const CallExpr *Walker = nullptr;
  const CoawaitExpr *Await = nullptr;
};

/// Every hold of \p Body (its own statements) into a member or shared
/// container, in this order: references, pointers and iterators to
/// elements (elementSource, and copies of such an iterator: 'auto It =
/// First;'), views (one of \p Views; viewedContainer), and range-for loops,
/// each in the order of the walk. A range-for's iterator, and an iterator
/// the body steps ('++It', 'It += N'), is a walk (Held::Walk). Last, the
/// awaited calls of one of \p Walking whose first argument is a container
/// (as a range-for's range) or an iterator into one: they walk it.
/// \p Own, when given, holds the own statements of the function \p Body is
/// in (AnalysisSession::ownStmts), read instead of walking.
llvm::SmallVector<ContainerHold, 4>
containerHolds(const Stmt &Body, const NameMatcher &Views,
               const OwnStmts *Own = nullptr,
               const NameMatcher *Walking = nullptr);

/// The first use of \p Var (declared by \p Declaration in \p Body, whose
/// suspension flow is \p Flow) after a suspension point, with that point.
/// An assignment of a new value to \p Var (a fresh lookup) ends the path,
/// and the variable it names is not a use.
LateUse lateUseOfHold(const SuspensionFlow &Flow, const Stmt &Body,
                      const VarDecl &Var, const DeclStmt &Declaration);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONTAINERHOLDS_H

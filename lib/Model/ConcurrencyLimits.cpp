//===--- ConcurrencyLimits.cpp - async-lint -------------------------------===//

#include "ConcurrencyLimits.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "StaticLoopBounds.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p S is or contains something that waits or skips: a
/// co_await, a jump out of the iteration.
bool waitsOrSkips(const Stmt *S) {
  bool Found = false;
  forEachOwnStmt(S, [&](const Stmt &Inner) {
    Found = Found || isa<CoawaitExpr, CoreturnStmt, ReturnStmt, BreakStmt,
                         ContinueStmt, CXXThrowExpr>(Inner);
  });
  return Found;
}

/// The variables whose value \p Body counts up or down.
llvm::SmallPtrSet<const ValueDecl *, 4> counters(const Stmt *Body) {
  llvm::SmallPtrSet<const ValueDecl *, 4> Result;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Unary = dyn_cast<UnaryOperator>(&S);
        Unary && Unary->isIncrementDecrementOp())
      if (const ValueDecl *D = declNamedDirectly(Unary->getSubExpr()))
        Result.insert(D);
    if (const auto *Assign = dyn_cast<CompoundAssignOperator>(&S))
      if (const ValueDecl *D = declNamedDirectly(Assign->getLHS()))
        Result.insert(D);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
        Op && (Op->getOperator() == OO_PlusPlus ||
               Op->getOperator() == OO_MinusMinus ||
               Op->getOperator() == OO_PlusEqual ||
               Op->getOperator() == OO_MinusEqual))
      if (const ValueDecl *D = declNamedDirectly(Op->getArg(0)))
        Result.insert(D);
  });
  return Result;
}

/// True when \p Cond compares a counter with something.
bool comparesCounter(const Expr *Cond,
                     const llvm::SmallPtrSet<const ValueDecl *, 4> &Counters) {
  bool Found = false;
  forEachOwnStmt(Cond, [&](const Stmt &S) {
    const auto *Compare = dyn_cast<BinaryOperator>(&S);
    if (Found || !Compare || !Compare->isComparisonOp())
      return;
    forEachOwnStmt(Compare, [&](const Stmt &Operand) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(&Operand))
        Found = Found || Counters.contains(Ref->getDecl());
      if (const auto *Member = dyn_cast<MemberExpr>(&Operand))
        Found = Found || Counters.contains(Member->getMemberDecl());
    });
  });
  return Found;
}

} // namespace

bool limitsByCall(const CallExpr &Call, const NameMatcher &LimiterFunctions,
                  const NameMatcher &LimiterTypes) {
  std::optional<CallInfo> Info = describeCall(Call);
  if (!Info)
    return false;
  if (anyNameMatches(LimiterFunctions, *Info))
    return true;
  const CXXRecordDecl *RD =
      Info->ObjectType.isNull()
          ? nullptr
          : Info->ObjectType.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && LimiterTypes.matches(canonicalName(*RD));
}

bool limitsConcurrency(const Stmt &Loop, const NameMatcher &LimiterFunctions,
                       const NameMatcher &LimiterTypes) {
  const Stmt *Body = loopBody(Loop);
  bool Limited = false;
  llvm::SmallPtrSet<const ValueDecl *, 4> Counters = counters(Body);
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Limited)
      return;
    // An awaited acquisition, or an operation on a bounded channel or
    // semaphore.
    if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      Limited |= limitsByCall(*Call, LimiterFunctions, LimiterTypes);
      return;
    }
    // A check against a counter of running tasks that waits or skips, or
    // that guards the spawn.
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(&S))
      Cond = If->getCond();
    else if (const auto *While = dyn_cast<WhileStmt>(&S))
      Cond = While->getCond();
    if (Cond && comparesCounter(Cond, Counters) &&
        (waitsOrSkips(&S) || isa<IfStmt>(S)))
      Limited = true;
  });
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    Limited |= comparesCounter(While->getCond(), Counters);
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    Limited |= For->getCond() && comparesCounter(For->getCond(), Counters) &&
               !isa<DeclRefExpr>(For->getCond());
  return Limited;
}

} // namespace clang::tidy::async::model

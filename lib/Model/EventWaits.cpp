//===--- EventWaits.cpp - async-lint --------------------------------------===//

#include "EventWaits.h"
#include "CallInfo.h"
#include "ClassNames.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FirstArrival.h"
#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async::model {

const ValueDecl *awaitedEvent(const CoroutineSuspendExpr &Point,
                              const EventKnowledge &Know) {
  if (!isa<CoawaitExpr>(Point))
    return nullptr;
  const Expr *Operand = strip(Point.getOperand(), Wrappers::Implicit);
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Operand)) {
    std::optional<CallInfo> Info = describeCall(*Call);
    if (Info && anyNameMatches(Know.WaitMembers, *Info))
      return namedDecl(Call->getImplicitObjectArgument());
    return nullptr;
  }
  if (Operand && matchesClassOf(Know.Types, Operand->getType()))
    return namedDecl(Operand);
  return nullptr;
}

bool createdUnset(const VarDecl &Var) {
  if (!Var.isLocalVarDecl() || Var.isStaticLocal() ||
      Var.getType()->isReferenceType())
    return false;
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Var.getInit() ? Var.getInit()->IgnoreImplicit() : nullptr);
  if (!Construct)
    return false;
  const Expr *Given = nullptr;
  for (const Expr *Arg : Construct->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    if (Given)
      return false;
    Given = Arg;
  }
  if (!Given)
    return true;
  Expr::EvalResult Value;
  if (Given->isValueDependent() ||
      !Given->EvaluateAsInt(Value, Var.getASTContext()))
    return false;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (!Ctor || Ctor->getNumParams() == 0)
    return false;
  llvm::APSInt Int = Value.Val.getInt();
  if (Ctor->getParamDecl(0)->getType()->isBooleanType())
    return Int.isZero();
  return Int.isStrictlyPositive();
}

bool isWithin(const Stmt *S, const Stmt &Within) {
  if (S == &Within)
    return true;
  for (const Stmt *Child : Within.children())
    if (Child && isWithin(S, *Child))
      return true;
  return false;
}

std::pair<const ValueDecl *, const VarDecl *>
awaitedPromise(const CoroutineSuspendExpr &Point, const EventKnowledge &Know) {
  if (!isa<CoawaitExpr>(Point))
    return {};
  const Expr *Operand = strip(Point.getOperand(), Wrappers::Object);
  const auto *Future = dyn_cast_or_null<VarDecl>(namedDecl(Operand));
  if (Future) {
    if (!Future->isLocalVarDecl() || Future->isStaticLocal() ||
        Future->getType()->isReferenceType())
      return {};
    Operand = strip(Future->getInit(), Wrappers::Object);
  }
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Operand);
  std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
  if (!Info || !anyNameMatches(Know.PromiseFutureMembers, *Info))
    return {};
  return {namedDecl(Call->getImplicitObjectArgument()), Future};
}

std::vector<const ValueDecl *> namedBefore(const FirstArrival &Arrival,
                                           ArrayRef<const Stmt *> Skip) {
  std::vector<const ValueDecl *> Named;
  for (const Stmt *S : Arrival.Before) {
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &C : Lambda->captures())
        if (C.capturesVariable())
          Named.push_back(C.getCapturedVar());
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (llvm::none_of(Skip, [&](const Stmt *Within) {
            return Within && isWithin(Ref, *Within);
          }))
        Named.push_back(Ref->getDecl());
    }
  }
  return Named;
}

const CXXMemberCallExpr *
signalAfter(const CFG &Graph, const Stmt &Body, const Stmt &Wait,
            const NameMatcher &Setters,
            llvm::function_ref<bool(const ValueDecl *)> IsEvent) {
  const CXXMemberCallExpr *Setter = nullptr;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    if (Setter || !Call)
      return;
    std::optional<CallInfo> Info = describeCall(*Call);
    if (Info && anyNameMatches(Setters, *Info) &&
        IsEvent(namedDecl(Call->getImplicitObjectArgument())) &&
        mayRunAfter(Graph, Wait, *Call))
      Setter = Call;
  });
  return Setter;
}

std::vector<SelfWait> selfWaits(const FunctionDecl &Coroutine, const Stmt &Body,
                                const CFG &Graph,
                                ArrayRef<const CoroutineSuspendExpr *> Points,
                                const EventKnowledge &Know) {
  std::vector<SelfWait> Waits;
  for (const CoroutineSuspendExpr *Point : Points) {
    const auto *Event = dyn_cast_or_null<VarDecl>(awaitedEvent(*Point, Know));
    const VarDecl *Future = nullptr;
    if (!Event) {
      auto [Promise, FutureVar] = awaitedPromise(*Point, Know);
      Event = dyn_cast_or_null<VarDecl>(Promise);
      Future = FutureVar;
    }
    bool OnFuture = Event && !awaitedEvent(*Point, Know);
    if (!Event || Event->getDeclContext() != &Coroutine ||
        !createdUnset(*Event) ||
        (Future && Future->getDeclContext() != &Coroutine))
      continue;
    FirstArrival Arrival = firstArrival(Graph, *Point);
    const Stmt *Skip[] = {Point, Future ? Future->getInit() : nullptr};
    std::vector<const ValueDecl *> Named = namedBefore(Arrival, Skip);
    if (!Arrival.Reached || llvm::is_contained(Named, Event) ||
        (Future && llvm::is_contained(Named, Future)))
      continue;
    // What would set it: only this coroutine's code after the wait.
    const NameMatcher &Setters =
        OnFuture ? Know.PromiseSetMembers : Know.SignalMembers;
    Waits.push_back(
        {Point, Event,
         signalAfter(Graph, Body, *Point, Setters,
                     [&](const ValueDecl *D) { return D == Event; }),
         OnFuture});
  }
  return Waits;
}

} // namespace clang::tidy::async::model

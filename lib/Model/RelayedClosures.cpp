//===--- RelayedClosures.cpp - async-lint ---------------------------------===//

#include "RelayedClosures.h"
#include "CaptureUses.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FailureHandlers.h"
#include "PathFacts.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p Body calls one of \p Waits (a sync wait or a join).
bool waits(const Stmt *Body, const NameMatcher &Waits) {
  bool Waiting = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    Waiting |= callOfListed(S, Waits) != nullptr;
  });
  return Waiting;
}

/// The init-capture of \p Lambda copied from \p Param (through std::move or
/// std::forward); null when there is none.
const VarDecl *captureOf(const LambdaExpr &Lambda, const ParmVarDecl &Param) {
  for (const LambdaCapture &Capture : Lambda.captures()) {
    const auto *Var = Capture.capturesVariable()
                          ? dyn_cast<VarDecl>(Capture.getCapturedVar())
                          : nullptr;
    if (Var && Var->isInitCapture() && !Var->getType()->isReferenceType() &&
        referencedVariable(Var->getInit()) == &Param)
      return Var;
  }
  return nullptr;
}

/// The call in \p Lambda's body of \p Var; null when there is none.
const Stmt *callOfCapture(const LambdaExpr &Lambda, const VarDecl &Var) {
  const Stmt *Found = nullptr;
  forEachOwnStmt(Lambda.getBody(), [&](const Stmt &S) {
    if (!Found && referencedVariable(invokedClosure(S)) == &Var)
      Found = &S;
  });
  return Found;
}

/// True when \p Inner calls and destroys its argument \p I: by name (one
/// of \p Callbacks), or in its visible body, the closure dying as it
/// returns.
bool consumes(const CallExpr &Inner, unsigned I, const NameMatcher &Callbacks,
              const NameMatcher &Waits) {
  std::optional<CallInfo> Info = describeCall(Inner);
  if (!Info)
    return false;
  if (anyNameMatches(Callbacks, *Info))
    return true;
  Consumption By = consumerCall(Inner, I, *Info, Waits);
  return By.CalledAt && !By.Temporary;
}

/// The call of the reference parameter \p Param in \p Callee's body whose
/// task \p Callee returns (directly, or through a local); null otherwise.
const Stmt *returnedCall(const FunctionDecl &Callee, const ParmVarDecl &Param,
                         const LibraryAnalyses &A) {
  const Stmt *Found = nullptr;
  forEachOwnStmt(Callee.getBody(), [&](const Stmt &S) {
    if (Found || referencedVariable(invokedClosure(S)) != &Param)
      return;
    TaskFate F = A.flow(Callee).fateOf(cast<Expr>(&S));
    if (F.What == TaskFate::Kind::Escapes && F.ViaReturn)
      Found = &S;
  });
  return Found;
}

/// The fate of \p Call's task in \p Flow, reading a cast to void of it
/// (`(void)consumer(...)`, which the flow does not model) as a drop.
TaskFate fateOfResult(const CallExpr &Call, const TaskFlow &Flow,
                      const Stmt &Body) {
  TaskFate F = Flow.fateOf(&Call);
  if (F.What != TaskFate::Kind::Unknown)
    return F;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    const auto *Cast = dyn_cast<ExplicitCastExpr>(&S);
    if (Cast && Cast->getType()->isVoidType() &&
        strip(Cast->getSubExpr(), Wrappers::Implicit) == &Call)
      F = {TaskFate::Kind::Dropped, Cast->getBeginLoc(), "dropped here"};
  });
  return F;
}

std::string useName(const Stmt &Use) {
  const auto *Ref = dyn_cast<DeclRefExpr>(&Use);
  return Ref ? "capture '" + Ref->getDecl()->getName().str() + "'"
             : std::string("captured 'this'");
}

/// The finding for the capturing coroutine lambda \p Op passed as argument
/// \p I of \p Call, whose callee returns the task of its call.
std::optional<LifetimeEvidence>
returnedClosure(const CallExpr &Call, unsigned I, const CXXMethodDecl &Op,
                const std::string &Consumer, const EnclosingFunction &Encl,
                const ClosureLifetimeRules &R) {
  Referent Closure = TaskFlow::referentOf(Call.getArg(I), false);
  if (Closure.What == Referent::Kind::Other ||
      isa_and_nonnull<ParmVarDecl>(Closure.Var))
    return std::nullopt;
  const TaskFlow &Flow = R.A.flow(Encl.Decl);
  TaskFate F = fateOfResult(Call, Flow, Encl.Body);
  Laziness L = lazinessOf(Op.getReturnType());
  SourceLocation Dies = Flow.diesBeforeTask(Closure, &Call, F, L);
  if (Dies.isInvalid())
    return std::nullopt;
  bool Local = Closure.What == Referent::Kind::Local;
  if (Local && R.OwnWaits.waitedOut(Encl.Decl, Encl.Body, R.A.Session, Op, F,
                                    *Closure.Var))
    return std::nullopt;
  const Stmt *Use =
      R.Uses.firstCaptureUse(Op, nullptr, L == Laziness::Lazy, R.A);
  if (!Use)
    return std::nullopt;
  LifetimeEvidence E;
  E.add(Said::CallbackDropsTask, Call.getArg(I)->getBeginLoc(), {Consumer});
  Casualty Victim{"the closure", Local ? Closure.Var : nullptr, Dies};
  addLifetimeSteps(E, Op.getASTContext().getSourceManager(), F, Victim, Use,
                   useName(*Use), L == Laziness::Lazy);
  return E;
}

} // namespace

Consumption relayedConsumption(const CallExpr &Call, unsigned I,
                               const NameMatcher &Callbacks,
                               const NameMatcher &Waits) {
  const FunctionDecl *Callee = calledDefinition(Call);
  if (!Callee || isa<CXXOperatorCallExpr>(Call) || getCoroutineBody(*Callee) ||
      I >= Callee->getNumParams() || waits(Callee->getBody(), Waits))
    return {};
  const ParmVarDecl &Param = *Callee->getParamDecl(I);
  Consumption By;
  forEachOwnStmt(Callee->getBody(), [&](const Stmt &S) {
    const auto *Inner = dyn_cast<CallExpr>(&S);
    for (unsigned J = 0; Inner && !By.CalledAt && J < Inner->getNumArgs();
         ++J) {
      const LambdaExpr *Relay = lambdaOf(Inner->getArg(J));
      const VarDecl *Copy = Relay ? captureOf(*Relay, Param) : nullptr;
      const Stmt *At = Copy ? callOfCapture(*Relay, *Copy) : nullptr;
      if (At && consumes(*Inner, J, Callbacks, Waits))
        By.CalledAt = At;
    }
  });
  return By;
}

LifetimeFindings returnedClosureLifetimes(const CallExpr &Call,
                                          const EnclosingFunction &Encl,
                                          const ClosureLifetimeRules &R,
                                          const OwnStmts *Own) {
  LifetimeFindings Found;
  std::optional<CallInfo> Scratch;
  const CallInfo *Info = describeCall(Call, Own, Scratch);
  const FunctionDecl *Callee = calledDefinition(Call);
  if (!Info || !Callee || isa<CXXOperatorCallExpr>(Call) ||
      getCoroutineBody(*Callee) || !isTaskType(Call.getType()) ||
      waits(Callee->getBody(), R.Waits))
    return Found;
  for (const NameMatcher *Known :
       {&R.CallbackFunctions, &R.ComposeFunctions, &R.A.Lib.SpawnFunctions,
        &R.A.Lib.KeepAliveFunctions})
    if (anyNameMatches(*Known, *Info))
      return Found;
  std::string Consumer = "'" + displayName(Info->Names.front()) + "'";
  for (unsigned I = 0; I < Call.getNumArgs() && I < Callee->getNumParams();
       ++I) {
    const ParmVarDecl &Param = *Callee->getParamDecl(I);
    const LambdaExpr *Lambda = handlerLambda(Call.getArg(I));
    const CXXMethodDecl *Op =
        Lambda ? capturingCoroutine(Lambda->getLambdaClass()) : nullptr;
    if (!Op || copiesClosure(*Op) || !Param.getType()->isReferenceType() ||
        !returnedCall(*Callee, Param, R.A))
      continue;
    if (std::optional<LifetimeEvidence> E =
            returnedClosure(Call, I, *Op, Consumer, Encl, R))
      Found.push_back(std::move(*E));
  }
  return Found;
}

} // namespace clang::tidy::async::model

//===--- ClosureLifetimes.cpp - async-lint --------------------------------===//

#include "ClosureLifetimes.h"
#include "BorrowedCaptures.h"
#include "CallInfo.h"
#include "ClosureConsumers.h"
#include "ClosureDeaths.h"
#include "CoroutineModel.h"
#include "FailureHandlers.h"
#include "LateParameterUses.h"
#include "Owners.h"
#include "RelayedClosures.h"
#include "WaitedOut.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// How a note names what the lambda uses late: a capture, or 'this'.
std::string captureName(const Stmt &Use) {
  const auto *Ref = dyn_cast<DeclRefExpr>(&Use);
  return Ref ? "capture '" + Ref->getDecl()->getName().str() + "'"
             : std::string("captured 'this'");
}

/// Whether \p Encl waits out the task of \p Op before a local dies (kept by
/// the caller for the WaitsOutTask it hands on).
auto waitsOut(const CXXMethodDecl &Op, const EnclosingFunction &Encl,
              const ClosureLifetimeRules &R) {
  return [&Op, &Encl, &R](const TaskFate &F, const VarDecl &Dying) {
    return R.OwnWaits.waitedOut(Encl.Decl, Encl.Body, R.A.Session, Op, F,
                                Dying);
  };
}

/// 'this' captured by a lambda that runs detached. Only a class made to be
/// owned by shared_ptr tells, by itself, that nothing else keeps '*this'
/// alive; other classes are judged where the member function that starts
/// the lambda is called (detachingLambdaLifetimes).
std::optional<LifetimeEvidence> capturedThis(const LambdaCapture &Capture,
                                             const CXXMethodDecl &Op,
                                             const TaskFate &F, bool FromStart,
                                             const EnclosingFunction &Encl,
                                             const ClosureLifetimeRules &R) {
  const CXXThisExpr *This =
      R.Detached.unownedThisUse(Op, F, FromStart, Encl.Body, R.A);
  const CXXRecordDecl *Class =
      This ? This->getType()->getPointeeCXXRecordDecl() : nullptr;
  if (!This || !isSharedFromThisClass(Class) || mayJoinOnDestruction(Class))
    return std::nullopt;
  LifetimeEvidence E;
  E.add(Said::DetachedLambdaThis, Capture.getLocation())
      .add(Said::TaskIs, F.Where, {std::string(F.How)});
  addUseStep(E, *This, "'this'", FromStart);
  E.add(Said::SharedFromThisFix, Capture.getLocation(), {1});
  return E;
}

void calledAtStep(LifetimeEvidence &E, const Consumption &By) {
  if (By.CalledAt)
    E.add(By.Temporary ? Said::LambdaCalledTaskDropped
                       : Said::LambdaCalledThenDestroyed,
          By.CalledAt->getBeginLoc());
}

std::optional<LifetimeEvidence> composed(const CallExpr &Call,
                                         llvm::StringRef Composer,
                                         const ClosureLifetimeRules &R) {
  const LambdaExpr *Lambda = nullptr;
  const CXXMethodDecl *Op = composedCoroutine(Call, Lambda);
  const Stmt *Use =
      Op ? R.Uses.firstCaptureUse(*Op, nullptr, false, R.A) : nullptr;
  if (!Use)
    return std::nullopt;
  LifetimeEvidence E;
  E.add(Said::ComposedImplementation, Lambda->getBeginLoc(), {Composer.str()});
  E.add(Said::InitiationDestroyed, Call.getBeginLoc());
  addUseStep(E, *Use, captureName(*Use), false);
  return E;
}

/// Reference parameters of eager coroutines, called by the lambda
/// \p Lambda (not a coroutine itself) that \p Consumer calls and destroys,
/// bound to the lambda's copied captures.
void borrowed(const LambdaExpr &Lambda, const CXXMethodDecl &Op,
              llvm::StringRef Consumer, const Consumption &By,
              const ClosureLifetimeRules &R, LifetimeFindings &Found) {
  const Stmt *Body = Op.getBody();
  if (!Body)
    return;
  auto Flow = [&]() -> const TaskFlow & { return R.A.flow(Op); };
  R.A.Session.ownStmts(Op).forEach(Body, [&](const Stmt &S) {
    for (const BorrowedCapture &B :
         borrowedCaptures(S, Lambda, Flow, R.Uses, R.A)) {
      LifetimeEvidence &E = Found.emplace_back();
      E.add(Said::BorrowedCapture, B.Arg->getBeginLoc(),
            {describeFunction(*B.Coro), B.Capture, Consumer.str()});
      calledAtStep(E, By);
      E.add(Said::UsedAfterSuspending, B.Use->getBeginLoc(), {B.Param});
    }
  });
}

/// True when the callee of \p Call, after it calls the closure there
/// (\p By), runs a local until the task signals it after its last use of
/// the captures (WaitedOut.h: a nested event loop the lambda quits, bound
/// to the local the lambda captures): the closure outlives the task.
bool calleeWaitsOut(const CallExpr &Call, const Consumption &By,
                    const CXXMethodDecl &Op, const ClosureLifetimeRules &R) {
  const FunctionDecl *Callee = calledDefinition(Call);
  const auto *Start = dyn_cast_or_null<Expr>(By.CalledAt);
  return Callee && Callee->getBody() && Start &&
         closureWaitedOut(*Callee->getBody(), *Start, {}, Op,
                          R.A.Lib.WaitMembers, R.A.Lib.SignalMembers,
                          Op.getASTContext().getSourceManager())
             .Wait;
}

/// The argument \p I of \p Call, when it is a capturing lambda the callee
/// calls and destroys (\p Callback: by name).
void callbackArgument(const CallExpr &Call, unsigned I, const CallInfo &Info,
                      bool Callback, const std::string &Consumer,
                      const ClosureLifetimeRules &R, LifetimeFindings &Found) {
  // In place, or a local closure handed over (by copy or move).
  const LambdaExpr *Lambda = handlerLambda(Call.getArg(I));
  bool Named = Lambda && Lambda != lambdaOf(Call.getArg(I));
  const CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
  if (!Op || Lambda->capture_size() == 0 || copiesClosure(*Op))
    return;
  if (const FunctionDecl *Def = Op->getDefinition())
    Op = cast<CXXMethodDecl>(Def);
  // The callee calls the lambda and destroys it when the call returns: by
  // name, or seen in its body.
  Consumption By =
      Callback ? Consumption{} : consumerCall(Call, I, Info, R.Waits);
  if (!Callback && !By.CalledAt)
    By = relayedConsumption(Call, I, R.CallbackFunctions, R.Waits);
  // A named closure bound to a reference parameter outlives the call.
  if (!Callback && (!By.CalledAt || (Named && By.Temporary)))
    return;
  if (!getCoroutineBody(*Op))
    return borrowed(*Lambda, *Op, Consumer, By, R, Found);
  if (lazinessOf(Op->getReturnType()) != Laziness::Eager ||
      calleeWaitsOut(Call, By, *Op, R))
    return;
  const Stmt *Use = R.Uses.firstCaptureUse(*Op, nullptr, false, R.A);
  if (!Use)
    return;
  LifetimeEvidence &E = Found.emplace_back();
  E.add(By.Temporary ? Said::CallbackDropsTask : Said::CallbackDestroysClosure,
        Lambda->getBeginLoc(), {Consumer});
  calledAtStep(E, By);
  addUseStep(E, *Use, captureName(*Use), false);
}

} // namespace

std::optional<LifetimeEvidence> closureLifetime(const CallExpr &Call,
                                                const CXXMethodDecl &Op,
                                                const EnclosingFunction &Encl,
                                                const ClosureLifetimeRules &R) {
  auto WaitedOut = waitsOut(Op, Encl, R);
  std::optional<LambdaDeath> D =
      closureDeath(Call, Op, R.A.flow(Encl.Decl), WaitedOut, R.Uses, R.A);
  // An eager lambda whose every await is of a capture the caller made
  // ready before the call runs to its end inside the call.
  if (!D || (lazinessOf(Op.getReturnType()) != Laziness::Lazy &&
             awaitsOnlyReadyAtCall(Op, Call, Encl.Decl, R.A)))
    return std::nullopt;
  bool Local = D->R.What == Referent::Kind::Local;
  LifetimeEvidence E;
  if (!Local)
    E.add(Said::ClosureTemporary, Call.getArg(0)->getBeginLoc());
  else
    E.add(Said::ClosureLocal, Call.getArg(0)->getBeginLoc(), {D->R.Var});
  addLifetimeSteps(E, Op.getASTContext().getSourceManager(), D->Fate,
                   {"the closure", Local ? D->R.Var : nullptr, D->Dies}, D->Use,
                   captureName(*D->Use),
                   lazinessOf(Op.getReturnType()) == Laziness::Lazy);
  return E;
}

LifetimeFindings captureLifetimes(const CXXMethodDecl &Op, const Expr &Origin,
                                  const TaskFate &F, bool FromStart,
                                  const EnclosingFunction &Encl,
                                  const ClosureLifetimeRules &R,
                                  bool StartsInline) {
  LifetimeFindings Found;
  Laziness L = FromStart ? Laziness::Lazy : lazinessOf(Op.getReturnType());
  // A start the spawn runs inline (InlineSpawnStarts) is over before the
  // spawn returns, while the caller's locals live: only the uses after the
  // lambda's first suspension can come after a local died.
  bool AnyUse = FromStart && !StartsInline;
  auto WaitedOut = waitsOut(Op, Encl, R);
  for (const LambdaCapture &Capture : Op.getParent()->captures()) {
    if (Capture.capturesThis()) {
      if (std::optional<LifetimeEvidence> E =
              capturedThis(Capture, Op, F, FromStart, Encl, R))
        Found.push_back(std::move(*E));
      continue;
    }
    std::optional<LambdaDeath> D = capturedLocalDeath(
        Capture, Op, Origin, F, L, AnyUse, R.A.flow(Encl.Decl), WaitedOut,
        R.Uses, R.A, FromStart && StartsInline);
    if (!D)
      continue;
    LifetimeEvidence &E = Found.emplace_back();
    E.add(Said::CapturedLocal, Capture.getLocation(), {D->R.Var});
    std::string Name = "'" + D->R.Var->getName().str() + "'";
    if (D->LentAs)
      Name += " (parameter '" + D->LentAs->getName().str() + "' of " +
              describeFunction(*D->LentTo) + ")";
    addLifetimeSteps(E, Op.getASTContext().getSourceManager(), F,
                     {"", D->R.Var, D->Dies}, D->Use, Name, AnyUse);
  }
  return Found;
}

LifetimeFindings callbackLifetimes(const CallExpr &Call, ASTContext &Ctx,
                                   const ClosureLifetimeRules &R,
                                   const OwnStmts *Own) {
  LifetimeFindings Found;
  std::optional<CallInfo> Scratch;
  const CallInfo *Info = describeCall(Call, Own, Scratch);
  if (!Info)
    return Found;
  auto Listed = [&](const NameMatcher &List) {
    return anyNameMatches(List, *Info);
  };
  if (Listed(R.A.Lib.SpawnFunctions) || Listed(R.A.Lib.KeepAliveFunctions))
    return Found;
  bool Callback = Listed(R.CallbackFunctions);
  std::string Consumer = "'" + displayName(Info->Names.front()) + "'";
  if (Listed(R.ComposeFunctions)) {
    if (std::optional<LifetimeEvidence> E = composed(Call, Consumer, R))
      Found.push_back(std::move(*E));
    return Found;
  }
  for (unsigned I = 0; I < Call.getNumArgs(); ++I)
    callbackArgument(Call, I, *Info, Callback, Consumer, R, Found);
  return Found;
}

LifetimeFindings detachingLambdaLifetimes(const EnclosingFunction &Encl,
                                          const SourceManager &SM,
                                          const ClosureLifetimeRules &R) {
  LifetimeFindings Found;
  forEachDetachingCall(
      Encl.Body, [&]() -> const TaskFlow & { return R.A.flow(Encl.Decl); },
      R.A.Lib.SyncWaitFunctions, R.A.Lib.JoinMembers, SM,
      [&](const CXXMethodDecl &M) {
        return R.Detached.detachedThis(M, R.A) != nullptr;
      },
      [&](const DetachingCall &D) {
        const DetachedThis *Self = R.Detached.detachedThis(D.Method, R.A);
        const VarDecl *Owner = D.Death.Owner.Var;
        LifetimeEvidence &E = Found.emplace_back();
        std::string Method = describeFunction(D.Method);
        if (Owner)
          E.add(Said::DetachingLambdaLocal, D.Call.getBeginLoc(),
                {Method, Owner});
        else
          E.add(Said::DetachingLambdaTemporary, D.Call.getBeginLoc(), {Method});
        addLifetimeSteps(E, SM, Self->Fate, {"the object", Owner, D.Death.Dies},
                         Self->Use, "captured 'this'", Self->FromStart);
      },
      &R.A.Session.ownStmts(Encl.Decl));
  return Found;
}

} // namespace clang::tidy::async::model

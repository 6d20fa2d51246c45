//===--- LambdaCaptureConsumers.cpp - async-lint --------------------------===//
//
// async-lambda-capture-lifetime, consumed closures: a capturing lambda handed
// to code that calls it and then destroys it while the eager coroutine it
// started, or called with a reference to one of its captures, still runs.
//
//===----------------------------------------------------------------------===//

#include "../Model/BorrowedCaptures.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/FailureHandlers.h"
#include "../Model/TaskFlow.h"
#include "LambdaCaptureLifetimeCheck.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

void LambdaCaptureLifetimeCheck::lateCaptureNote(const Stmt &Use) {
  const auto *Ref = dyn_cast<DeclRefExpr>(&Use);
  diag(Use.getBeginLoc(),
       "%0 is used here, after the coroutine may have suspended",
       DiagnosticIDs::Note)
      << (Ref ? "capture '" + Ref->getDecl()->getName().str() + "'"
              : std::string("captured 'this'"));
}

void LambdaCaptureLifetimeCheck::calledAtNote(const model::Consumption &By) {
  if (!By.CalledAt)
    return;
  diag(By.CalledAt->getBeginLoc(),
       By.Temporary ? "the lambda is called here, and its task dropped"
                    : "the lambda is called here, and destroyed when this "
                      "function returns",
       DiagnosticIDs::Note);
}

void LambdaCaptureLifetimeCheck::checkCallbacks(const CallExpr &Call,
                                                ASTContext &Ctx) {
  std::optional<model::CallInfo> Info = model::describeCall(Call);
  if (!Info)
    return;
  auto Listed = [&](const model::NameMatcher &List) {
    return model::anyNameMatches(List, *Info);
  };
  if (Listed(Lib.SpawnFunctions) || Listed(Lib.KeepAliveFunctions))
    return;
  bool Callback = Listed(CallbackFunctions);
  std::string Consumer = "'" + model::displayName(Info->Names.front()) + "'";
  if (Listed(ComposeFunctions))
    return checkComposed(Call, Consumer);
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    // In place, or a local closure handed over (by copy or move).
    const LambdaExpr *Lambda = model::handlerLambda(Call.getArg(I));
    bool Named = Lambda && Lambda != model::lambdaOf(Call.getArg(I));
    const CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
    if (!Op || Lambda->capture_size() == 0 || model::copiesClosure(*Op))
      continue;
    if (const FunctionDecl *Def = Op->getDefinition())
      Op = cast<CXXMethodDecl>(Def);
    // The callee calls the lambda and destroys it when the call returns: by
    // name, or seen in its body.
    model::Consumption By = Callback
                                ? model::Consumption{}
                                : model::consumerCall(Call, I, *Info, Waits);
    // A named closure bound to a reference parameter outlives the call.
    if (!Callback && (!By.CalledAt || (Named && By.Temporary)))
      continue;
    if (!model::getCoroutineBody(*Op)) {
      checkBorrowedCaptures(*Lambda, *Op, Consumer, By, Ctx);
      continue;
    }
    if (model::lazinessOf(Op->getReturnType()) != model::Laziness::Eager)
      continue;
    const Stmt *Use = Uses.firstCaptureUse(*Op, nullptr, false, analyses());
    if (!Use || !reportOnce(Lambda->getBeginLoc()))
      continue;
    if (By.Temporary)
      diag(Lambda->getBeginLoc(),
           "coroutine lambda with captures is passed to %0, which calls it "
           "and drops its task; the closure is destroyed at the end of this "
           "full expression, while the coroutine may still run")
          << Consumer;
    else
      diag(Lambda->getBeginLoc(),
           "coroutine lambda with captures is passed to %0, which destroys it "
           "once the call returns, while the coroutine may still run")
          << Consumer;
    calledAtNote(By);
    lateCaptureNote(*Use);
  }
}

void LambdaCaptureLifetimeCheck::checkComposed(const CallExpr &Call,
                                               StringRef Composer) {
  const LambdaExpr *Lambda = nullptr;
  const CXXMethodDecl *Op = model::composedCoroutine(Call, Lambda);
  const Stmt *Use =
      Op ? Uses.firstCaptureUse(*Op, nullptr, false, analyses()) : nullptr;
  if (!Use || !reportOnce(Lambda->getBeginLoc()))
    return;
  diag(Lambda->getBeginLoc(),
       "coroutine lambda with captures is the implementation given to %0, "
       "which does not keep the closure until the coroutine completes (the "
       "initiation object holding it is destroyed once the operation has "
       "started); pass what it needs as arguments of the initiation")
      << Composer;
  lateCaptureNote(*Use);
}

void LambdaCaptureLifetimeCheck::checkBorrowedCaptures(
    const LambdaExpr &Lambda, const CXXMethodDecl &Op, StringRef Consumer,
    const model::Consumption &By, ASTContext &Ctx) {
  const Stmt *Body = Op.getBody();
  if (!Body)
    return;
  CheckedFunction Closure(Op, *Body, Ctx, Lib, Facts);
  auto Flow = [&]() -> const model::TaskFlow & { return Closure.flow(); };
  Closure.forEachStmt([&](const Stmt &S) {
    for (const model::BorrowedCapture &B :
         model::borrowedCaptures(S, Lambda, Flow, Uses, analyses())) {
      if (!reportOnce(B.Arg->getBeginLoc()))
        continue;
      diag(B.Arg->getBeginLoc(), "parameter %0 of %1 refers to capture %2 of "
                                 "a lambda that is destroyed once %3 has "
                                 "called it, while the coroutine may still run")
          << B.Param << model::describeFunction(*B.Coro) << B.Capture
          << Consumer;
      calledAtNote(By);
      diag(B.Use->getBeginLoc(),
           "%0 is used here, after the coroutine may have suspended",
           DiagnosticIDs::Note)
          << B.Param;
    }
  });
}

} // namespace clang::tidy::async

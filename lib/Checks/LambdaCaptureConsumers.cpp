//===--- LambdaCaptureConsumers.cpp - async-lint --------------------------===//
//
// async-lambda-capture-lifetime, consumed closures: a capturing lambda handed
// to code that calls it and then destroys it while the eager coroutine it
// started, or called with a reference to one of its captures, still runs.
//
//===----------------------------------------------------------------------===//

#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/DroppedExceptions.h"
#include "../Model/EscapingThrows.h"
#include "../Model/FailureHandlers.h"
#include "../Model/LocalFlow.h"
#include "LambdaCaptureLifetimeCheck.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async {

namespace {

/// The closure a call invokes: f(), std::invoke(f, ...); null otherwise.
const Expr *invokedClosure(const Stmt &S) {
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S);
      Call && Call->getOperator() == OO_Call)
    return Call->getArg(0);
  const auto *Call = dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
      Callee->getName() == "invoke" && Call->getNumArgs() > 0)
    return Call->getArg(0);
  return nullptr;
}

/// The statement of \p Callee's body that calls its function-object
/// parameter \p Param and lets the closure it calls die when the call
/// returns, or, for a parameter taken by reference (bound to a temporary
/// lambda), in the caller's full expression after the task was dropped:
///   - by value: a call of the parameter, or of a local copy of it;
///   - by reference: a call of a local copy, or a call of the parameter
///     whose result is discarded.
/// Null when there is none, or when the body waits for work to finish
/// (\p Waits: a sync-wait or join), which may outlast the coroutine.
const Stmt *callThatDropsClosure(const FunctionDecl &Callee,
                                 const ParmVarDecl *Param,
                                 const model::NameMatcher &Waits) {
  bool ByValue = !Param->getType()->isReferenceType();
  llvm::SmallPtrSet<const VarDecl *, 2> Copies;
  llvm::SmallPtrSet<const Stmt *, 8> Discarded;
  bool Waiting = false;
  model::forEachOwnStmt(Callee.getBody(), [&](const Stmt &S) {
    const auto *Decl = dyn_cast<DeclStmt>(&S);
    const auto *Var = Decl && Decl->isSingleDecl()
                          ? dyn_cast<VarDecl>(Decl->getSingleDecl())
                          : nullptr;
    if (Var && Var->getInit() && Var->hasLocalStorage() &&
        !Var->getType()->isReferenceType() &&
        model::referencedVariable(Var->getInit()) == Param)
      Copies.insert(Var);
    if (const auto *Block = dyn_cast<CompoundStmt>(&S))
      for (const Stmt *Child : Block->body())
        if (const auto *E = dyn_cast<Expr>(Child))
          if (const Expr *Bare = model::strip(E, model::Wrappers::Implicit))
            Discarded.insert(
                model::strip(Bare->IgnoreCasts(), model::Wrappers::Implicit));
    Waiting |= model::callOfListed(S, Waits) != nullptr;
  });
  const Stmt *Found = nullptr;
  model::forEachOwnStmt(Callee.getBody(), [&](const Stmt &S) {
    const VarDecl *Target =
        Found ? nullptr : model::referencedVariable(invokedClosure(S));
    if (Target && (Copies.contains(Target) ||
                   (Target == Param && (ByValue || Discarded.contains(&S)))))
      Found = &S;
  });
  return Waiting ? nullptr : Found;
}

/// The variable \p Lambda captures by copy that \p E names in its body: a
/// captured variable or an init-capture; null otherwise.
const VarDecl *copiedCapture(const LambdaExpr &Lambda, const Expr *E) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(model::strip(E, model::Wrappers::Object));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return nullptr;
  if (Var->isInitCapture())
    return Var->getType()->isReferenceType() ? nullptr : Var;
  if (!Ref->refersToEnclosingVariableOrCapture())
    return nullptr;
  for (const LambdaCapture &Capture : Lambda.captures())
    if (Capture.capturesVariable() && Capture.getCapturedVar() == Var)
      return Capture.getCaptureKind() == LCK_ByCopy ? Var : nullptr;
  return nullptr;
}

} // namespace

LambdaCaptureLifetimeCheck::Consumption
LambdaCaptureLifetimeCheck::consumerCall(const CallExpr &Call, unsigned I,
                                         const model::CallInfo &Info) {
  const FunctionDecl *Callee = model::calledDefinition(Call);
  const auto *Method = dyn_cast<CXXMethodDecl>(Info.Callee);
  unsigned Offset =
      isa<CXXOperatorCallExpr>(Call) && Method && Method->isInstance() ? 1 : 0;
  // A coroutine keeps its by-value parameters in its frame.
  if (!Callee || model::getCoroutineBody(*Callee) || I < Offset ||
      I - Offset >= Callee->getNumParams())
    return {};
  const ParmVarDecl *Param = Callee->getParamDecl(I - Offset);
  const Stmt *At = callThatDropsClosure(*Callee, Param, Waits);
  // A call of the reference parameter itself calls the caller's temporary.
  const Expr *Called = At ? invokedClosure(*At) : nullptr;
  return {At, Called && model::referencedVariable(Called) == Param &&
                  Param->getType()->isReferenceType()};
}

void LambdaCaptureLifetimeCheck::lateCaptureNote(const Stmt &Use) {
  const auto *Ref = dyn_cast<DeclRefExpr>(&Use);
  diag(Use.getBeginLoc(),
       "%0 is used here, after the coroutine may have suspended",
       DiagnosticIDs::Note)
      << (Ref ? "capture '" + Ref->getDecl()->getName().str() + "'"
              : std::string("captured 'this'"));
}

void LambdaCaptureLifetimeCheck::calledAtNote(const Consumption &By) {
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
    return checkComposed(Call, Consumer, Ctx);
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    // In place, or a local closure handed over (by copy or move).
    const LambdaExpr *Lambda = model::handlerLambda(Call.getArg(I));
    bool Named = Lambda && Lambda != model::lambdaOf(Call.getArg(I));
    const CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
    if (!Op || Lambda->capture_size() == 0 || copiesClosure(*Op))
      continue;
    if (const FunctionDecl *Def = Op->getDefinition())
      Op = cast<CXXMethodDecl>(Def);
    // The callee calls the lambda and destroys it when the call returns: by
    // name, or seen in its body.
    Consumption By = Callback ? Consumption{} : consumerCall(Call, I, *Info);
    // A named closure bound to a reference parameter outlives the call.
    if (!Callback && (!By.CalledAt || (Named && By.Temporary)))
      continue;
    if (!model::getCoroutineBody(*Op)) {
      checkBorrowedCaptures(*Lambda, *Op, Consumer, By, Ctx);
      continue;
    }
    if (model::lazinessOf(Op->getReturnType()) != model::Laziness::Eager)
      continue;
    const Stmt *Use = firstCaptureUse(*Op, nullptr, false, Ctx);
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
                                               StringRef Composer,
                                               ASTContext &Ctx) {
  const LambdaExpr *Lambda =
      Call.getNumArgs() > 0 ? model::handlerLambda(Call.getArg(0)) : nullptr;
  const CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
  if (!Op || Lambda->capture_size() == 0 || copiesClosure(*Op))
    return;
  // A generic lambda (asio's 'auto state'): the body the library runs.
  if (const FunctionTemplateDecl *Generic = Lambda->getDependentCallOperator())
    for (const FunctionDecl *Spec : Generic->specializations())
      if (Spec->hasBody() && model::getCoroutineBody(*Spec)) {
        Op = cast<CXXMethodDecl>(Spec);
        break;
      }
  if (Op->isDependentContext() || !model::getCoroutineBody(*Op))
    return;
  const Stmt *Use = firstCaptureUse(*Op, nullptr, false, Ctx);
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

void LambdaCaptureLifetimeCheck::checkBorrowedCaptures(const LambdaExpr &Lambda,
                                                       const CXXMethodDecl &Op,
                                                       StringRef Consumer,
                                                       const Consumption &By,
                                                       ASTContext &Ctx) {
  const Stmt *Body = Op.getBody();
  if (!Body)
    return;
  CheckedFunction Closure(Op, *Body, Ctx, Lib, Facts);
  Closure.forEachStmt([&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Coro = Call ? model::calledDefinition(*Call) : nullptr;
    if (!Coro || !model::getCoroutineBody(*Coro) ||
        Coro->isDependentContext() ||
        model::lazinessOf(Coro->getReturnType()) != model::Laziness::Eager)
      return;
    // The task must be left running: dropped, or handed back to the API.
    model::TaskFate F = Closure.flow().fateOf(Call);
    if (F.What != model::TaskFate::Kind::Dropped && !F.ViaReturn)
      return;
    unsigned Offset = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
    for (unsigned I = 0;
         I < Coro->getNumParams() && I + Offset < Call->getNumArgs(); ++I) {
      const ParmVarDecl *Param = Coro->getParamDecl(I);
      const Expr *Arg = Call->getArg(I + Offset);
      const VarDecl *Capture = copiedCapture(Lambda, Arg);
      if (!Capture || !Param->getType()->isReferenceType())
        continue;
      const Stmt *Use = lateParameterUse(*Coro, Param, Ctx);
      if (!Use || !reportOnce(Arg->getBeginLoc()))
        continue;
      diag(Arg->getBeginLoc(), "parameter %0 of %1 refers to capture %2 of a "
                               "lambda that is destroyed once %3 has called "
                               "it, while the coroutine may still run")
          << Param << model::describeFunction(*Coro) << Capture << Consumer;
      calledAtNote(By);
      diag(Use->getBeginLoc(),
           "%0 is used here, after the coroutine may have suspended",
           DiagnosticIDs::Note)
          << Param;
    }
  });
}

const Stmt *LambdaCaptureLifetimeCheck::lateParameterUse(
    const FunctionDecl &Coro, const ParmVarDecl *Param, ASTContext &Ctx) {
  auto [It, New] = ParamLateUses.try_emplace(Param, nullptr);
  if (!New)
    return It->second;
  const Stmt *Use =
      suspensionsOf(Coro, Ctx).firstUseAfterSuspension([&](const Stmt &S) {
        const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        return Ref && Ref->getDecl() == Param;
      });
  ParamLateUses[Param] = Use;
  return Use;
}

} // namespace clang::tidy::async

//===--- LambdaCaptureLifetimeCheck.cpp - async-lint ----------------------===//

#include "LambdaCaptureLifetimeCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/ClosureDeaths.h"
#include "../Model/CoroutineModel.h"
#include "../Model/DetachedObjects.h"
#include "../Model/LocalFlow.h"
#include "../Model/Owners.h"
#include "LifetimeNotes.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral CallbackFunctionsOpt = "CallbackFunctions";
constexpr llvm::StringLiteral OwnerFunctionsOpt = "OwnerFunctions";
constexpr llvm::StringLiteral ComposeFunctionsOpt = "ComposeFunctions";
constexpr llvm::StringLiteral BlockingWaitsOpt = "BlockingWaits";
constexpr llvm::StringLiteral JoiningExecutorsOpt = "JoiningExecutors";

} // namespace

LambdaCaptureLifetimeCheck::LambdaCaptureLifetimeCheck(
    StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      OwnerFunctions(
          Options.get(OwnerFunctionsOpt, model::DefaultOwnerFunctions)),
      CallbackFunctions(
          Options.get(CallbackFunctionsOpt, model::DefaultCallbackFunctions)),
      ComposeFunctions(
          Options.get(ComposeFunctionsOpt, model::DefaultComposeFunctions)),
      Waits(Lib.SyncWaitFunctions.str() + ";" + Lib.JoinMembers.str()),
      BlockingWaits(
          Options.get(BlockingWaitsOpt, model::defaultBlockingWaits())),
      AllBlockingWaits(BlockingWaits.str() + ";" + Waits.str()),
      JoiningExecutors(
          Options.get(JoiningExecutorsOpt, model::DefaultJoiningExecutors)) {}

void LambdaCaptureLifetimeCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, CallbackFunctionsOpt, CallbackFunctions.str());
  Options.store(Opts, OwnerFunctionsOpt, OwnerFunctions.str());
  Options.store(Opts, ComposeFunctionsOpt, ComposeFunctions.str());
  Options.store(Opts, BlockingWaitsOpt, BlockingWaits.str());
  Options.store(Opts, JoiningExecutorsOpt, JoiningExecutors.str());
}

void LambdaCaptureLifetimeCheck::startTranslationUnit() {
  Uses.clear();
  Detached.clear();
  OwnWaits.clear();
}

model::LibraryAnalyses LambdaCaptureLifetimeCheck::analyses() {
  // The id UnitFacts was given for this check's lists: asking the session
  // again would build the configuration's text on every call.
  return {Facts.session(), Facts.libraryId(), Lib};
}

bool LambdaCaptureLifetimeCheck::waitedOut(const CXXMethodDecl &Op,
                                           const model::TaskFate &F,
                                           const VarDecl &Dying,
                                           CheckedFunction &Encl) {
  return OwnWaits.waitedOut(Encl.Decl, Encl.Body, Facts.session(), Op, F,
                            Dying);
}

bool LambdaCaptureLifetimeCheck::checkClosure(const CallExpr &Call,
                                              const CXXMethodDecl &Op,
                                              CheckedFunction &Encl) {
  auto WaitedOut = [&](const model::TaskFate &F, const VarDecl &Dying) {
    return waitedOut(Op, F, Dying, Encl);
  };
  std::optional<model::LambdaDeath> D =
      model::closureDeath(Call, Op, Encl.flow(), WaitedOut, Uses, analyses());
  if (!D || !reportOnce(Call.getArg(0)->getBeginLoc()))
    return false;
  bool Local = D->R.What == model::Referent::Kind::Local;
  if (!Local)
    diag(Call.getArg(0)->getBeginLoc(),
         "the closure of this coroutine lambda is destroyed before its task "
         "is done with the captures");
  else
    diag(Call.getArg(0)->getBeginLoc(),
         "closure %0 of a coroutine lambda is destroyed while its task may "
         "still use the captures")
        << D->R.Var;
  const auto *Ref = dyn_cast<DeclRefExpr>(D->Use);
  std::string UseName =
      Ref ? "capture '" + Ref->getDecl()->getName().str() + "'"
          : std::string("captured 'this'");
  addLifetimeNotes(
      *this, Encl.Ctx.getSourceManager(), D->Fate,
      {"the closure", Local ? D->R.Var : nullptr, D->Dies}, D->Use, UseName,
      model::lazinessOf(Op.getReturnType()) == model::Laziness::Lazy);
  return true;
}

void LambdaCaptureLifetimeCheck::checkCaptures(const CXXMethodDecl &Op,
                                               const Expr &Origin,
                                               const model::TaskFate &F,
                                               bool FromStart,
                                               CheckedFunction &Encl) {
  const model::TaskFlow &Flow = Encl.flow();
  const CXXRecordDecl *Closure = Op.getParent();
  auto WaitedOut = [&](const model::TaskFate &Fate, const VarDecl &Dying) {
    return waitedOut(Op, Fate, Dying, Encl);
  };
  model::Laziness L =
      FromStart ? model::Laziness::Lazy : model::lazinessOf(Op.getReturnType());
  for (const LambdaCapture &Capture : Closure->captures()) {
    if (Capture.capturesThis()) {
      // Only a class made to be owned by shared_ptr tells, by itself, that
      // nothing else keeps '*this' alive; other classes are judged where the
      // member function that starts the lambda is called.
      const CXXThisExpr *This =
          Detached.unownedThisUse(Op, F, FromStart, Encl.Body, analyses());
      const CXXRecordDecl *Class =
          This ? This->getType()->getPointeeCXXRecordDecl() : nullptr;
      if (!This || !model::isSharedFromThisClass(Class) ||
          model::mayJoinOnDestruction(Class) ||
          !reportOnce(Capture.getLocation()))
        continue;
      diag(Capture.getLocation(), "'this' is captured by a coroutine lambda "
                                  "that runs detached, and nothing keeps the "
                                  "object alive; capture a "
                                  "'shared_from_this()' copy");
      diag(F.Where, "the task is %0", DiagnosticIDs::Note) << F.How;
      diag(This->getBeginLoc(),
           FromStart ? "'this' is used here, when the task runs"
                     : "'this' is used here, after the coroutine may have "
                       "suspended",
           DiagnosticIDs::Note);
      continue;
    }
    std::optional<model::LambdaDeath> D =
        model::capturedLocalDeath(Capture, Op, Origin, F, L, FromStart, Flow,
                                  WaitedOut, Uses, analyses());
    if (!D || !reportOnce(Capture.getLocation()))
      continue;
    diag(Capture.getLocation(), "local %0 is captured by reference by a "
                                "coroutine lambda whose task outlives it")
        << D->R.Var;
    addLifetimeNotes(*this, Encl.Ctx.getSourceManager(), F,
                     {"", D->R.Var, D->Dies}, D->Use,
                     "'" + D->R.Var->getName().str() + "'", FromStart);
  }
}

void LambdaCaptureLifetimeCheck::checkFunction(CheckedFunction &F) {
  ASTContext &Ctx = F.Ctx;
  checkDetachingCalls(F);
  F.forEachStmt([&](const Stmt &S) {
    // A coroutine lambda handed over as a function object: to a spawn that
    // keeps it, to a wrapper that keeps it in its task, or to a callback
    // API that destroys it.
    if (const auto *Lambda = dyn_cast<LambdaExpr>(&S)) {
      const CXXMethodDecl *Op =
          model::capturingCoroutine(Lambda->getLambdaClass());
      if (!Op)
        return;
      model::TaskFate Fate = F.flow().fateOf(Lambda);
      if (Fate.What == model::TaskFate::Kind::Escapes)
        checkCaptures(*Op, *Lambda, Fate, /*FromStart=*/true, F);
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    const auto *Op =
        dyn_cast_or_null<CXXMethodDecl>(model::calledDefinition(*Call));
    if (Op && isa<CXXOperatorCallExpr>(Call) &&
        model::capturingCoroutine(Op->getParent())) {
      // A coroutine lambda called: its task refers to the closure.
      if (!checkClosure(*Call, *Op, F))
        checkCaptures(*Op, *Call, F.flow().fateOf(Call), /*FromStart=*/false,
                      F);
      return;
    }
    checkCallbacks(*Call, Ctx);
  });
}

} // namespace clang::tidy::async

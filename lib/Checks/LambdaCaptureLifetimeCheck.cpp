//===--- LambdaCaptureLifetimeCheck.cpp - async-lint ----------------------===//
//
// async-lambda-capture-lifetime: its options, and which of the model's rules
// it asks of each lambda and call (model/ClosureLifetimes).
//
//===----------------------------------------------------------------------===//

#include "LambdaCaptureLifetimeCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/ClosureConsumers.h"
#include "../Model/CoroutineModel.h"
#include "../Model/DetachedObjects.h"
#include "../Model/InlineSpawnStarts.h"
#include "../Model/KeptTasks.h"
#include "../Model/NonOwningWrappers.h"
#include "../Model/RelayedClosures.h"
#include "LifetimeNotes.h"

namespace clang::tidy::async {

using Self = LambdaCaptureLifetimeCheck;

namespace {

// The wording of each warning, in the order of model::Said from
// ClosureTemporary on.
constexpr llvm::StringLiteral Warnings[] = {
    "the closure of this coroutine lambda is destroyed before its task is "
    "done with the captures",
    "closure %0 of a coroutine lambda is destroyed while its task may still "
    "use the captures",
    "'this' is captured by a coroutine lambda that runs detached, and nothing "
    "keeps the object alive",
    "local %0 is captured by reference by a coroutine lambda whose task "
    "outlives it",
    "coroutine lambda with captures passed to %0 is destroyed while the "
    "coroutine may still run",
    "coroutine lambda with captures passed to %0 is destroyed while the "
    "coroutine may still run",
    "%0 does not keep the closure of this coroutine lambda until the "
    "coroutine completes",
    "%0 borrows capture %1, which %2 destroys while the coroutine may still "
    "run",
    "%0 runs a coroutine lambda detached on '*this', owned by local %1, which "
    "the task may outlive",
    "%0 runs a coroutine lambda detached on '*this', a temporary object that "
    "the task outlives",
};

static_assert(std::size(Warnings) ==
                  static_cast<size_t>(model::Said::TaskIs) -
                      static_cast<size_t>(model::Said::ClosureTemporary),
              "one wording per warning of async-lambda-capture-lifetime");

// BlockingWaits' default is built from the blocking catalogue, at run time.
constexpr llvm::StringLiteral BlockingWaitsOpt = "BlockingWaits";

} // namespace

const model::ListOption<Self> Self::Lists[] = {
    {"CallbackFunctions", model::DefaultCallbackFunctions,
     &Self::CallbackFunctions},
    {"OwnerFunctions", model::DefaultOwnerFunctions, &Self::OwnerFunctions},
    {"ComposeFunctions", model::DefaultComposeFunctions,
     &Self::ComposeFunctions},
    {"TaskKeepingSpawns", model::DefaultTaskKeepingSpawns,
     &Self::TaskKeepingSpawns},
    {"NonOwningWrappers", model::DefaultNonOwningWrappers,
     &Self::NonOwningWrappers},
    {"DispatchingSpawns", model::DefaultDispatchingSpawns,
     &Self::DispatchingSpawns},
    {"OwnExecutorAwaitables", model::DefaultOwnExecutorAwaitables,
     &Self::OwnExecutors},
};

LambdaCaptureLifetimeCheck::LambdaCaptureLifetimeCheck(
    StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      BlockingWaits(
          Options.get(BlockingWaitsOpt, model::defaultBlockingWaits())),
      Waits(Lib.SyncWaitFunctions.str() + ";" + Lib.JoinMembers.str()),
      AllBlockingWaits(BlockingWaits.str() + ";" + Waits.str()) {
  model::readListOptions<Self>(*this, Lists, [&](StringRef N, StringRef D) {
    return Options.get(N, D);
  });
}

void LambdaCaptureLifetimeCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  auto Store = [&](StringRef N, StringRef V) { Options.store(Opts, N, V); };
  model::storeListOptions<Self>(*this, Lists, Store);
  Store(BlockingWaitsOpt, BlockingWaits.str());
}

void LambdaCaptureLifetimeCheck::startTranslationUnit() {
  Uses.clear();
  Detached.clear();
  OwnWaits.clear();
}

model::ClosureLifetimeRules LambdaCaptureLifetimeCheck::rules() {
  // The id UnitFacts was given for this check's lists: asking the session
  // again would build the configuration's text on every call.
  return {CallbackFunctions,
          ComposeFunctions,
          Waits,
          Uses,
          Detached,
          OwnWaits,
          {Facts.session(), Facts.libraryId(), Lib}};
}

void LambdaCaptureLifetimeCheck::report(const model::LifetimeFindings &Found) {
  for (const model::LifetimeEvidence &E : Found)
    if (reportOnce(E.at()))
      reportEvidence(*this, E, Warnings, model::Said::ClosureTemporary);
}

void LambdaCaptureLifetimeCheck::checkFunction(CheckedFunction &F) {
  model::ClosureLifetimeRules R = rules();
  model::EnclosingFunction Encl{F.Decl, F.Body};
  report(model::detachingLambdaLifetimes(Encl, F.Ctx.getSourceManager(), R));
  auto Visit = [&](const Stmt &S) {
    // A wrapper that refers to a temporary lambda, kept past it.
    if (isa<DeclStmt, ReturnStmt>(&S))
      return report(
          model::heldNonOwningWrappers(S, NonOwningWrappers, Encl, R));
    // A coroutine lambda handed over as a function object: to a spawn that
    // keeps it, to a wrapper that keeps it in its task, or to a callback
    // API that destroys it.
    if (const auto *Lambda = dyn_cast<LambdaExpr>(&S)) {
      const CXXMethodDecl *Op =
          model::capturingCoroutine(Lambda->getLambdaClass());
      if (!Op)
        return;
      model::TaskFate Fate = F.flow().fateOf(Lambda);
      if (Fate.What != model::TaskFate::Kind::Escapes)
        return;
      // A spawn that runs the lambda up to its first suspension at once.
      bool Inline =
          Fate.Spawn && model::startsInline(*Fate.Spawn, F.Decl, F.own(),
                                            {DispatchingSpawns, OwnExecutors});
      return report(model::captureLifetimes(
          *Op, *Lambda, Fate, /*FromStart=*/true, Encl, R, Inline));
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    // A spawn that keeps the task a lambda called in place made.
    if (std::optional<model::LifetimeEvidence> Kept =
            model::keptTaskClosure(*Call, TaskKeepingSpawns, Encl, R, &F.own());
        Kept && reportOnce(Kept->at()))
      return reportEvidence(*this, *Kept, Warnings,
                            model::Said::ClosureTemporary);
    const auto *Op =
        dyn_cast_or_null<CXXMethodDecl>(model::calledDefinition(*Call));
    if (!Op || !isa<CXXOperatorCallExpr>(Call) ||
        !model::capturingCoroutine(Op->getParent())) {
      report(model::callbackLifetimes(*Call, F.Ctx, R, &F.own()));
      return report(model::returnedClosureLifetimes(*Call, Encl, R, &F.own()));
    }
    // A coroutine lambda called: its task refers to the closure, or, where
    // the closure outlives it, to the captured locals.
    std::optional<model::LifetimeEvidence> Closure =
        model::closureLifetime(*Call, *Op, Encl, R);
    if (Closure && reportOnce(Closure->at()))
      return reportEvidence(*this, *Closure, Warnings,
                            model::Said::ClosureTemporary);
    report(model::captureLifetimes(*Op, *Call, F.flow().fateOf(Call),
                                   /*FromStart=*/false, Encl, R));
  };
  // Lambdas and calls are judged in the order the walk meets them (the
  // order of the reports); without a lambda, the calls' list is that order.
  if (!F.events().lambdas().empty())
    return F.forEachStmt(Visit);
  for (const Expr *Call : F.events().calls())
    Visit(*Call);
}

} // namespace clang::tidy::async

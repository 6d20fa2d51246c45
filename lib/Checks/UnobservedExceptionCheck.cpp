//===--- UnobservedExceptionCheck.cpp - async-lint ------------------------===//

#include "UnobservedExceptionCheck.h"
#include "../Model/CoroutineModel.h"
#include "../Model/FailureHandlers.h"
#include "../Model/LostExceptionReports.h"
#include "../Model/SummaryPlaces.h"
#include "../Model/SummaryRecords.h"
#include "../Model/ThrowPlaces.h"
#include "SummaryOptions.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

constexpr llvm::StringLiteral AnyCallMayThrowOpt = "AnyCallMayThrow";

llvm::ArrayRef<model::ListOption<UnobservedExceptionCheck>>
UnobservedExceptionCheck::listOptions() {
  using C = UnobservedExceptionCheck;
  // Each option is named after its list, defaulting to model::Default<list>.
  // clang-format off
#define LIST(Name) {#Name, model::Default##Name, &C::Name}
  static const model::ListOption<C> Lists[] = {
      LIST(DiscardingTokens), LIST(DiscardingSpawnFunctions), LIST(ValueTests),
      LIST(FailureTypes), LIST(ThrowingTokens), LIST(ThrowingFunctions),
      LIST(FirstSuccessCombinators), LIST(CancelOnlyOperations),
      LIST(ErrorTests), LIST(ValueAccessors), LIST(RecoveryFunctions),
      LIST(PreconditionExceptions), LIST(ForwardingAdaptors)};
#undef LIST
  // clang-format on
  return Lists;
}

UnobservedExceptionCheck::UnobservedExceptionCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      AnyCallMayThrow(Options.get(AnyCallMayThrowOpt, false)),
      Writer(Options.getLocalOrGlobal(SummaryOutputOpt, "").str(),
             model::SummaryFact::Throws),
      Reader(Options.getLocalOrGlobal(SummaryDirectoryOpt, "").str(), &Writer),
      Detaches(Writer.directory(), Reader.directory()) {
  model::readListOptions(*this, listOptions(),
                         [&](StringRef Name, StringRef Default) {
                           return Options.get(Name, Default);
                         });
  Policy.NonSuspending = &Lib.NonSuspendingAwaitables;
  Policy.ThrowingTokens = &ThrowingTokens;
  Policy.ThrowingFunctions = &ThrowingFunctions;
  Policy.AnyCall = AnyCallMayThrow;
  Policy.FirstSuccessCombinators = &FirstSuccessCombinators;
  Policy.Overrides = &Overrides;
  Policy.CancelOnlyOperations = &CancelOnlyOperations;
  Policy.ValueTests = &ValueTests;
  Policy.ErrorTests = &ErrorTests;
  Policy.ValueAccessors = &ValueAccessors;
  Policy.PreconditionExceptions = &PreconditionExceptions;
}

void UnobservedExceptionCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  model::storeListOptions(*this, listOptions(),
                          [&](StringRef Name, const std::string &Value) {
                            Options.store(Opts, Name, Value);
                          });
  Options.store(Opts, AnyCallMayThrowOpt, AnyCallMayThrow);
  Options.store(Opts, SummaryOutputOpt, Writer.directory());
  Options.store(Opts, SummaryDirectoryOpt, Reader.directory());
}

void UnobservedExceptionCheck::emit(const model::Finding &F) {
  diag(F.Loc, "%0") << F.Message << F.Range;
  for (const model::PlacedNote &N : F.Notes)
    diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Text;
}

void UnobservedExceptionCheck::summarise(const FunctionDecl &Coro,
                                         ASTContext &Ctx) {
  if (!model::isSummarised(Coro, Ctx.getSourceManager(), /*Coroutine=*/true))
    return;
  auto KeyOf = [&](const FunctionDecl &F) { return Writer.keyOf(F, Ctx); };
  for (model::Summary &S :
       model::throwRecords(Coro, KeyOf(Coro), Policy, KeyOf, Ctx))
    Writer.add(std::move(S));
}

void UnobservedExceptionCheck::checkPromise(const FunctionDecl &Coro,
                                            ASTContext &Ctx) {
  std::optional<model::LostInPromise> Lost =
      model::lostInPromise(Coro, Policy, Lib, Ctx);
  if (!Lost)
    return;
  // The task type is named where its promise drops the exception (the
  // note at 'unhandled_exception'), which keeps the warning short.
  diag(Coro.getLocation(), "exceptions thrown in %0 are lost: nothing awaits "
                           "it and its promise discards them")
      << model::describeFunction(Coro);
  model::PlacedNote Thrown = model::throwNote(*Lost->Throw);
  diag(Thrown.Loc, "%0", DiagnosticIDs::Note) << Thrown.Text;
  diag(Lost->Swallow->getLocation(),
       "'unhandled_exception' drops the exception", DiagnosticIDs::Note);
}

void UnobservedExceptionCheck::checkFunction(CheckedFunction &F) {
  // Every unit judged gets its file, even with nothing in it: it replaces
  // the one an earlier version of the unit wrote.
  bool Summarising = Writer.judging(F.Ctx);
  if (F.isCoroutine())
    checkPromise(F.Decl, F.Ctx);
  if (F.isCoroutine() && Summarising)
    summarise(F.Decl, F.Ctx);
  auto CFGOf = [&](const FunctionDecl &FD) { return Facts.session().cfg(FD); };
  model::DetachRules Rules{Lib.SpawnFunctions,
                           DiscardingTokens,
                           DiscardingSpawnFunctions,
                           Policy,
                           Reader,
                           CFGOf};
  Detaches.summarise(F.Decl, Rules, F.Ctx);
  for (const Expr *Site : F.events().calls()) {
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Site)) {
      std::optional<model::Finding> Thread =
          model::threadFinding(*Construct, Policy, F.Ctx);
      if (Thread && reportOnce(Construct->getBeginLoc()))
        emit(*Thread);
      continue;
    }
    const auto *Call = cast<CallExpr>(Site);
    // The function's description of the call (made once for every check),
    // copied: cheaper than describing it again.
    std::optional<model::CallInfo> Info;
    if (const model::CallInfo *Known = F.own().call(*Call))
      Info = *Known;
    checkSpawn(*Call, Info, F.Ctx);
    checkDroppingSpawn(*Call, Info, F.Ctx);
    // A task handed to a function that detaches it: one of this unit, or
    // of another whose summary says so.
    std::optional<model::Finding> Lost =
        model::handedTaskFinding(*Call, Rules, Runs, Lib, F.Ctx);
    if (!Lost)
      Lost = Detaches.judge(*Call, Rules, F.Ctx);
    if (Lost && reportOnce(Lost->Loc))
      emit(*Lost);
    for (const Expr *Arg : Call->arguments())
      if (const LambdaExpr *Handler = model::handlerLambda(Arg))
        if (std::optional<model::Finding> Ignored =
                model::ignoredFailureFinding(
                    *Handler, *Arg, *Call, FailureClasses, Policy,
                    {RecoveryFunctions, ForwardingAdaptors}, F.Ctx);
            Ignored && reportOnce(Ignored->Loc))
          emit(*Ignored);
  }
}

} // namespace clang::tidy::async

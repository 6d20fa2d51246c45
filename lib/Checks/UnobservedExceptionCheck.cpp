//===--- UnobservedExceptionCheck.cpp - async-lint ------------------------===//

#include "UnobservedExceptionCheck.h"
#include "../Model/Awaitables.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/DroppedExceptions.h"
#include "../Model/EscapingThrows.h"
#include "../Model/Expressions.h"
#include "../Model/FailureHandlers.h"
#include "../Model/LostExceptions.h"
#include "../Model/TaskFlow.h"
#include "../Model/ThrowPlaces.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral AnyCallMayThrowOpt = "AnyCallMayThrow";

} // namespace

llvm::ArrayRef<model::ListOption<UnobservedExceptionCheck>>
UnobservedExceptionCheck::listOptions() {
  using C = UnobservedExceptionCheck;
  // Each option is named after its list, defaulting to model::Default<list>.
  // clang-format off
#define LIST(Name) {#Name, model::Default##Name, &C::Name}
  static const model::ListOption<C> Lists[] = {
      LIST(DiscardingTokens), LIST(DiscardingSpawnFunctions),
      LIST(FailureTypes), LIST(ThrowingTokens), LIST(ThrowingFunctions),
      LIST(FirstSuccessCombinators), LIST(CancelOnlyOperations)};
#undef LIST
  // clang-format on
  return Lists;
}

UnobservedExceptionCheck::UnobservedExceptionCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      AnyCallMayThrow(Options.get(AnyCallMayThrowOpt, false)) {
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
}

void UnobservedExceptionCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  model::storeListOptions(*this, listOptions(),
                          [&](StringRef Name, const std::string &Value) {
                            Options.store(Opts, Name, Value);
                          });
  Options.store(Opts, AnyCallMayThrowOpt, AnyCallMayThrow);
}

void UnobservedExceptionCheck::noteThrow(const Stmt &Where) {
  model::ThrowPlace Place = model::describeThrowPlace(Where);
  DiagnosticBuilder Note =
      diag(Where.getBeginLoc(), Place.Text, DiagnosticIDs::Note);
  if (Place.Maker)
    Note << Place.Maker;
  else if (!Place.Name.empty())
    Note << Place.Name;
}

void UnobservedExceptionCheck::checkPromise(const FunctionDecl &Coro,
                                            ASTContext &Ctx) {
  std::optional<model::LostInPromise> Lost =
      model::lostInPromise(Coro, Policy, Lib, Ctx);
  if (!Lost)
    return;
  diag(Coro.getLocation(),
       "exceptions thrown in %0 are lost: the promise of %1 discards them in "
       "'unhandled_exception' and nothing awaits it")
      << model::describeFunction(Coro)
      << Coro.getReturnType().getUnqualifiedType();
  noteThrow(*Lost->Throw);
  diag(Lost->Swallow->getLocation(),
       "'unhandled_exception' drops the exception", DiagnosticIDs::Note);
}

void UnobservedExceptionCheck::checkRunningCall(const CallExpr &Call,
                                                ASTContext &Ctx) {
  const FunctionDecl *Callee = model::calledDefinition(Call);
  if (!Callee || Callee->isInStdNamespace())
    return;
  for (unsigned I = 0; I < Callee->getNumParams(); ++I) {
    const FunctionDecl *Coro =
        model::taskCoroutine(model::argumentFor(Call, I));
    if (!Coro)
      continue;
    std::optional<model::DroppingRun> Run =
        Runs.of(*Callee, *Callee->getParamDecl(I), Lib);
    const Stmt *Throw =
        Run ? model::firstCoroutineThrow(Coro, Policy, Ctx) : nullptr;
    if (!Throw || !reportOnce(Call.getBeginLoc()))
      continue;
    std::string Name =
        "'" + model::displayName(model::canonicalName(*Callee)) + "'";
    if (Run->HandedAt)
      diag(Call.getBeginLoc(),
           "exceptions thrown by %0 are lost: %1 runs it in %2, whose promise "
           "discards them; catch them inside the coroutine")
          << model::describeFunction(*Coro) << Name
          << model::describeFunction(*Run->Runner) << Call.getSourceRange();
    else
      diag(Call.getBeginLoc(),
           "exceptions thrown by %0 are lost: %1 awaits it, and its promise "
           "discards them; catch them inside the coroutine")
          << model::describeFunction(*Coro) << Name << Call.getSourceRange();
    noteThrow(*Throw);
    if (const CallExpr *At = Run->HandedAt)
      // A called lambda: at the lambda, not at its parentheses.
      diag(isa<CXXOperatorCallExpr>(At) ? At->getArg(0)->getBeginLoc()
                                        : At->getBeginLoc(),
           "the task is handed to %0 here", DiagnosticIDs::Note)
          << model::describeFunction(*Run->Runner);
    diag(Run->Swallow->getLocation(),
         "'unhandled_exception' drops the "
         "exception",
         DiagnosticIDs::Note);
  }
}

void UnobservedExceptionCheck::checkHandler(const LambdaExpr &Handler,
                                            const Expr &Arg,
                                            const CallExpr &Call,
                                            ASTContext &Ctx) {
  QualType Type;
  const ParmVarDecl *Failure =
      model::ignoredFailure(Handler, FailureClasses, Type, Ctx);
  if (!Failure)
    return;
  // A coroutine seen to throw nothing sends no failure; a Try also carries
  // the value, so ignoring it is reported only when the coroutine can throw.
  // A coroutine that runs a task handed in by its caller (or made by a
  // function handed in) hands this handler whatever that task throws.
  const FunctionDecl *Coro = model::handledCoroutine(Call, Arg);
  model::ThrowPolicy Own = Policy;
  Own.AwaitedParameters = true;
  const Stmt *Throw = model::firstCoroutineThrow(Coro, Own, Ctx);
  if ((Coro && !Throw) || (!Coro && model::carriesValue(Type)) ||
      !reportOnce(Failure->getBeginLoc()))
    return;
  std::string Callee = "the call";
  if (std::optional<model::CallInfo> Info = model::describeCall(Call))
    Callee = "'" + model::displayName(Info->Names.front()) + "'";
  if (!Throw) {
    diag(Failure->getBeginLoc(),
         "the completion handler given to %0 ignores the failure it receives; "
         "log it or rethrow it")
        << Callee << Failure->getSourceRange();
    return;
  }
  diag(Failure->getBeginLoc(),
       "exceptions thrown by %0 are lost: the completion handler given to %1 "
       "ignores the failure it receives; log it or rethrow it")
      << model::describeFunction(*Coro) << Callee << Failure->getSourceRange();
  noteThrow(*Throw);
}

void UnobservedExceptionCheck::checkThread(const CXXConstructExpr &Construct,
                                           ASTContext &Ctx) {
  const Stmt *Body = model::threadFunctionBody(Construct);
  const Stmt *Throw =
      Body ? model::firstEscapingThrow(Body, Policy, Ctx) : nullptr;
  if (!Throw || !reportOnce(Construct.getBeginLoc()))
    return;
  diag(Construct.getArg(0)->getBeginLoc(),
       "an exception escaping this thread function calls 'std::terminate'; "
       "catch it inside the function and hand it on");
  noteThrow(*Throw);
}

void UnobservedExceptionCheck::checkFunction(CheckedFunction &F) {
  if (F.isCoroutine())
    checkPromise(F.Decl, F.Ctx);
  F.forEachStmt([&](const Stmt &S) {
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
      checkThread(*Construct, F.Ctx);
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    std::optional<model::CallInfo> Info = model::describeCall(*Call);
    checkSpawn(*Call, Info, F.Ctx);
    checkDroppingSpawn(*Call, Info, F.Ctx);
    checkInHouseSpawn(*Call, F.Ctx);
    checkRunningCall(*Call, F.Ctx);
    for (const Expr *Arg : Call->arguments())
      if (const LambdaExpr *Handler = model::handlerLambda(Arg))
        checkHandler(*Handler, *Arg, *Call, F.Ctx);
  });
}

} // namespace clang::tidy::async

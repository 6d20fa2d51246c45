//===--- UnobservedExceptionCheck.cpp - async-lint ------------------------===//

#include "UnobservedExceptionCheck.h"
#include "../Model/Awaitables.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/DroppedExceptions.h"
#include "../Model/EscapingThrows.h"
#include "../Model/Expressions.h"
#include "../Model/FailureHandlers.h"
#include "../Model/TaskFlow.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral DiscardingTokensOpt = "DiscardingTokens";
constexpr llvm::StringLiteral DiscardingSpawnFunctionsOpt =
    "DiscardingSpawnFunctions";
constexpr llvm::StringLiteral FailureTypesOpt = "FailureTypes";
constexpr llvm::StringLiteral ThrowingTokensOpt = "ThrowingTokens";
constexpr llvm::StringLiteral ThrowingFunctionsOpt = "ThrowingFunctions";
constexpr llvm::StringLiteral AnyCallMayThrowOpt = "AnyCallMayThrow";
constexpr llvm::StringLiteral FirstSuccessCombinatorsOpt =
    "FirstSuccessCombinators";
constexpr llvm::StringLiteral CancelOnlyOperationsOpt = "CancelOnlyOperations";

// asio's deferred (the default token since asio 1.28) throws when the
// operation is awaited in an awaitable, as use_awaitable does.
constexpr llvm::StringLiteral DefaultThrowingTokens =
    "asio::use_awaitable_t;asio::experimental::use_coro_t;asio::deferred_t";
constexpr llvm::StringLiteral DefaultThrowingFunctions =
    "asio::basic_socket_acceptor::basic_socket_acceptor;"
    "asio::basic_socket_acceptor::bind;asio::basic_socket_acceptor::listen;"
    "asio::basic_socket::connect;asio::basic_socket::bind;"
    "asio::basic_socket::open;asio::ip::basic_resolver::resolve;"
    "asio::connect;asio::read;asio::write;asio::read_until;"
    "asio::basic_stream_socket::read_some;asio::basic_stream_socket::write_"
    "some;"
    "::std::stoi;::std::stol;::std::stoll;::std::stoul;::std::stoull;"
    "::std::stof;::std::stod;::std::vector::at;::std::basic_string::at;"
    "::std::map::at;::std::unordered_map::at;::std::future::get;"
    "::std::shared_future::get;::std::rethrow_exception;"
    "::std::optional::value;::std::any_cast;::std::function::operator();"
    // std::get of a variant (bad_variant_access); std::get of a tuple, pair
    // or array is noexcept and never counts.
    "::std::get";
// asio's a || b fails only when both fail.
constexpr llvm::StringLiteral DefaultFirstSuccessCombinators =
    "asio::experimental::awaitable_operators::operator||";

// A timer's wait completes with success when the timer expires and with
// operation_aborted only when it is cancelled (asio's timer_queue sets no
// other error), also by expires_after/expires_at or its destruction.
constexpr llvm::StringLiteral DefaultCancelOnlyOperations =
    "asio::basic_waitable_timer::async_wait;"
    "asio::basic_deadline_timer::async_wait";

constexpr llvm::StringLiteral DefaultDiscardingTokens = "asio::detached_t";
// libcoro runs what these start in a self-deleting task whose promise drops
// the exception (task_self_deleting.cpp).
constexpr llvm::StringLiteral DefaultDiscardingSpawnFunctions =
    "::coro::thread_pool::spawn_detached;::coro::scheduler::spawn_detached;"
    "::coro::task_group::start";
// What a completion handler receives when the operation failed.
constexpr llvm::StringLiteral DefaultFailureTypes =
    "::std::exception_ptr;::async_simple::Try;::folly::Try";

} // namespace

UnobservedExceptionCheck::UnobservedExceptionCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      DiscardingTokens(
          Options.get(DiscardingTokensOpt, DefaultDiscardingTokens)),
      DiscardingSpawnFunctions(Options.get(DiscardingSpawnFunctionsOpt,
                                           DefaultDiscardingSpawnFunctions)),
      FailureTypes(Options.get(FailureTypesOpt, DefaultFailureTypes)),
      ThrowingTokens(Options.get(ThrowingTokensOpt, DefaultThrowingTokens)),
      ThrowingFunctions(
          Options.get(ThrowingFunctionsOpt, DefaultThrowingFunctions)),
      FirstSuccessCombinators(Options.get(FirstSuccessCombinatorsOpt,
                                          DefaultFirstSuccessCombinators)),
      CancelOnlyOperations(
          Options.get(CancelOnlyOperationsOpt, DefaultCancelOnlyOperations)),
      AnyCallMayThrow(Options.get(AnyCallMayThrowOpt, false)) {
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
  Options.store(Opts, DiscardingTokensOpt, DiscardingTokens.str());
  Options.store(Opts, DiscardingSpawnFunctionsOpt,
                DiscardingSpawnFunctions.str());
  Options.store(Opts, FailureTypesOpt, FailureTypes.str());
  Options.store(Opts, ThrowingTokensOpt, ThrowingTokens.str());
  Options.store(Opts, ThrowingFunctionsOpt, ThrowingFunctions.str());
  Options.store(Opts, FirstSuccessCombinatorsOpt,
                FirstSuccessCombinators.str());
  Options.store(Opts, CancelOnlyOperationsOpt, CancelOnlyOperations.str());
  Options.store(Opts, AnyCallMayThrowOpt, AnyCallMayThrow);
}

void UnobservedExceptionCheck::noteThrow(const Stmt &Where) {
  if (isa<CXXThrowExpr>(Where)) {
    diag(Where.getBeginLoc(), "an exception is thrown here",
         DiagnosticIDs::Note);
    return;
  }
  if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(&Where);
      Await && model::awaitedTaskParameter(*Await)) {
    diag(Where.getBeginLoc(),
         "the task awaited here rethrows whatever the task handed in throws",
         DiagnosticIDs::Note);
    return;
  }
  if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(&Where);
      Await && model::awaitedTaskMaker(*Await)) {
    diag(Where.getBeginLoc(),
         "the task awaited here is made by %0, handed in by the caller; it "
         "may throw anything",
         DiagnosticIDs::Note)
        << model::awaitedTaskMaker(*Await);
    return;
  }
  if (isa<CoroutineSuspendExpr>(Where)) {
    diag(Where.getBeginLoc(),
         "the awaited operation reports failure by throwing here",
         DiagnosticIDs::Note);
    return;
  }
  std::string Name = "this call";
  if (std::optional<model::CallInfo> Info = model::describeCall(Where))
    Name = "'" + model::displayName(Info->Names.front()) + "'";
  diag(Where.getBeginLoc(), "%0 may throw here", DiagnosticIDs::Note) << Name;
}

void UnobservedExceptionCheck::checkPromise(const FunctionDecl &Coro,
                                            ASTContext &Ctx) {
  QualType T = Coro.getReturnType();
  const CoroutineBodyStmt *Body = model::getCoroutineBody(Coro);
  // Only a type nothing can await (eager fire-and-forget, or started by a
  // library through its handle, as libcoro's self-deleting task is): the
  // promise is the only place the exception could go. A task type that is
  // awaited (by structure, or a listed one such as asio::awaitable) with an
  // empty unhandled_exception is a defect of the library's own promise.
  if (!Body || !Body->getPromiseDecl() || !nothingAwaits(T))
    return;
  // The promise the body uses (coroutine_traits may choose it by the
  // parameters too).
  const CXXMethodDecl *Swallow = model::swallowingUnhandledException(
      Body->getPromiseDecl()->getType()->getAsCXXRecordDecl());
  if (!Swallow)
    return;
  // A wrapper that runs the task it is handed (libcoro's
  // make_task_self_deleting) loses whatever that task throws.
  model::ThrowPolicy Own = Policy;
  Own.AwaitedParameters = true;
  const Stmt *Throw = model::firstEscapingThrow(Body->getBody(), Own, Ctx);
  if (!Throw)
    return;
  diag(Coro.getLocation(),
       "exceptions thrown in %0 are lost: the promise of %1 discards them in "
       "'unhandled_exception' and nothing awaits it")
      << model::describeFunction(Coro) << T.getUnqualifiedType();
  noteThrow(*Throw);
  diag(Swallow->getLocation(), "'unhandled_exception' drops the exception",
       DiagnosticIDs::Note);
}

bool UnobservedExceptionCheck::nothingAwaits(QualType T) const {
  return T->isRecordType() && !model::isAwaitableType(T) &&
         !model::isSynchronousGenerator(T) &&
         !Lib.TaskTypes.matches(model::canonicalTypeName(T));
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
    const ParmVarDecl *Param = Callee->getParamDecl(I);
    auto [It, New] = Runs.try_emplace(Param);
    if (New)
      It->second = model::droppingRun(
          *Callee, *Param, [&](QualType T) { return nothingAwaits(T); });
    std::optional<model::DroppingRun> Run = It->second;
    const Stmt *Throw =
        Run ? model::firstEscapingThrow(model::getUserBody(*Coro), Policy, Ctx)
            : nullptr;
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

const ParmVarDecl *
UnobservedExceptionCheck::failureParameter(const LambdaExpr &Handler,
                                           QualType &Type, ASTContext &Ctx) {
  const CXXMethodDecl *Op = Handler.getCallOperator();
  if (!Op || Op->getNumParams() == 0)
    return nullptr;
  // Compared by class, not by spelling: the name in the list may be an
  // alias of the class the parameter's type resolves to.
  auto IsFailure = [&](QualType T) { return FailureClasses.names(T, Ctx); };
  const FunctionTemplateDecl *Generic = Handler.getDependentCallOperator();
  if (!Generic) {
    Type = Op->getParamDecl(0)->getType();
    return !Op->isDependentContext() && IsFailure(Type) ? Op->getParamDecl(0)
                                                        : nullptr;
  }
  // A generic lambda (auto, auto &&): what the library calls it with.
  for (const FunctionDecl *Spec : Generic->specializations())
    if (Spec->getNumParams() > 0 &&
        IsFailure(Spec->getParamDecl(0)->getType())) {
      Type = Spec->getParamDecl(0)->getType();
      return Op->getParamDecl(0);
    }
  return nullptr;
}

void UnobservedExceptionCheck::checkHandler(const LambdaExpr &Handler,
                                            const Expr &Arg,
                                            const CallExpr &Call,
                                            ASTContext &Ctx) {
  QualType Type;
  const ParmVarDecl *Failure = failureParameter(Handler, Type, Ctx);
  if (!Failure)
    return;
  bool Used = false;
  model::forEachOwnStmt(Handler.getBody(), [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Used = Used || Ref->getDecl() == Failure;
  });
  if (Used)
    return;
  // A coroutine seen to throw nothing sends no failure; a Try also carries
  // the value, so ignoring it is reported only when the coroutine can throw.
  // A coroutine that runs a task handed in by its caller (or made by a
  // function handed in) hands this handler whatever that task throws.
  const FunctionDecl *Coro = model::handledCoroutine(Call, Arg);
  model::ThrowPolicy Own = Policy;
  Own.AwaitedParameters = true;
  const Stmt *Throw =
      Coro ? model::firstEscapingThrow(model::getUserBody(*Coro), Own, Ctx)
           : nullptr;
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
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  if (!Ctor || Construct.getNumArgs() == 0)
    return;
  std::string Name = model::canonicalName(*Ctor->getParent());
  if (Name != "::std::thread" && Name != "::std::jthread")
    return;
  const Stmt *Body = nullptr;
  if (const LambdaExpr *Lambda = model::lambdaOf(Construct.getArg(0))) {
    Body = Lambda->getBody();
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(
                 Construct.getArg(0)->IgnoreParenImpCasts())) {
    if (const auto *Fn = dyn_cast<FunctionDecl>(Ref->getDecl()))
      if (const FunctionDecl *Def = Fn->getDefinition())
        Body = Def->getBody();
  }
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

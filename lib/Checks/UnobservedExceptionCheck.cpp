//===--- UnobservedExceptionCheck.cpp - async-lint ------------------------===//

#include "UnobservedExceptionCheck.h"
#include "../Model/Awaitables.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Exceptions.h"
#include "../Model/TaskFlow.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral DiscardingTokensOpt = "DiscardingTokens";
constexpr llvm::StringLiteral FailureTypesOpt = "FailureTypes";
constexpr llvm::StringLiteral ThrowingTokensOpt = "ThrowingTokens";
constexpr llvm::StringLiteral ThrowingFunctionsOpt = "ThrowingFunctions";
constexpr llvm::StringLiteral AnyCallMayThrowOpt = "AnyCallMayThrow";

constexpr llvm::StringLiteral DefaultThrowingTokens =
    "asio::use_awaitable_t;asio::experimental::use_coro_t";
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
    "::std::optional::value;::std::any_cast;::std::function::operator()";

constexpr llvm::StringLiteral DefaultDiscardingTokens = "asio::detached_t";
// What a completion handler receives when the operation failed.
constexpr llvm::StringLiteral DefaultFailureTypes =
    "::std::exception_ptr;::async_simple::Try;::folly::Try";

/// The coroutine a spawned expression runs: a call of a coroutine, or a
/// coroutine lambda given as a function object.
const FunctionDecl *spawnedCoroutine(const Expr *Spawned) {
  if (!Spawned)
    return nullptr;
  if (const LambdaExpr *Lambda = model::lambdaOf(Spawned)) {
    const CXXMethodDecl *Op = Lambda->getCallOperator();
    return Op && model::getCoroutineBody(*Op) ? Op : nullptr;
  }
  const auto *Call = dyn_cast<CallExpr>(Spawned->IgnoreImplicit());
  const FunctionDecl *Callee = Call ? model::calledDefinition(*Call) : nullptr;
  return Callee && model::getCoroutineBody(*Callee) ? Callee : nullptr;
}

} // namespace

UnobservedExceptionCheck::UnobservedExceptionCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      DiscardingTokens(
          Options.get(DiscardingTokensOpt, DefaultDiscardingTokens)),
      FailureTypes(Options.get(FailureTypesOpt, DefaultFailureTypes)),
      ThrowingTokens(Options.get(ThrowingTokensOpt, DefaultThrowingTokens)),
      ThrowingFunctions(
          Options.get(ThrowingFunctionsOpt, DefaultThrowingFunctions)),
      AnyCallMayThrow(Options.get(AnyCallMayThrowOpt, false)) {
  Policy.NonSuspending = &Lib.NonSuspendingAwaitables;
  Policy.ThrowingTokens = &ThrowingTokens;
  Policy.ThrowingFunctions = &ThrowingFunctions;
  Policy.AnyCall = AnyCallMayThrow;
}

void UnobservedExceptionCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, DiscardingTokensOpt, DiscardingTokens.str());
  Options.store(Opts, FailureTypesOpt, FailureTypes.str());
  Options.store(Opts, ThrowingTokensOpt, ThrowingTokens.str());
  Options.store(Opts, ThrowingFunctionsOpt, ThrowingFunctions.str());
  Options.store(Opts, AnyCallMayThrowOpt, AnyCallMayThrow);
}

void UnobservedExceptionCheck::noteThrow(const Stmt &Where) {
  if (isa<CXXThrowExpr>(Where)) {
    diag(Where.getBeginLoc(), "an exception is thrown here",
         DiagnosticIDs::Note);
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
  // Only a fire-and-forget type: eager, and nothing can await it to see
  // the exception.
  if (!T->isRecordType() || model::isAwaitableType(T) ||
      model::lazinessOf(T) != model::Laziness::Eager)
    return;
  const CXXMethodDecl *Swallow =
      model::swallowingUnhandledException(model::promiseTypeOf(T));
  if (!Swallow)
    return;
  const Stmt *Throw =
      model::firstEscapingThrow(model::getUserBody(Coro), Policy, Ctx);
  if (!Throw)
    return;
  diag(Coro.getLocation(), "exceptions thrown in %0 are lost: the promise of "
                           "%1 discards them in 'unhandled_exception' and "
                           "nothing awaits it")
      << model::describeFunction(Coro) << T.getUnqualifiedType();
  noteThrow(*Throw);
  diag(Swallow->getLocation(), "'unhandled_exception' drops the exception",
       DiagnosticIDs::Note);
}

void UnobservedExceptionCheck::checkSpawn(const CallExpr &Call,
                                          ASTContext &Ctx) {
  std::optional<model::CallInfo> Info = model::describeCall(Call);
  if (!Info || !model::anyNameMatches(Lib.SpawnFunctions, *Info) ||
      Call.getNumArgs() < 2)
    return;
  const Expr *Token = model::completionToken(Call);
  std::string TokenName = model::completionTokenName(Call);
  if (TokenName.empty() || !DiscardingTokens.matches(TokenName))
    return;
  const FunctionDecl *Coro = nullptr;
  for (const Expr *Arg : Call.arguments())
    if (Arg != Token && (Coro = spawnedCoroutine(Arg)))
      break;
  if (!Coro)
    return;
  const Stmt *Throw =
      model::firstEscapingThrow(model::getUserBody(*Coro), Policy, Ctx);
  if (!Throw || !reportOnce(Call.getBeginLoc()))
    return;
  diag(Call.getBeginLoc(),
       "exceptions thrown by %0 are lost: %1 with '%2' discards them; pass a "
       "completion handler that logs or rethrows the 'std::exception_ptr'")
      << model::describeFunction(*Coro)
      << ("'" + model::displayName(Info->Names.front()) + "'")
      << model::displayName(TokenName) << Call.getSourceRange();
  noteThrow(*Throw);
}

void UnobservedExceptionCheck::checkHandler(const LambdaExpr &Handler,
                                            const CallExpr &Call) {
  const CXXMethodDecl *Op = Handler.getCallOperator();
  if (!Op || Op->getNumParams() == 0 || Op->isDependentContext())
    return;
  const ParmVarDecl *Failure = Op->getParamDecl(0);
  std::string Type = model::canonicalTypeName(Failure->getType());
  if (Type.empty() || !FailureTypes.matches(Type))
    return;
  bool Used = false;
  model::forEachOwnStmt(Op->getBody(), [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Used = Used || Ref->getDecl() == Failure;
  });
  if (Used || !reportOnce(Failure->getBeginLoc()))
    return;
  std::string Callee = "the call";
  if (std::optional<model::CallInfo> Info = model::describeCall(Call))
    Callee = "'" + model::displayName(Info->Names.front()) + "'";
  diag(Failure->getBeginLoc(),
       "the completion handler given to %0 ignores the failure it receives; "
       "log it or rethrow it")
      << Callee << Failure->getSourceRange();
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
    checkSpawn(*Call, F.Ctx);
    for (const Expr *Arg : Call->arguments())
      if (const LambdaExpr *Handler = model::lambdaOf(Arg))
        checkHandler(*Handler, *Call);
  });
}

} // namespace clang::tidy::async

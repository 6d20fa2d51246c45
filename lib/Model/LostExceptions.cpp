//===--- LostExceptions.cpp - async-lint ----------------------------------===//

#include "LostExceptions.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "FailureHandlers.h"
#include "NameMatcher.h"
#include "TaskFlow.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

bool nothingAwaits(QualType T, const Library &Lib) {
  return T->isRecordType() && !isAwaitableType(T) &&
         !isSynchronousGenerator(T) &&
         !Lib.TaskTypes.matches(canonicalTypeName(T));
}

std::optional<LostInPromise> lostInPromise(const FunctionDecl &Coro,
                                           const ThrowPolicy &Policy,
                                           const Library &Lib,
                                           ASTContext &Ctx) {
  QualType T = Coro.getReturnType();
  const CoroutineBodyStmt *Body = getCoroutineBody(Coro);
  // Only a type nothing can await (eager fire-and-forget, or started by a
  // library through its handle, as libcoro's self-deleting task is): the
  // promise is the only place the exception could go. A task type that is
  // awaited (by structure, or a listed one such as asio::awaitable) with an
  // empty unhandled_exception is a defect of the library's own promise.
  if (!Body || !Body->getPromiseDecl() || !nothingAwaits(T, Lib))
    return std::nullopt;
  // The promise the body uses (coroutine_traits may choose it by the
  // parameters too).
  const CXXMethodDecl *Swallow = swallowingUnhandledException(
      Body->getPromiseDecl()->getType()->getAsCXXRecordDecl());
  if (!Swallow)
    return std::nullopt;
  // A wrapper that runs the task it is handed (libcoro's
  // make_task_self_deleting) loses whatever that task throws.
  ThrowPolicy Own = Policy;
  Own.AwaitedParameters = true;
  const Stmt *Throw = firstEscapingThrow(Body->getBody(), Own, Ctx);
  if (!Throw)
    return std::nullopt;
  return LostInPromise{Swallow, Throw};
}

const std::optional<DroppingRun> &DroppingRuns::of(const FunctionDecl &Fn,
                                                   const ParmVarDecl &Param,
                                                   const Library &Lib) {
  auto [It, New] = Runs.try_emplace(&Param);
  if (New)
    It->second = droppingRun(Fn, Param,
                             [&](QualType T) { return nothingAwaits(T, Lib); });
  return It->second;
}

std::string wrappedTokenName(const CallExpr &Call, const NameMatcher *Adaptors,
                             std::string *Adaptor) {
  const Expr *Token = completionToken(Call);
  if (!Token)
    return "";
  QualType T = Token->getType().getNonReferenceType();
  std::string Name = canonicalTypeName(T);
  // A few levels: bind_executor(ex, cancel_after(5s, detached)).
  for (unsigned Depth = 0; Adaptors && !Adaptors->empty() && Depth < 4;
       ++Depth) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        T->getAsCXXRecordDecl());
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
        !Adaptors->matches(Name))
      break;
    if (Adaptor && Adaptor->empty())
      *Adaptor = Name;
    T = Spec->getTemplateArgs()[0].getAsType();
    Name = canonicalTypeName(T);
  }
  return Name;
}

WrappedTokenText wrappedTokenText(const CallExpr &Call,
                                  const NameMatcher *Adaptors) {
  std::string Adaptor;
  WrappedTokenText Text{
      "'" + displayName(wrappedTokenName(Call, Adaptors, &Adaptor)) + "'", ""};
  if (!Adaptor.empty())
    Text.AdaptorNote = "'" + displayName(Adaptor) +
                       "' hands the exception on to the " + Text.Token +
                       " it wraps";
  return Text;
}

bool discardingTokenSpawn(const CallExpr &Call,
                          const std::optional<CallInfo> &Info,
                          const NameMatcher &Spawns,
                          const NameMatcher &DiscardingTokens,
                          const NameMatcher *Adaptors) {
  if (!Info || !anyNameMatches(Spawns, *Info) || Call.getNumArgs() < 2)
    return false;
  std::string TokenName = wrappedTokenName(Call, Adaptors);
  return !TokenName.empty() && DiscardingTokens.matches(TokenName);
}

bool dropsFailure(const CallExpr &Spawn, const NameMatcher &Spawns,
                  const NameMatcher &DiscardingTokens,
                  const NameMatcher &DiscardingSpawns,
                  const NameMatcher *Adaptors) {
  std::optional<CallInfo> Info = describeCall(Spawn);
  return discardingTokenSpawn(Spawn, Info, Spawns, DiscardingTokens,
                              Adaptors) ||
         (Info && anyNameMatches(DiscardingSpawns, *Info));
}

const FunctionDecl *coroutineSpawnedBy(const CallExpr &Call,
                                       const Expr *Token) {
  for (const Expr *Arg : Call.arguments())
    if (Arg != Token)
      if (const FunctionDecl *Coro = spawnedCoroutine(Arg))
        return Coro;
  // A stackful spawn (Boost.Asio's spawn(ctx, [](yield_context) {...},
  // token)) runs a plain function on a coroutine of its own: what escapes
  // its body goes to the token.
  for (const Expr *Arg : Call.arguments())
    if (const LambdaExpr *Lambda = Arg != Token ? lambdaOf(Arg) : nullptr)
      if (const CXXMethodDecl *Op = Lambda->getCallOperator();
          Op && Op->hasBody())
        return Op;
  return nullptr;
}

const FunctionDecl *taskSpawnedBy(const CallExpr &Call) {
  const FunctionDecl *Coro = nullptr;
  for (const Expr *Arg : Call.arguments())
    if (!Coro)
      Coro = taskCoroutine(Arg);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call); !Coro && Member)
    Coro = taskCoroutine(Member->getImplicitObjectArgument());
  return Coro;
}

namespace {

/// The parameter of \p Handler that receives the failure, used or not.
const ParmVarDecl *failureParameter(const LambdaExpr &Handler,
                                    ResolvedTypes &FailureTypes, QualType &Type,
                                    ASTContext &Ctx) {
  const CXXMethodDecl *Op = Handler.getCallOperator();
  if (!Op || Op->getNumParams() == 0)
    return nullptr;
  // Compared by class, not by spelling: the name in the list may be an
  // alias of the class the parameter's type resolves to.
  auto IsFailure = [&](QualType T) { return FailureTypes.names(T, Ctx); };
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

} // namespace

const ParmVarDecl *ignoredFailure(const LambdaExpr &Handler,
                                  ResolvedTypes &FailureTypes, QualType &Type,
                                  ASTContext &Ctx) {
  const ParmVarDecl *Failure =
      failureParameter(Handler, FailureTypes, Type, Ctx);
  if (!Failure)
    return nullptr;
  bool Used = false;
  forEachOwnStmt(Handler.getBody(), [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Used = Used || Ref->getDecl() == Failure;
  });
  return Used ? nullptr : Failure;
}

const Stmt *threadFunctionBody(const CXXConstructExpr &Construct) {
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  if (!Ctor || Construct.getNumArgs() == 0)
    return nullptr;
  // The class's own name first: most constructions are of other classes.
  const CXXRecordDecl *Class = Ctor->getParent();
  if (!Class->getIdentifier() ||
      (Class->getName() != "thread" && Class->getName() != "jthread"))
    return nullptr;
  std::string Name = canonicalName(*Class);
  if (Name != "::std::thread" && Name != "::std::jthread")
    return nullptr;
  if (const LambdaExpr *Lambda = lambdaOf(Construct.getArg(0)))
    return Lambda->getBody();
  if (const auto *Ref =
          dyn_cast<DeclRefExpr>(Construct.getArg(0)->IgnoreParenImpCasts()))
    if (const auto *Fn = dyn_cast<FunctionDecl>(Ref->getDecl()))
      if (const FunctionDecl *Def = Fn->getDefinition())
        return Def->getBody();
  return nullptr;
}

} // namespace clang::tidy::async::model

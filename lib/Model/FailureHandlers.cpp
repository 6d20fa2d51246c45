//===--- FailureHandlers.cpp - async-lint ---------------------------------===//

#include "FailureHandlers.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "ExpressionContext.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "TaskFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::async::model {

const FunctionDecl *spawnedCoroutine(const Expr *Spawned) {
  if (!Spawned)
    return nullptr;
  if (const LambdaExpr *Lambda = lambdaOf(Spawned)) {
    const CXXMethodDecl *Op = Lambda->getCallOperator();
    return Op && getCoroutineBody(*Op) ? Op : nullptr;
  }
  const auto *Call = dyn_cast<CallExpr>(Spawned->IgnoreImplicit());
  const FunctionDecl *Callee = Call ? calledDefinition(*Call) : nullptr;
  return Callee && getCoroutineBody(*Callee) ? Callee : nullptr;
}

const FunctionDecl *taskCoroutine(const Expr *Object, unsigned Depth) {
  Object = strip(Object, Wrappers::Object);
  if (!Object || Depth > 3)
    return nullptr;
  if (const FunctionDecl *Coro = spawnedCoroutine(Object))
    return Coro;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Object))
    return taskCoroutine(Member->getImplicitObjectArgument(), Depth + 1);
  const auto *Ref = dyn_cast<DeclRefExpr>(Object);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (Var && Var->isLocalVarDecl() && !Var->getType()->isReferenceType())
    return taskCoroutine(Var->getInit(), Depth + 1);
  return nullptr;
}

const LambdaExpr *handlerLambda(const Expr *Arg) {
  if (const LambdaExpr *Lambda = lambdaOf(Arg))
    return Lambda;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(Arg, Wrappers::Object));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->isLocalVarDecl() ? lambdaOf(Var->getInit()) : nullptr;
}

namespace {

/// The coroutine whose task the sender \p Sender is: a call of a coroutine,
/// or an adaptor of \p Forwarding applied to one, called with it or piped.
const FunctionDecl *senderCoroutine(const Expr *Sender,
                                    const NameMatcher &Forwarding,
                                    unsigned Depth = 0) {
  if (const FunctionDecl *Coro = spawnedCoroutine(Sender))
    return Coro;
  const auto *Call =
      dyn_cast_or_null<CallExpr>(strip(Sender, Wrappers::Object));
  if (!Call || Depth > 4)
    return nullptr;
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
  if (Op && Op->getOperator() == OO_Pipe && Op->getNumArgs() == 2) {
    const auto *Adaptor =
        dyn_cast<CallExpr>(strip(Op->getArg(1), Wrappers::Object));
    std::optional<CallInfo> Info =
        Adaptor ? describeCall(*Adaptor) : std::nullopt;
    return Info && anyNameMatches(Forwarding, *Info)
               ? senderCoroutine(Op->getArg(0), Forwarding, Depth + 1)
               : nullptr;
  }
  std::optional<CallInfo> Info = describeCall(*Call);
  if (!Info || !anyNameMatches(Forwarding, *Info))
    return nullptr;
  for (const Expr *Child : Call->arguments())
    if (const FunctionDecl *Coro =
            senderCoroutine(Child, Forwarding, Depth + 1))
      return Coro;
  return nullptr;
}

/// The sender \p Call is applied to when it is the right side of a pipe
/// (`sender | adaptor(args)`, which means `adaptor(sender, args)`).
const Expr *pipedSender(const CallExpr &Call, ASTContext &Ctx) {
  // Not through std::move: a call is the holder.
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(
      holderOf(Call, Ctx, 6, /*ThroughCalls=*/false).Parent);
  if (Op && Op->getOperator() == OO_Pipe && Op->getNumArgs() == 2 &&
      strip(Op->getArg(1), Wrappers::Object) == &Call)
    return Op->getArg(0);
  return nullptr;
}

/// True when \p S, the last statement of a body, never completes normally:
/// a throw, or a call of a function that does not return (declared so, or
/// whose visible body ends so, \p Depth calls deep).
bool endsInStop(const Stmt *S, unsigned Depth);

/// True when \p Body has no return statement and its last statement never
/// completes normally.
bool bodyNeverReturns(const Stmt *Body, unsigned Depth) {
  const auto *Compound = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Compound || Compound->body_empty())
    return false;
  bool Returns = false;
  forEachOwnStmt(Body, [&](const Stmt &S) { Returns |= isa<ReturnStmt>(S); });
  return !Returns && endsInStop(Compound->body_back(), Depth);
}

bool endsInStop(const Stmt *S, unsigned Depth) {
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(S))
    return !Compound->body_empty() && endsInStop(Compound->body_back(), Depth);
  // Both branches stop: `if (fatal) std::abort(); else throw ...;`.
  if (const auto *If = dyn_cast_or_null<IfStmt>(S))
    return endsInStop(If->getThen(), Depth) && endsInStop(If->getElse(), Depth);
  const auto *E = dyn_cast_or_null<Expr>(S);
  E = E ? strip(E, Wrappers::Syntax) : nullptr;
  if (isa_and_nonnull<CXXThrowExpr>(E))
    return true;
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  if (Callee->isNoReturn())
    return true;
  const FunctionDecl *Def = Callee->getDefinition();
  return Depth > 0 && Def && bodyNeverReturns(Def->getBody(), Depth - 1);
}

} // namespace

const FunctionDecl *handledCoroutine(const CallExpr &Call, const Expr &Arg,
                                     const NameMatcher &Forwarding,
                                     ASTContext &Ctx) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return taskCoroutine(Member->getImplicitObjectArgument());
  for (const Expr *Other : Call.arguments())
    if (Other != &Arg)
      if (const FunctionDecl *Coro = senderCoroutine(Other, Forwarding))
        return Coro;
  const Expr *Piped = pipedSender(Call, Ctx);
  return Piped ? senderCoroutine(Piped, Forwarding) : nullptr;
}

bool neverReturns(const LambdaExpr &Handler) {
  return bodyNeverReturns(Handler.getBody(), 2);
}

bool givenToRecovery(const CallExpr &Call, const Expr &Arg,
                     const NameMatcher &Recovery, unsigned Depth) {
  if (std::optional<CallInfo> Info = describeCall(Call);
      Info && anyNameMatches(Recovery, *Info))
    return true;
  // A helper: the parameter that receives the handler, passed on.
  const FunctionDecl *Def = calledDefinition(Call);
  if (!Def || Depth > 2)
    return false;
  const ParmVarDecl *Param = nullptr;
  for (unsigned I = 0; I < Def->getNumParams(); ++I)
    if (argumentFor(Call, I) == &Arg)
      Param = Def->getParamDecl(I);
  bool Any = false, All = true;
  forEachOwnStmt(Param ? Def->getBody() : nullptr, [&](const Stmt &S) {
    // Not std::forward(fn) itself: the call it is an argument of.
    const auto *Inner = dyn_cast<CallExpr>(&S);
    if (!Inner || strip(Inner, Wrappers::Implicit) != Inner)
      return;
    for (const Expr *Passed : Inner->arguments()) {
      const auto *Ref =
          dyn_cast_or_null<DeclRefExpr>(strip(Passed, Wrappers::Object));
      if (!Ref || Ref->getDecl() != Param)
        continue;
      Any = true;
      All &= givenToRecovery(*Inner, *Passed, Recovery, Depth + 1);
    }
  });
  return Any && All;
}

bool returnsValue(const LambdaExpr &Handler) {
  bool Returns = false;
  forEachOwnStmt(Handler.getBody(), [&](const Stmt &S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(&S))
      Returns |= Return->getRetValue() != nullptr;
  });
  return Returns;
}

bool carriesValue(QualType Failure) {
  return isa_and_nonnull<ClassTemplateSpecializationDecl>(
      Failure.getNonReferenceType()->getAsCXXRecordDecl());
}

} // namespace clang::tidy::async::model

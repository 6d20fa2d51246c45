//===--- FailureHandlers.cpp - async-lint ---------------------------------===//

#include "FailureHandlers.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "TaskFlow.h"

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

const FunctionDecl *handledCoroutine(const CallExpr &Call, const Expr &Arg) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return taskCoroutine(Member->getImplicitObjectArgument());
  for (const Expr *Other : Call.arguments())
    if (Other != &Arg)
      if (const FunctionDecl *Coro = spawnedCoroutine(Other))
        return Coro;
  return nullptr;
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

//===--- ForwardedParameters.cpp - async-lint -----------------------------===//

#include "ForwardedParameters.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "SkippedBodies.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// Wrappers of wrappers are followed this many calls deep.
constexpr unsigned MaxDepth = 3;

std::optional<ForwardedParameter> forwardedAt(const FunctionDecl &Wrapper,
                                              int Index, unsigned Depth);

/// The call whose task \p Returned is: the returned expression itself, or
/// the initialiser of a local it names (through copies and moves) that
/// \p Body mentions nowhere else. A wrapper that does something with the
/// task before it returns it (libcoro's invoke resumes it) may have run it.
const CallExpr *taskCall(const Expr *Returned, const Stmt *Body) {
  const Expr *E = strip(Returned, Wrappers::Object);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
        Var->getType()->isReferenceType())
      return nullptr;
    unsigned Mentions = 0;
    forEachOwnStmt(Body, [&](const Stmt &S) {
      const auto *Other = dyn_cast<DeclRefExpr>(&S);
      Mentions += Other && Other->getDecl() == Var;
    });
    if (Mentions != 1)
      return nullptr;
    E = strip(Var->getInit(), Wrappers::Object);
  }
  return dyn_cast_or_null<CallExpr>(E);
}

/// True when \p E names \p Param (through std::move, std::forward, casts).
bool names(const Expr *E, const ParmVarDecl *Param) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Object));
  return Ref && Ref->getDecl() == Param;
}

/// Where \p Call, a call in a wrapper's body whose task the wrapper
/// returns, hands \p Param (null: the wrapper's object) on to.
std::optional<ForwardedParameter>
hop(const CallExpr &Call, const ParmVarDecl *Param, unsigned Depth) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  const Expr *Object = nullptr;
  unsigned Offset = 0;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Object = Member->getImplicitObjectArgument();
  else if (isa<CXXOperatorCallExpr>(Call) && Method && Method->isInstance())
    Object = Call.getArg(0), Offset = 1;
  std::optional<int> Target;
  if (Object && (Param ? names(Object, Param)
                       : isa<CXXThisExpr>(strip(Object, Wrappers::Object))))
    Target = -1;
  for (unsigned I = 0; Param && !Target && I < Callee->getNumParams() &&
                       I + Offset < Call.getNumArgs();
       ++I)
    if (names(Call.getArg(I + Offset), Param))
      Target = static_cast<int>(I);
  if (!Target)
    return std::nullopt;
  if (const FunctionDecl *Def = calledDefinition(Call)) {
    if (getCoroutineBody(*Def))
      return ForwardedParameter{&Call, Def, *Target};
    std::optional<ForwardedParameter> Inner =
        forwardedAt(*Def, *Target, Depth + 1);
    if (Inner)
      Inner->Hop = &Call;
    return Inner;
  }
  // A coroutine declared here and defined elsewhere: judged by its type.
  QualType Result = Callee->getReturnType();
  if (!definedElsewhere(*Callee) || Result->isReferenceType() ||
      !isTaskType(Result))
    return std::nullopt;
  return ForwardedParameter{&Call, Callee, *Target};
}

std::optional<ForwardedParameter> forwardedAt(const FunctionDecl &Wrapper,
                                              int Index, unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (Depth > MaxDepth || !Wrapper.hasBody(Def) || !Def ||
      getCoroutineBody(*Def) || Def->isDependentContext() ||
      Index >= static_cast<int>(Def->getNumParams()))
    return std::nullopt;
  const ParmVarDecl *Param = Index >= 0 ? Def->getParamDecl(Index) : nullptr;
  std::optional<ForwardedParameter> Found;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Return = dyn_cast<ReturnStmt>(&S);
    const CallExpr *Call =
        Return ? taskCall(Return->getRetValue(), Def->getBody()) : nullptr;
    if (!Found && Call)
      Found = hop(*Call, Param, Depth);
  });
  return Found;
}

} // namespace

std::optional<ForwardedParameter>
forwardedParameter(const FunctionDecl &Wrapper, int Index) {
  return forwardedAt(Wrapper, Index, 0);
}

const FunctionDecl *storedTarget(const Expr &Object, const Stmt &Body) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(strip(&Object, Wrappers::Implicit));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var->getType()->isReferenceType())
    return nullptr;
  // The converting constructor's argument: a function, its address, or a
  // lambda.
  const Expr *Init = strip(Var->getInit(), Wrappers::Implicit);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init);
      Construct && Construct->getNumArgs() >= 1)
    Init = Construct->getArg(0);
  Init = strip(Init, Wrappers::Object);
  if (const auto *Address = dyn_cast_or_null<UnaryOperator>(Init);
      Address && Address->getOpcode() == UO_AddrOf)
    Init = strip(Address->getSubExpr(), Wrappers::Object);
  const FunctionDecl *Target = nullptr;
  if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(Init))
    Target = Lambda->getCallOperator();
  else if (const auto *Named = dyn_cast_or_null<DeclRefExpr>(Init))
    Target = dyn_cast<FunctionDecl>(Named->getDecl());
  if (!Target || Target->isTemplated())
    return nullptr;
  // Another function stored later would make the call run that one.
  bool Reassigned = false;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    auto [To, Value] = assignmentParts(&S);
    Reassigned = Reassigned || (To && namedDecl(To) == Var);
  });
  return Reassigned ? nullptr : Target;
}

} // namespace clang::tidy::async::model

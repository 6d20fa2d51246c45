//===--- ClosureConsumers.cpp - async-lint --------------------------------===//

#include "ClosureConsumers.h"
#include "CaptureUses.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FailureHandlers.h"
#include "ForwardingHelpers.h"
#include "PathFacts.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

const Expr *invokedClosure(const Stmt &S) {
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S);
      Call && Call->getOperator() == OO_Call)
    return Call->getArg(0);
  const auto *Call = dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
      Callee->getName() == "invoke" && Call->getNumArgs() > 0)
    return Call->getArg(0);
  return nullptr;
}

namespace {

/// The statement of \p Callee's body that calls its function-object
/// parameter \p Param and lets the closure it calls die when the call
/// returns, or, for a parameter taken by reference (bound to a temporary
/// lambda), in the caller's full expression after the task was dropped:
///   - by value: a call of the parameter, or of a local copy of it;
///   - by reference: a call of a local copy, or a call of the parameter
///     whose result is discarded.
/// Null when there is none, or when the body waits for work to finish
/// (\p Waits: a sync-wait or join), which may outlast the coroutine.
const Stmt *callThatDropsClosure(const FunctionDecl &Callee,
                                 const ParmVarDecl *Param,
                                 const NameMatcher &Waits) {
  bool ByValue = !Param->getType()->isReferenceType();
  llvm::SmallPtrSet<const VarDecl *, 2> Copies;
  llvm::SmallPtrSet<const Stmt *, 8> Discarded;
  bool Waiting = false;
  forEachOwnStmt(Callee.getBody(), [&](const Stmt &S) {
    const auto *Decl = dyn_cast<DeclStmt>(&S);
    const auto *Var = Decl && Decl->isSingleDecl()
                          ? dyn_cast<VarDecl>(Decl->getSingleDecl())
                          : nullptr;
    if (Var && Var->getInit() && Var->hasLocalStorage() &&
        !Var->getType()->isReferenceType() &&
        referencedVariable(Var->getInit()) == Param)
      Copies.insert(Var);
    if (const auto *Block = dyn_cast<CompoundStmt>(&S))
      for (const Stmt *Child : Block->body())
        if (const auto *E = dyn_cast<Expr>(Child))
          if (const Expr *Bare = strip(E, Wrappers::Implicit))
            Discarded.insert(strip(Bare->IgnoreCasts(), Wrappers::Implicit));
    Waiting |= callOfListed(S, Waits) != nullptr;
  });
  const Stmt *Found = nullptr;
  forEachOwnStmt(Callee.getBody(), [&](const Stmt &S) {
    const VarDecl *Target =
        Found ? nullptr : referencedVariable(invokedClosure(S));
    if (Target && (Copies.contains(Target) ||
                   (Target == Param && (ByValue || Discarded.contains(&S)))))
      Found = &S;
  });
  return Waiting ? nullptr : Found;
}

} // namespace

const VarDecl *copiedCapture(const LambdaExpr &Lambda, const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Object));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return nullptr;
  if (Var->isInitCapture())
    return Var->getType()->isReferenceType() ? nullptr : Var;
  if (!Ref->refersToEnclosingVariableOrCapture())
    return nullptr;
  for (const LambdaCapture &Capture : Lambda.captures())
    if (Capture.capturesVariable() && Capture.getCapturedVar() == Var)
      return Capture.getCaptureKind() == LCK_ByCopy ? Var : nullptr;
  return nullptr;
}

namespace {

Consumption consumerCallAt(const CallExpr &Call, unsigned I,
                           const CallInfo &Info, const NameMatcher &Waits,
                           unsigned Depth) {
  const FunctionDecl *Callee = calledDefinition(Call);
  const auto *Method = dyn_cast<CXXMethodDecl>(Info.Callee);
  unsigned Offset =
      isa<CXXOperatorCallExpr>(Call) && Method && Method->isInstance() ? 1 : 0;
  // A coroutine keeps its by-value parameters in its frame.
  if (!Callee || getCoroutineBody(*Callee) || I < Offset ||
      I - Offset >= Callee->getNumParams())
    return {};
  const ParmVarDecl *Param = Callee->getParamDecl(I - Offset);
  const Stmt *At = callThatDropsClosure(*Callee, Param, Waits);
  if (!At && Depth < MaxForwardingDepth)
    if (ForwardedTo Fwd = forwardedTo(*Callee, *Param, Waits); Fwd.Call)
      if (std::optional<CallInfo> Inner = describeCall(*Fwd.Call)) {
        Consumption By =
            consumerCallAt(*Fwd.Call, Fwd.Arg, *Inner, Waits, Depth + 1);
        // A by-value helper parameter is a copy that dies with the helper.
        By.Temporary &= Param->getType()->isReferenceType();
        return By;
      }
  // A call of the reference parameter itself calls the caller's temporary.
  const Expr *Called = At ? invokedClosure(*At) : nullptr;
  return {At, Called && referencedVariable(Called) == Param &&
                  Param->getType()->isReferenceType()};
}

} // namespace

Consumption consumerCall(const CallExpr &Call, unsigned I, const CallInfo &Info,
                         const NameMatcher &Waits) {
  // A forwarding helper consumes what the call it forwards to consumes.
  return consumerCallAt(Call, I, Info, Waits, 0);
}

const CXXMethodDecl *composedCoroutine(const CallExpr &Call,
                                       const LambdaExpr *&Lambda) {
  Lambda = Call.getNumArgs() > 0 ? handlerLambda(Call.getArg(0)) : nullptr;
  const CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
  if (!Op || Lambda->capture_size() == 0 || copiesClosure(*Op))
    return nullptr;
  // A generic lambda (asio's 'auto state'): the body the library runs.
  if (const FunctionTemplateDecl *Generic = Lambda->getDependentCallOperator())
    for (const FunctionDecl *Spec : Generic->specializations())
      if (Spec->hasBody() && getCoroutineBody(*Spec)) {
        Op = cast<CXXMethodDecl>(Spec);
        break;
      }
  if (Op->isDependentContext() || !getCoroutineBody(*Op))
    return nullptr;
  return Op;
}

} // namespace clang::tidy::async::model

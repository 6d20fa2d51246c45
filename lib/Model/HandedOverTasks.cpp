//===--- HandedOverTasks.cpp - async-lint ---------------------------------===//

#include "HandedOverTasks.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

bool takesTaskOver(const CallExpr &Call, unsigned I) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Callee->getDefinition() || Callee->isInStdNamespace() ||
      Callee->isDependentContext() || isa<CXXOperatorCallExpr>(Call))
    return false;
  // Operators are left out above: the arguments of any other call are its
  // parameters', in order (a member call's object is not an argument).
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if ((Method && Method->isExplicitObjectMemberFunction()) ||
      I >= Callee->getNumParams())
    return false;
  QualType Param = Callee->getParamDecl(I)->getType();
  if (Param->isReferenceType() || !isTaskType(Param))
    return false;
  // A task made in the same full expression may be run by the callee before
  // it returns, while the full expression's temporaries live: only a task
  // kept in a local first has outlived them.
  const auto *Var = dyn_cast_or_null<VarDecl>(namedDecl(Call.getArg(I)));
  if (!Var || !Var->hasLocalStorage())
    return false;
  QualType Result = Callee->getReturnType();
  return !isTaskType(Result) && !isAwaitableType(Result);
}

bool resumesCoroutine(const CallExpr &Call) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  const FunctionDecl *Def = M ? M->getDefinition() : nullptr;
  const Stmt *Body = Def ? Def->getBody() : nullptr;
  if (!Body || getCoroutineBody(*Def))
    return false;
  bool Found = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S); Call && !Found)
      Found = resumesHandle(*Call);
  });
  return Found;
}

bool resumesHandle(const CallExpr &Call) {
  const auto *Callee = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!Callee)
    return false;
  std::string Name = canonicalName(*Callee);
  return Name == "::std::coroutine_handle::resume" ||
         Name == "::std::coroutine_handle::operator()";
}

} // namespace clang::tidy::async::model

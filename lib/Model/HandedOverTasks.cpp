//===--- HandedOverTasks.cpp - async-lint ---------------------------------===//

#include "HandedOverTasks.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
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
    const auto *Call = dyn_cast<CallExpr>(&S);
    const auto *Callee =
        Call ? dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee())
             : nullptr;
    if (!Callee || Found)
      return;
    std::string Name = canonicalName(*Callee);
    Found = Name == "::std::coroutine_handle::resume" ||
            Name == "::std::coroutine_handle::operator()";
  });
  return Found;
}

} // namespace clang::tidy::async::model

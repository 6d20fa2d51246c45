//===--- CallerLambdas.cpp - async-lint -----------------------------------===//

#include "CallerLambdas.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

bool isInstantiatedCode(const FunctionDecl &Function) {
  for (const DeclContext *DC = &Function; DC; DC = DC->getParent()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DC)) {
      if (FD->isTemplateInstantiation())
        return true;
    } else if (const auto *Spec =
                   dyn_cast<ClassTemplateSpecializationDecl>(DC)) {
      if (Spec->getSpecializationKind() != TSK_ExplicitSpecialization)
        return true;
    }
  }
  return false;
}

namespace {

/// The closure type of the lambda object \p Call calls, if it is one.
const CXXRecordDecl *calledLambda(const CallExpr &Call) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!Method || !Method->getParent()->isLambda())
    return nullptr;
  return Method->getParent();
}

/// The call in \p S that begins, or has its expression location, at \p Loc.
const CallExpr *callAt(const Stmt *S, SourceLocation Loc) {
  if (!S)
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (Call->getBeginLoc() == Loc || Call->getExprLoc() == Loc)
      if (calledLambda(*Call))
        return Call;
  // A lambda's body is its own function's; it is judged on its own.
  if (isa<LambdaExpr>(S))
    return nullptr;
  for (const Stmt *Child : S->children())
    if (const CallExpr *Found = callAt(Child, Loc))
      return Found;
  return nullptr;
}

} // namespace

const CXXRecordDecl *callerLambdaCalledAt(const FunctionDecl &Function,
                                          SourceLocation Loc,
                                          const SourceManager &SM) {
  if (Loc.isInvalid() || !isInstantiatedCode(Function))
    return nullptr;
  const Stmt *Body = Function.getBody();
  if (!Body || !SM.isPointWithin(SM.getExpansionLoc(Loc),
                                 SM.getExpansionLoc(Body->getBeginLoc()),
                                 SM.getExpansionLoc(Body->getEndLoc())))
    return nullptr;
  const CallExpr *Call = callAt(Body, Loc);
  if (!Call)
    return nullptr;
  const CXXRecordDecl *Lambda = calledLambda(*Call);
  SourceLocation Written = SM.getExpansionLoc(Lambda->getLocation());
  if (Written.isInvalid() ||
      SM.getFileID(Written) == SM.getFileID(SM.getExpansionLoc(Loc)))
    return nullptr;
  return Lambda;
}

} // namespace clang::tidy::async::model

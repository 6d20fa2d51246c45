//===--- CaptureUses.cpp - async-lint -------------------------------------===//

#include "CaptureUses.h"
#include "CoroutineModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

const CXXMethodDecl *capturingCoroutine(const CXXRecordDecl *Closure) {
  if (!Closure || !Closure->isLambda() || Closure->capture_size() == 0)
    return nullptr;
  const CXXMethodDecl *Op = Closure->getLambdaCallOperator();
  if (!Op)
    return nullptr;
  if (const FunctionDecl *Def = Op->getDefinition())
    Op = cast<CXXMethodDecl>(Def);
  return getCoroutineBody(*Op) ? Op : nullptr;
}

bool copiesClosure(const CXXMethodDecl &Op) {
  return Op.isExplicitObjectMemberFunction() &&
         !Op.getParamDecl(0)->getType()->isReferenceType();
}

const Stmt *CaptureUses::firstCaptureUse(const CXXMethodDecl &Op,
                                         const Decl *Var, bool FromStart,
                                         const LibraryAnalyses &A) {
  auto &Cache = FirstUses[FromStart];
  auto [It, New] = Cache.try_emplace({&Op, Var}, nullptr);
  if (!New)
    return It->second;
  // Var is a captured variable, the closure type for captured 'this', or
  // null for any capture.
  bool ThisOnly = Var == Op.getParent();
  auto IsUse = [&](const Stmt &S) {
    if (isa<CXXThisExpr>(S))
      return !Var || ThisOnly;
    if (ThisOnly)
      return false;
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    if (!Ref)
      return false;
    if (Var)
      return Ref->getDecl() == Var;
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    return Ref->refersToEnclosingVariableOrCapture() ||
           (VD && VD->isInitCapture());
  };
  const Stmt *Use = FromStart
                        ? firstOwnStmt(getUserBody(Op), IsUse,
                                       Op.getASTContext().getSourceManager())
                        : A.suspensions(Op).firstUseAfterSuspension(IsUse);
  Cache[{&Op, Var}] = Use;
  return Use;
}

const Stmt *CaptureUses::lateParameterUse(const FunctionDecl &Coro,
                                          const ParmVarDecl *Param,
                                          const LibraryAnalyses &A) {
  auto [It, New] = ParamLateUses.try_emplace(Param, nullptr);
  if (!New)
    return It->second;
  const Stmt *Use =
      A.suspensions(Coro).firstUseAfterSuspension([&](const Stmt &S) {
        const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        return Ref && Ref->getDecl() == Param;
      });
  ParamLateUses[Param] = Use;
  return Use;
}

void CaptureUses::clear() {
  FirstUses[0].clear();
  FirstUses[1].clear();
  ParamLateUses.clear();
}

} // namespace clang::tidy::async::model

//===--- Mentions.cpp - async-lint ----------------------------------------===//

#include "Mentions.h"
#include "CoroutineModel.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

bool namesInOwnStmts(const Stmt *S, const ValueDecl &D) {
  bool Found = false;
  forEachOwnStmt(S, [&](const Stmt &Sub) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&Sub);
    Found = Found || (Ref && Ref->getDecl() == &D);
  });
  return Found;
}

void forEachWithin(const Stmt *S, bool CaptureInits,
                   llvm::function_ref<void(const Stmt &)> Fn) {
  if (!S)
    return;
  Fn(*S);
  if (const auto *L = dyn_cast<LambdaExpr>(S); L && !CaptureInits)
    return forEachWithin(L->getBody(), CaptureInits, Fn);
  for (const Stmt *Child : S->children())
    forEachWithin(Child, CaptureInits, Fn);
}

bool namesWithin(const Stmt *S, const ValueDecl &D) {
  bool Found = false;
  forEachWithin(S, true, [&](const Stmt &Sub) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&Sub);
    Found = Found || (Ref && Ref->getDecl() == &D);
  });
  return Found;
}

} // namespace clang::tidy::async::model

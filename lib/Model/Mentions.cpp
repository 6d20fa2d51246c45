//===--- Mentions.cpp - async-lint ----------------------------------------===//

#include "Mentions.h"
#include "CoroutineModel.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

bool namesInOwnStmts(const Stmt *S, const ValueDecl &D) {
  bool Found = false;
  forEachOwnStmt(S, [&](const Stmt &Sub) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&Sub);
    Found = Found || (Ref && Ref->getDecl() == &D);
  });
  return Found;
}

} // namespace clang::tidy::async::model

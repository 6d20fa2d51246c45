//===--- StatementChildren.cpp - async-lint -------------------------------===//

#include "StatementChildren.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

bool isStatementChild(const Stmt &Parent, const Stmt &Child) {
  if (const auto *If = dyn_cast<IfStmt>(&Parent))
    return &Child == If->getThen() || &Child == If->getElse();
  if (const auto *For = dyn_cast<ForStmt>(&Parent))
    return &Child == For->getBody() || &Child == For->getInc() ||
           &Child == For->getInit();
  if (const auto *While = dyn_cast<WhileStmt>(&Parent))
    return &Child == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Parent))
    return &Child == Do->getBody();
  if (const auto *Switch = dyn_cast<SwitchStmt>(&Parent))
    return &Child == Switch->getBody() || &Child == Switch->getInit();
  return true;
}

} // namespace clang::tidy::async::model

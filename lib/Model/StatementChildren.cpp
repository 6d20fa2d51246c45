//===--- StatementChildren.cpp - async-lint -------------------------------===//

#include "StatementChildren.h"

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

std::optional<ConditionParts> conditionParts(const Stmt &S) {
  if (const auto *If = dyn_cast<IfStmt>(&S))
    return ConditionParts{If->getInit(), If->getConditionVariableDeclStmt(),
                          If->getCond(), If->getThen(), If->getElse()};
  if (const auto *Switch = dyn_cast<SwitchStmt>(&S))
    return ConditionParts{Switch->getInit(),
                          Switch->getConditionVariableDeclStmt(),
                          Switch->getCond(), Switch->getBody(), nullptr};
  if (const auto *For = dyn_cast<ForStmt>(&S))
    return ConditionParts{For->getInit(), For->getConditionVariableDeclStmt(),
                          For->getCond(), For->getBody(), For->getInc()};
  if (const auto *While = dyn_cast<WhileStmt>(&S))
    return ConditionParts{nullptr, While->getConditionVariableDeclStmt(),
                          While->getCond(), While->getBody(), nullptr};
  if (const auto *Do = dyn_cast<DoStmt>(&S))
    return ConditionParts{nullptr, nullptr, Do->getCond(), Do->getBody(),
                          nullptr};
  if (const auto *Choice = dyn_cast<AbstractConditionalOperator>(&S))
    return ConditionParts{nullptr, nullptr, Choice->getCond(),
                          Choice->getTrueExpr(), Choice->getFalseExpr()};
  return std::nullopt;
}

const Expr *conditionOf(const Stmt &S) {
  std::optional<ConditionParts> Parts = conditionParts(S);
  return Parts ? Parts->Cond : nullptr;
}

} // namespace clang::tidy::async::model

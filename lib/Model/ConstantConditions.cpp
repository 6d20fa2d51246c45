//===--- ConstantConditions.cpp - async-lint ------------------------------===//

#include "ConstantConditions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

bool alwaysTrueCondition(const Expr *Cond, const NameMatcher &AlwaysTrue) {
  if (!Cond)
    return false;
  // A function whose body is not in the unit and that its library
  // documents to return true (GoogleTest's testing::internal::AlwaysTrue,
  // which hides a branch from compiler warnings): library data.
  if (const auto *Plain = dyn_cast<CallExpr>(Cond->IgnoreParenImpCasts()))
    if (const FunctionDecl *Callee = Plain->getDirectCallee();
        Callee && !AlwaysTrue.empty() &&
        AlwaysTrue.matches(canonicalName(*Callee)))
      return true;
  // `if (T x{})`, `if (T{})`: a contextual conversion calls T's operator
  // bool on the object.
  const auto *Call = dyn_cast<CXXMemberCallExpr>(Cond->IgnoreParenImpCasts());
  const auto *Conversion =
      Call ? dyn_cast_or_null<CXXConversionDecl>(Call->getMethodDecl())
           : nullptr;
  if (!Conversion || !Conversion->getConversionType()->isBooleanType())
    return false;
  const FunctionDecl *Def = nullptr;
  if (!Conversion->hasBody(Def))
    return false;
  // The operator's whole body is `return true;`: whatever the object's
  // state, the condition holds.
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return false;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  const auto *Literal =
      Value ? dyn_cast<CXXBoolLiteralExpr>(Value->IgnoreParenImpCasts())
            : nullptr;
  return Literal && Literal->getValue();
}

namespace {

/// True when \p E is the literal false (also through casts and parens).
bool falseLiteral(const Expr *E) {
  const auto *Literal =
      E ? dyn_cast<CXXBoolLiteralExpr>(E->IgnoreParenImpCasts()) : nullptr;
  return Literal && !Literal->getValue();
}

} // namespace

bool alwaysFalseCondition(const Expr *Cond, const NameMatcher &AlwaysFalse,
                          const ASTContext &Ctx) {
  if (!Cond)
    return false;
  bool Value = true;
  if (!Cond->isValueDependent() && Cond->EvaluateAsBooleanCondition(Value, Ctx))
    return !Value;
  const auto *Call = dyn_cast<CallExpr>(Cond->IgnoreParenImpCasts());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || isa<CXXMethodDecl>(Callee))
    return false;
  // Listed: documented to return false (its body may be in no unit).
  if (!AlwaysFalse.empty() && AlwaysFalse.matches(canonicalName(*Callee)))
    return true;
  // A visible body that is only `return false;`, whatever it is given.
  const FunctionDecl *Def = nullptr;
  const auto *Body =
      Callee->hasBody(Def) ? dyn_cast<CompoundStmt>(Def->getBody()) : nullptr;
  const auto *Return = Body && Body->size() == 1
                           ? dyn_cast<ReturnStmt>(Body->body_front())
                           : nullptr;
  return Return && falseLiteral(Return->getRetValue());
}

bool neverRepeats(const Stmt &Loop, const NameMatcher &AlwaysFalse,
                  const ASTContext &Ctx) {
  const Expr *Cond = nullptr;
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    Cond = Do->getCond();
  else if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    Cond = While->getConditionVariable() ? nullptr : While->getCond();
  else if (const auto *For = dyn_cast<ForStmt>(&Loop))
    Cond = For->getConditionVariable() ? nullptr : For->getCond();
  return alwaysFalseCondition(Cond, AlwaysFalse, Ctx);
}

} // namespace clang::tidy::async::model

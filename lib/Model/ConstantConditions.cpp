//===--- ConstantConditions.cpp - async-lint ------------------------------===//

#include "ConstantConditions.h"
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

} // namespace clang::tidy::async::model

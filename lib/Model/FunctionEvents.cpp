//===--- FunctionEvents.cpp - async-lint ----------------------------------===//

#include "FunctionEvents.h"
#include "CoroutineModel.h"

namespace clang::tidy::async::model {

FunctionEvents::FunctionEvents(const OwnStmts &Own) {
  // The walk every check's forEachStmt made (from the body, duplicates
  // and all), so that a list holds what that walk filtered would.
  Own.forEach(Own.body(), [&](const Stmt &S) {
    ++Statements;
    switch (S.getStmtClass()) {
    case Stmt::ForStmtClass:
    case Stmt::WhileStmtClass:
    case Stmt::DoStmtClass:
    case Stmt::CXXForRangeStmtClass:
      Loops.push_back(&S);
      return;
    case Stmt::CoawaitExprClass:
    case Stmt::CoyieldExprClass:
      Suspensions.push_back(cast<CoroutineSuspendExpr>(&S));
      return;
    case Stmt::LambdaExprClass:
      Lambdas.push_back(cast<LambdaExpr>(&S));
      return;
    case Stmt::DeclStmtClass:
      for (const Decl *D : cast<DeclStmt>(S).decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          Locals.emplace_back(Var, cast<DeclStmt>(&S));
      return;
    default:
      if (isa<CallExpr, CXXConstructExpr>(S))
        Calls.push_back(cast<Expr>(&S));
      return;
    }
  });
}

} // namespace clang::tidy::async::model

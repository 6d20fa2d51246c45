//===--- DanglingReferenceAwaits.cpp - async-lint -------------------------===//
//
// async-dangling-reference, awaited references: a reference bound to the
// result of 'co_await' on a temporary whose awaiter hands out a reference into
// itself.
//
//===----------------------------------------------------------------------===//

#include "../Model/AwaitResult.h"
#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "DanglingReferenceCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

namespace {

/// The co_await that initialises \p Init, looking through implicit nodes.
const CoawaitExpr *awaitOf(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit();
  return dyn_cast<CoawaitExpr>(Init->IgnoreParenImpCasts());
}

} // namespace

void DanglingReferenceCheck::checkAwaitedReferences(CheckedFunction &F) {
  const Stmt *Body = &F.Body;
  ASTContext &Ctx = F.Ctx;
  auto Dangles = [](const CoawaitExpr *Await) {
    return Await && model::awaitsTemporary(*Await) &&
           model::awaitResultRef(*Await) == model::AwaitResultRef::IntoAwaited;
  };
  model::forEachOwnStmt(&F.own(), Body, [&](const Stmt &S) {
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
      const CoawaitExpr *Await = awaitOf(Range->getRangeInit());
      if (!model::rangeForInitTemporariesLiveThroughLoop(Ctx.getLangOpts()) &&
          Dangles(Await))
        diag(Await->getBeginLoc(),
             "the range of this loop is a reference into the result of "
             "'co_await' on a temporary, which is destroyed before the loop "
             "starts");
      return;
    }
    const auto *DS = dyn_cast<DeclStmt>(&S);
    if (!DS)
      return;
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->getType()->isReferenceType())
        continue;
      const CoawaitExpr *Await = awaitOf(VD->getInit());
      if (!Dangles(Await))
        continue;
      const DeclRefExpr *FirstUse = nullptr;
      model::forEachOwnStmt(&F.own(), Body, [&](const Stmt &Inner) {
        if (const auto *Ref = dyn_cast<DeclRefExpr>(&Inner);
            Ref && Ref->getDecl() == VD && !FirstUse)
          FirstUse = Ref;
      });
      if (!FirstUse)
        continue;
      diag(VD->getLocation(), "reference %0 is bound to the result of "
                              "'co_await' on a temporary, which is destroyed "
                              "at the end of the full expression")
          << VD;
      const auto *Resume = cast<CXXMemberCallExpr>(Await->getResumeExpr());
      diag(Resume->getMethodDecl()->getLocation(),
           "%0 returns a reference into the awaited object",
           DiagnosticIDs::Note)
          << Resume->getMethodDecl();
      diag(FirstUse->getLocation(),
           "%0 is used here, after the temporary is "
           "destroyed",
           DiagnosticIDs::Note)
          << VD;
    }
  });
}

} // namespace clang::tidy::async

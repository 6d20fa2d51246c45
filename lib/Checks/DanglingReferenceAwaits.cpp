//===--- DanglingReferenceAwaits.cpp - async-lint -------------------------===//
//
// async-dangling-reference, awaited references: a reference, a structured
// binding, a view or a range-for loop that holds into the result of
// 'co_await' on a temporary whose awaiter hands out a reference into itself
// (model/AwaitedTemporaries).
//
//===----------------------------------------------------------------------===//

#include "../Model/AwaitResult.h"
#include "../Model/AwaitedTemporaries.h"
#include "../Model/CoroutineModel.h"
#include "DanglingReferenceCheck.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral LoopRangeDies =
    "the range of this loop is a reference into the result of 'co_await' on "
    "a temporary, which is destroyed before the loop starts";

} // namespace

void DanglingReferenceCheck::checkAwaitedReferences(CheckedFunction &F) {
  for (const model::AwaitedTemporaryHold &Hold :
       model::awaitedTemporaryHolds(F.Body, F.Ctx.getLangOpts(), &F.own())) {
    if (!Hold.Var) {
      diag(Hold.Await->getBeginLoc(), LoopRangeDies);
      continue;
    }
    diag(Hold.Var->getLocation(), "reference %0 is bound to the result of "
                                  "'co_await' on a temporary, which is "
                                  "destroyed at the end of the full "
                                  "expression")
        << Hold.Var;
    const CXXMethodDecl *Resume = model::awaitResumeOf(*Hold.Await);
    diag(Resume->getLocation(),
         "%0 returns a reference into the awaited object", DiagnosticIDs::Note)
        << Resume;
    diag(Hold.FirstUse->getLocation(),
         "%0 is used here, after the temporary is destroyed",
         DiagnosticIDs::Note)
        << Hold.Var;
  }
}

void DanglingReferenceCheck::checkAwaitResultParts(CheckedFunction &F) {
  auto Report = [&](const VarDecl &VD) {
    std::optional<model::AwaitedPartHold> Hold =
        model::awaitedPartHold(VD, F.Body, ViewTypes, OpaqueAwaitResults);
    if (!Hold || !reportOnce(VD.getLocation()))
      return;
    diag(VD.getLocation(),
         "%select{reference %1 is bound to|reference %1 is bound to a member "
         "of|this structured binding refers to|view %1 refers into}0 the "
         "result of 'co_await' on a temporary, destroyed at the end of the "
         "full expression")
        << static_cast<int>(Hold->How) << &VD;
    const CXXMethodDecl *Resume = model::awaitResumeOf(*Hold->Await);
    bool Opaque =
        model::awaitResultRef(*Hold->Await) == model::AwaitResultRef::Unknown;
    diag(Resume->getLocation(),
         Opaque ? "%0 returns a reference, and its body is not visible "
                  "(OpaqueAwaitResults reads it as one into the awaited "
                  "object)"
                : "%0 returns a reference into the awaited object",
         DiagnosticIDs::Note)
        << Resume;
    diag(Hold->Use->getBeginLoc(),
         "it is used here, after the temporary is destroyed",
         DiagnosticIDs::Note);
  };
  F.forEachStmt([&](const Stmt &S) {
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
      if (const CoawaitExpr *Await = model::rangeIntoAwaitedPart(
              *Range, F.Ctx.getLangOpts(), OpaqueAwaitResults))
        diag(Await->getBeginLoc(), LoopRangeDies);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          Report(*VD);
  });
}

} // namespace clang::tidy::async

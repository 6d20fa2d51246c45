//===--- JoiningDestructors.cpp - async-lint ------------------------------===//

#include "JoiningDestructors.h"
#include "BlockingReports.h"
#include "JoiningTasks.h"
#include "SummaryPlaces.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

void DestructorJoins::summarise(const FunctionDecl &FD,
                                const NameMatcher &Waits, ASTContext &Ctx) {
  // Every function, so that every unit gets its file (empty when it
  // defines no joining destructor).
  const auto *Dtor = dyn_cast<CXXDestructorDecl>(&FD);
  if (!Writer.judging(Ctx) || !Dtor ||
      !isSummarised(FD, Ctx.getSourceManager()))
    return;
  const CXXRecordDecl *Class = Dtor->getParent();
  const CallExpr *Wait = destructorWait(Ctx.getCanonicalTagType(Class), Waits);
  if (!Wait)
    return;
  Summary E;
  E.What = "'" + Class->getQualifiedNameAsString() + "'";
  SummaryStep Step;
  Step.Caller = quotedFunctionName(FD);
  const FunctionDecl *Callee = staticCallee(*Wait);
  Step.Callee = Callee ? quotedFunctionName(*Callee) : "a wait";
  SourceManager &SM = Ctx.getSourceManager();
  if (!placeStep(SM.getExpansionLoc(Wait->getBeginLoc()), SM, Step))
    return;
  E.Steps.push_back(std::move(Step));
  E.Key = Writer.keyOf(FD, Ctx);
  Writer.add(std::move(E));
}

bool DestructorJoins::joins(QualType Task, ASTContext &Ctx) {
  const CXXRecordDecl *RD =
      Task.isNull() || !active() ? nullptr : Task->getAsCXXRecordDecl();
  RD = RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
  const CXXDestructorDecl *Dtor = RD ? RD->getDestructor() : nullptr;
  return Dtor && lookup(*Dtor, Ctx);
}

} // namespace clang::tidy::async::model

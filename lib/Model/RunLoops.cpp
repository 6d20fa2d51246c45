//===--- RunLoops.cpp - async-lint ----------------------------------------===//

#include "RunLoops.h"
#include "CoroutineModel.h"
#include "HandedOverTasks.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p S resumes a coroutine handle, or calls a member function
/// whose body does.
bool resumes(const Stmt &S) {
  const auto *Call = dyn_cast<CallExpr>(&S);
  return Call && (resumesHandle(*Call) || resumesCoroutine(*Call));
}

bool within(SourceLocation L, SourceRange R, const SourceManager &SM) {
  return !SM.isBeforeInTranslationUnit(L, R.getBegin()) &&
         !SM.isBeforeInTranslationUnit(R.getEnd(), L);
}

} // namespace

bool RunLoops::isIdleWait(const FunctionDecl &FD, const Stmt &Wait,
                          const SourceManager &SM) {
  auto [It, New] = Loops.try_emplace(&FD);
  if (New) {
    // One walk: the loops, the backward gotos and the resuming calls.
    llvm::SmallVector<SourceRange, 4> Candidates;
    llvm::SmallVector<SourceLocation, 2> Resumes;
    forEachOwnStmt(getUserBody(FD), [&](const Stmt &S) {
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
        Candidates.push_back(S.getSourceRange());
      else if (const auto *Goto = dyn_cast<GotoStmt>(&S);
               Goto && SM.isBeforeInTranslationUnit(
                           Goto->getLabel()->getLocation(), Goto->getGotoLoc()))
        Candidates.push_back(
            {Goto->getLabel()->getLocation(), Goto->getEndLoc()});
      else if (resumes(S))
        Resumes.push_back(S.getBeginLoc());
    });
    llvm::SmallVector<SourceRange, 1> &Found = Loops[&FD];
    for (SourceRange R : Candidates)
      if (llvm::any_of(Resumes,
                       [&](SourceLocation L) { return within(L, R, SM); }))
        Found.push_back(R);
    It = Loops.find(&FD);
  }
  return llvm::any_of(It->second, [&](SourceRange R) {
    return within(Wait.getBeginLoc(), R, SM);
  });
}

} // namespace clang::tidy::async::model

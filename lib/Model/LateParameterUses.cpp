//===--- LateParameterUses.cpp - async-lint -------------------------------===//

#include "LateParameterUses.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

const Stmt *LateParameterUses::firstLateUse(const FunctionDecl &Coro, int Index,
                                            const LibraryAnalyses &A) {
  auto [It, New] = Uses.try_emplace({&Coro, Index}, nullptr);
  if (!New)
    return It->second;
  const ParmVarDecl *Param = Index >= 0 ? Coro.getParamDecl(Index) : nullptr;
  auto IsUse = [&](const Stmt &S) {
    if (!Param)
      return isa<CXXThisExpr>(S);
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    return Ref && Ref->getDecl() == Param;
  };
  const Stmt *Use = nullptr;
  // A lazy coroutine is suspended before its body runs: every use is late.
  if (lazinessOfCoroutine(Coro) == Laziness::Lazy)
    Use = firstOwnStmt(getUserBody(Coro), IsUse,
                       Coro.getASTContext().getSourceManager());
  else if (llvm::ArrayRef<const Stmt *> Late = lateUsesOf(Coro, A);
           static_cast<size_t>(Index + 1) < Late.size())
    Use = Late[Index + 1];
  Uses[{&Coro, Index}] = Use;
  return Use;
}

llvm::ArrayRef<const Stmt *> lateUsesOf(const FunctionDecl &Coro,
                                        const LibraryAnalyses &A) {
  FunctionAnswers &Kept = A.Session.answers(Coro, A.Id);
  if (Kept.LateUses)
    return *Kept.LateUses;
  llvm::SmallVector<const Stmt *, 4> Late(Coro.getNumParams() + 1, nullptr);
  if (!awaitsOnlyReady(Coro, A)) {
    // One walk for all: the statements it reaches past a suspension, in
    // the order it reaches them, the first in source order kept for each
    // (as firstUseAfterSuspension keeps it for one).
    const SourceManager &SM = Coro.getASTContext().getSourceManager();
    llvm::DenseMap<const ParmVarDecl *, unsigned> Index;
    for (unsigned I = 0; I < Coro.getNumParams(); ++I)
      Index[Coro.getParamDecl(I)] = I + 1;
    A.suspensions(Coro).firstUseAfterSuspension([&](const Stmt &S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(&S);
      const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
      unsigned I = isa<CXXThisExpr>(S) ? 0 : Index.lookup(Param);
      if ((I || isa<CXXThisExpr>(S)) &&
          (!Late[I] || SM.isBeforeInTranslationUnit(S.getBeginLoc(),
                                                    Late[I]->getBeginLoc())))
        Late[I] = &S;
      return false;
    });
  }
  // Asking may have added answers about other functions: found again.
  FunctionAnswers &Answers = A.Session.answers(Coro, A.Id);
  Answers.LateUses = std::move(Late);
  return *Answers.LateUses;
}

bool awaitsOnlyReady(const FunctionDecl &Coro, const LibraryAnalyses &A) {
  const FunctionDecl *Def = nullptr;
  const CoroutineBodyStmt *Body =
      Coro.hasBody(Def) && Def ? getCoroutineBody(*Def) : nullptr;
  if (!Body || !Body->getBody())
    return false;
  // Every co_await is on a result the coroutine's own code shows ready
  // there (a status asserted with an assertion helper, a wait), and there
  // is no co_yield: an eager coroutine then never suspends in its body, and
  // runs to its end at the call.
  const PathFacts &Own = A.pathFacts(*Def);
  bool Ready = true, Any = false;
  forEachSuspensionPoint(
      Body->getBody(), [&](const CoroutineSuspendExpr &Point) {
        Any = true;
        const auto *Await = dyn_cast<CoawaitExpr>(&Point);
        Ready = Ready && Await && Own.isReadyAt(Await->getOperand(), Await);
      });
  return Any && Ready;
}

} // namespace clang::tidy::async::model

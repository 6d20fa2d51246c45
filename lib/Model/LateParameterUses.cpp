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

bool awaitsOnlyReadyAtCall(const CXXMethodDecl &Op, const Stmt &Call,
                           const FunctionDecl &Caller,
                           const LibraryAnalyses &A) {
  const FunctionDecl *Def = nullptr;
  const CoroutineBodyStmt *Body =
      Op.hasBody(Def) && Def ? getCoroutineBody(*Def) : nullptr;
  if (!Body || !Body->getBody())
    return false;
  // The awaited captures, and how many awaits name each.
  llvm::DenseMap<const VarDecl *, unsigned> Awaited;
  llvm::SmallVector<const Expr *, 4> Operands;
  bool Ready = true;
  forEachSuspensionPoint(
      Body->getBody(), [&](const CoroutineSuspendExpr &Point) {
        const auto *Await = dyn_cast<CoawaitExpr>(&Point);
        const auto *Ref = Await
                              ? dyn_cast<DeclRefExpr>(
                                    Await->getOperand()->IgnoreParenImpCasts())
                              : nullptr;
        const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
        Ready = Ready && Var && Ref->refersToEnclosingVariableOrCapture() &&
                Var->hasLocalStorage() && !Var->getType()->isReferenceType() &&
                isa<FunctionDecl>(Var->getDeclContext()) &&
                cast<FunctionDecl>(Var->getDeclContext())->getCanonicalDecl() ==
                    Caller.getCanonicalDecl();
        if (Ready) {
          ++Awaited[Var];
          Operands.push_back(Ref);
        }
      });
  if (!Ready || Operands.empty())
    return false;
  // Nothing else in the body names them (nothing there can reset them).
  llvm::DenseMap<const VarDecl *, unsigned> Named;
  forEachOwnStmt(Body->getBody(), [&](const Stmt &S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (Var && Awaited.count(Var))
      ++Named[Var];
  });
  const PathFacts &Facts = A.pathFacts(Caller);
  return llvm::all_of(Awaited,
                      [&](const auto &Entry) {
                        return Named.lookup(Entry.first) == Entry.second;
                      }) &&
         llvm::all_of(Operands, [&](const Expr *Operand) {
           return Facts.isReadyAt(Operand, &Call);
         });
}

} // namespace clang::tidy::async::model

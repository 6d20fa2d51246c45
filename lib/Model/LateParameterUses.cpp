//===--- LateParameterUses.cpp - async-lint -------------------------------===//

#include "LateParameterUses.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "clang/AST/ASTContext.h"

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
  else if (!awaitsOnlyReady(Coro, A))
    Use = A.suspensions(Coro).firstUseAfterSuspension(IsUse);
  Uses[{&Coro, Index}] = Use;
  return Use;
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

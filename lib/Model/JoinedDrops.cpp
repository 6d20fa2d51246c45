//===--- JoinedDrops.cpp - async-lint -------------------------------------===//

#include "JoinedDrops.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "ThrowPlaces.h"
#include "WaitedOut.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

bool joinedBySignal(const FunctionDecl &FD, const Expr &Call,
                    const Library &Lib, ASTContext &Ctx) {
  const FunctionDecl *Coro = calledDefinition(Call);
  const Stmt *Body = FD.getBody();
  if (!Coro || !Body || !isCoroutine(*Coro) ||
      lazinessOfCoroutine(*Coro) != Laziness::Eager)
    return false;
  bool Value = false;
  forEachOwnStmt(Coro->getBody(), [&](const Stmt &S) {
    const auto *Return = dyn_cast<CoreturnStmt>(&S);
    const Expr *Operand = Return ? Return->getOperand() : nullptr;
    Value = Value || (Operand && !Operand->getType()->isVoidType());
  });
  ThrowPolicy Policy;
  Policy.NonSuspending = &Lib.NonSuspendingAwaitables;
  return !Value && !firstCoroutineThrow(Coro, Policy, Ctx) &&
         joinsBySignal(*Body, Call, *Coro, Lib.WaitMembers, Lib.SignalMembers,
                       Ctx.getSourceManager())
             .Wait;
}

} // namespace clang::tidy::async::model

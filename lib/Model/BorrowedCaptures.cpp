//===--- BorrowedCaptures.cpp - async-lint --------------------------------===//

#include "BorrowedCaptures.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "ClosureConsumers.h"
#include "CoroutineModel.h"

namespace clang::tidy::async::model {

llvm::SmallVector<BorrowedCapture, 1>
borrowedCaptures(const Stmt &S, const LambdaExpr &Lambda,
                 llvm::function_ref<const TaskFlow &()> Flow, CaptureUses &Uses,
                 const LibraryAnalyses &A) {
  llvm::SmallVector<BorrowedCapture, 1> Found;
  const auto *Call = dyn_cast<CallExpr>(&S);
  const FunctionDecl *Coro = Call ? calledDefinition(*Call) : nullptr;
  if (!Coro || !getCoroutineBody(*Coro) || Coro->isDependentContext() ||
      lazinessOf(Coro->getReturnType()) != Laziness::Eager)
    return Found;
  // The task must be left running: dropped, or handed back to the API.
  TaskFate F = Flow().fateOf(Call);
  if (F.What != TaskFate::Kind::Dropped && !F.ViaReturn)
    return Found;
  unsigned Offset = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
  for (unsigned I = 0;
       I < Coro->getNumParams() && I + Offset < Call->getNumArgs(); ++I) {
    const ParmVarDecl *Param = Coro->getParamDecl(I);
    const Expr *Arg = Call->getArg(I + Offset);
    const VarDecl *Capture = copiedCapture(Lambda, Arg);
    if (!Capture || !Param->getType()->isReferenceType())
      continue;
    if (const Stmt *Use = Uses.lateParameterUse(*Coro, Param, A))
      Found.push_back({Arg, Param, Coro, Capture, Use});
  }
  return Found;
}

} // namespace clang::tidy::async::model

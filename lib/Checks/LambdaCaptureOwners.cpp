//===--- LambdaCaptureOwners.cpp - async-lint -----------------------------===//
//
// async-lambda-capture-lifetime, detached owners: a coroutine lambda that
// captures 'this' and runs detached while nothing ties the object's life to
// the task.
//
//===----------------------------------------------------------------------===//

#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Owners.h"
#include "LambdaCaptureLifetimeCheck.h"
#include "LifetimeNotes.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

void LambdaCaptureLifetimeCheck::checkDetachingCalls(CheckedFunction &F) {
  model::LibraryAnalyses A = analyses();
  model::forEachDetachingCall(
      F.Body, [&]() -> const model::TaskFlow & { return F.flow(); },
      Lib.SyncWaitFunctions, Lib.JoinMembers, F.Ctx.getSourceManager(),
      [&](const CXXMethodDecl &M) {
        return Detached.detachedThis(M, A) != nullptr;
      },
      [&](const model::DetachingCall &D) {
        if (!reportOnce(D.Call.getBeginLoc()))
          return;
        const CXXMethodDecl *M = &D.Method;
        const CXXMemberCallExpr *Call = &D.Call;
        const model::DetachedThis *Self = Detached.detachedThis(D.Method, A);
        const VarDecl *Owner = D.Death.Owner.Var;
        if (Owner)
          diag(Call->getBeginLoc(),
               "%0 starts a coroutine lambda capturing "
               "'this' detached, on an object owned by local "
               "%1, which is destroyed while the task may "
               "still run")
              << model::describeFunction(*M) << Owner;
        else
          diag(Call->getBeginLoc(),
               "%0 starts a coroutine lambda capturing "
               "'this' detached, on a temporary object that "
               "is destroyed before the task is done with it")
              << model::describeFunction(*M);
        addLifetimeNotes(*this, F.Ctx.getSourceManager(), Self->Fate,
                         {"the object", Owner, D.Death.Dies}, Self->Use,
                         "captured 'this'", Self->FromStart);
      },
      &F.own());
}

} // namespace clang::tidy::async

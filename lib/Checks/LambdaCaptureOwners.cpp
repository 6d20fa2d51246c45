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

namespace {

/// True when a capture of \p Closure keeps an object alive: a shared_ptr or
/// weak_ptr, a call of \p OwnerFunctions, or a hold on an executor or scope
/// the object owns ([h = gate_.hold()]).
bool capturesOwner(const CXXRecordDecl &Closure,
                   const model::NameMatcher &OwnerFunctions) {
  for (const LambdaCapture &Capture : Closure.captures()) {
    const auto *Var = Capture.capturesVariable()
                          ? dyn_cast_or_null<VarDecl>(Capture.getCapturedVar())
                          : nullptr;
    if (!Var)
      continue;
    if (model::isSharedOrWeakPtrType(Var->getType()))
      return true;
    const Expr *Init = Var->isInitCapture() ? Var->getInit() : nullptr;
    if (Init && (model::holdsReference(*Init, OwnerFunctions) ||
                 model::ownedMemberIn(*Init)))
      return true;
  }
  return false;
}

} // namespace

const Stmt *LambdaCaptureLifetimeCheck::unownedThisUse(
    const CXXMethodDecl &Op, const model::TaskFate &F, bool FromStart,
    const CheckedFunction &Encl) {
  model::Laziness L =
      FromStart ? model::Laziness::Lazy : model::lazinessOf(Op.getReturnType());
  if (!F.runsDetached(L) || capturesOwner(*Op.getParent(), OwnerFunctions) ||
      model::firstOwnerCall(model::getUserBody(Op), OwnerFunctions) ||
      model::spawnKeepsObject(Encl.Body, F.Where, Lib.SpawnFunctions,
                              OwnerFunctions))
    return nullptr;
  return dyn_cast_or_null<CXXThisExpr>(
      firstCaptureUse(Op, Op.getParent(), FromStart, Encl.Ctx));
}

const LambdaCaptureLifetimeCheck::DetachedThis *
LambdaCaptureLifetimeCheck::detachedThis(const CXXMethodDecl &M,
                                         ASTContext &Ctx) {
  auto [It, New] = DetachedThises.try_emplace(&M, std::nullopt);
  if (!New)
    return It->second ? &*It->second : nullptr;
  const Stmt *Body = M.getBody();
  if (!Body || model::getCoroutineBody(M))
    return nullptr;
  CheckedFunction Starter(M, *Body, Ctx, Lib, Facts);
  std::optional<DetachedThis> Found;
  auto Consider = [&](const CXXMethodDecl *Op, const Expr &Origin,
                      bool FromStart) {
    if (Found || !Op ||
        llvm::none_of(Op->getParent()->captures(),
                      [](const LambdaCapture &C) { return C.capturesThis(); }))
      return;
    model::TaskFate F = Starter.flow().fateOf(&Origin);
    if (const Stmt *Use = unownedThisUse(*Op, F, FromStart, Starter))
      Found = DetachedThis{F, Use, FromStart};
  };
  Starter.forEachStmt([&](const Stmt &S) {
    // A lambda handed over as a function object, or called at once.
    if (const auto *Lambda = dyn_cast<LambdaExpr>(&S))
      return Consider(capturingCoroutine(Lambda->getLambdaClass()), *Lambda,
                      /*FromStart=*/true);
    const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S);
    const auto *Op =
        Call ? dyn_cast_or_null<CXXMethodDecl>(model::calledDefinition(*Call))
             : nullptr;
    if (Op && capturingCoroutine(Op->getParent()))
      Consider(Op, *Call, /*FromStart=*/false);
  });
  DetachedThises[&M] = Found;
  auto Cached = DetachedThises.find(&M);
  return Cached->second ? &*Cached->second : nullptr;
}

void LambdaCaptureLifetimeCheck::checkDetachingCalls(CheckedFunction &F) {
  model::forEachDetachingCall(
      F.Body, F.flow(), Lib.SyncWaitFunctions, Lib.JoinMembers,
      F.Ctx.getSourceManager(),
      [&](const CXXMethodDecl &M) { return detachedThis(M, F.Ctx) != nullptr; },
      [&](const model::DetachingCall &D) {
        if (!reportOnce(D.Call.getBeginLoc()))
          return;
        const CXXMethodDecl *M = &D.Method;
        const CXXMemberCallExpr *Call = &D.Call;
        const DetachedThis *Self = detachedThis(D.Method, F.Ctx);
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

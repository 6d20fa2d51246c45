//===--- DetachedLambdas.cpp - async-lint ---------------------------------===//

#include "DetachedLambdas.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Owners.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// True when a capture of \p Closure keeps an object alive: a shared_ptr or
/// weak_ptr, a call of \p OwnerFunctions, or a hold on an executor or scope
/// the object owns ([h = gate_.hold()]).
bool capturesOwner(const CXXRecordDecl &Closure,
                   const NameMatcher &OwnerFunctions) {
  for (const LambdaCapture &Capture : Closure.captures()) {
    const auto *Var = Capture.capturesVariable()
                          ? dyn_cast_or_null<VarDecl>(Capture.getCapturedVar())
                          : nullptr;
    if (!Var)
      continue;
    if (isSharedOrWeakPtrType(Var->getType()))
      return true;
    const Expr *Init = Var->isInitCapture() ? Var->getInit() : nullptr;
    if (Init && (holdsReference(*Init, OwnerFunctions) || ownedMemberIn(*Init)))
      return true;
  }
  return false;
}

} // namespace

const CXXThisExpr *DetachedLambdas::unownedThisUse(const CXXMethodDecl &Op,
                                                   const TaskFate &F,
                                                   bool FromStart,
                                                   const Stmt &EnclBody,
                                                   const LibraryAnalyses &A) {
  Laziness L = FromStart ? Laziness::Lazy : lazinessOf(Op.getReturnType());
  if (!F.runsDetached(L) || capturesOwner(*Op.getParent(), OwnerFunctions) ||
      firstOwnerCall(getUserBody(Op), OwnerFunctions) ||
      spawnKeepsObject(EnclBody, F.Where, A.Lib.SpawnFunctions, OwnerFunctions))
    return nullptr;
  return dyn_cast_or_null<CXXThisExpr>(
      Uses.firstCaptureUse(Op, Op.getParent(), FromStart, A));
}

const DetachedThis *DetachedLambdas::detachedThis(const CXXMethodDecl &M,
                                                  const LibraryAnalyses &A) {
  auto [It, New] = Found.try_emplace(&M, std::nullopt);
  if (!New)
    return It->second ? &*It->second : nullptr;
  const Stmt *Body = M.getBody();
  if (!Body || getCoroutineBody(M))
    return nullptr;
  std::optional<DetachedThis> Result;
  auto Consider = [&](const CXXMethodDecl *Op, const Expr &Origin,
                      bool FromStart) {
    if (Result || !Op ||
        llvm::none_of(Op->getParent()->captures(),
                      [](const LambdaCapture &C) { return C.capturesThis(); }))
      return;
    TaskFate F = A.flow(M).fateOf(&Origin);
    if (const Stmt *Use = unownedThisUse(*Op, F, FromStart, *Body, A))
      Result = DetachedThis{F, Use, FromStart};
  };
  forEachOwnStmt(Body, [&](const Stmt &S) {
    // A lambda handed over as a function object, or called at once.
    if (const auto *Lambda = dyn_cast<LambdaExpr>(&S))
      return Consider(capturingCoroutine(Lambda->getLambdaClass()), *Lambda,
                      /*FromStart=*/true);
    const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S);
    const auto *Op =
        Call ? dyn_cast_or_null<CXXMethodDecl>(calledDefinition(*Call))
             : nullptr;
    if (Op && capturingCoroutine(Op->getParent()))
      Consider(Op, *Call, /*FromStart=*/false);
  });
  Found[&M] = Result;
  auto Cached = Found.find(&M);
  return Cached->second ? &*Cached->second : nullptr;
}

} // namespace clang::tidy::async::model

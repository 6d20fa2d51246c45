//===--- DanglingReferenceThis.cpp - async-lint ---------------------------===//
//
// async-dangling-reference, '*this' behind a weak reference: a member
// coroutine that holds a weak reference to its own object (a
// weak_from_this() copy, a std::weak_ptr parameter of its class) and
// reaches the object after a suspension point without checking that
// reference since. The weak reference is the code's own statement that the
// object may die while the coroutine is suspended.
//
//===----------------------------------------------------------------------===//

#include "../Model/AnalysisSession.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Owners.h"
#include "../Model/SelfReferences.h"
#include "../Model/SuspensionFlow.h"
#include "../Model/TaskFlow.h"
#include "DanglingReferenceCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

SourceLocation
DanglingReferenceCheck::detachedSpawnOf(const CXXMethodDecl &Coro,
                                        ASTContext &Ctx) {
  auto [It, New] = DetachedSpawns.try_emplace(&Coro, SourceLocation());
  if (!New)
    return It->second;
  // A member function of the class that starts the coroutine on '*this' and
  // leaves its task running detached.
  SourceLocation Found;
  for (const CXXMethodDecl *Method : Coro.getParent()->methods()) {
    const FunctionDecl *Def = Method->getDefinition();
    const Stmt *Body = Def ? model::getUserBody(*Def) : nullptr;
    if (!Body || Found.isValid() || Def->isDependentContext())
      continue;
    CheckedFunction Spawner(*Def, *Body, Ctx, Lib, Facts);
    Spawner.forEachStmt([&](const Stmt &S) {
      const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
      if (Found.isValid() || !Call ||
          model::calledDefinition(*Call) != Coro.getDefinition() ||
          !isa<CXXThisExpr>(
              Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        return;
      model::TaskFate F = Spawner.flow().fateOf(Call);
      if (F.runsDetached(model::lazinessOfCoroutine(Coro)))
        Found = F.Where;
    });
  }
  DetachedSpawns[&Coro] = Found;
  return Found;
}

bool DanglingReferenceCheck::takesOwner(const FunctionDecl &Coro) {
  auto [It, New] = TakesOwner.try_emplace(&Coro, false);
  if (!New)
    return It->second;
  const Stmt *Body = model::getUserBody(Coro);
  if (!Body || !model::firstOwnerCall(Body, OwnerFunctions))
    return false;
  TakesOwner[&Coro] = true;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coro);
  const CFG *Graph = Facts.session().cfg(Coro);
  if (!Method || !Graph)
    return true;
  bool Weak = false, Early = false;
  for (const model::SelfReference &R : model::selfReferences(*Method, *Body))
    Weak = Weak || R.Weak;
  // A reference taken before the coroutine may first suspend holds the
  // object in time.
  const model::SuspensionFlow &Flow = Facts.suspensions(Coro);
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Early || !isa<CallExpr>(S))
      return;
    std::optional<model::CallInfo> Info = model::describeCall(S);
    if (Info && model::anyNameMatches(OwnerFunctions, *Info))
      Early = !Flow.mayRunAfterSuspension(S);
  });
  if (Weak || Early)
    return true;
  // Taken only after a suspension: too late for a use of '*this' that comes
  // after a suspension with no strong reference held.
  const CXXRecordDecl &Class = *Method->getParent();
  auto IsStrong = [&](const VarDecl &Var) {
    return model::isSelfPointerType(Var.getType(), Class, false);
  };
  bool Late =
      model::firstUnguardedUse(
          *Graph, [](const Stmt &S) { return isa<CXXThisExpr>(S); },
          {[](const Stmt &) { return false; }, IsStrong},
          &Lib.NonSuspendingAwaitables, Coro.getASTContext().getSourceManager())
          .Use != nullptr;
  TakesOwner[&Coro] = !Late;
  return !Late;
}

void DanglingReferenceCheck::checkWeakSelf(CheckedFunction &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F.Decl);
  if (!Method || !Method->isInstance() ||
      Method->isExplicitObjectMemberFunction() ||
      model::isLambdaCallOperator(*Method))
    return;
  const CXXRecordDecl &Class = *Method->getParent();
  const VarDecl *Weak = nullptr;
  for (const model::SelfReference &R : model::selfReferences(*Method, F.Body)) {
    // A strong reference handed in is held for the whole run.
    if (!R.Weak && isa<ParmVarDecl>(R.Var))
      return;
    if (R.Weak && !Weak)
      Weak = R.Var;
  }
  if (!Weak)
    return;
  // The evidence that the object may die while the coroutine is suspended:
  // the coroutine checks its weak reference somewhere, or the class spawns
  // it detached.
  bool Checks = false;
  F.forEachStmt([&](const Stmt &S) {
    Checks = Checks || model::checkedWeakReference(S);
  });
  SourceLocation Spawn = detachedSpawnOf(*Method, F.Ctx);
  const CFG *Graph = Facts.session().cfg(F.Decl);
  if ((!Checks && Spawn.isInvalid()) || !Graph)
    return;
  auto IsWeak = [&](const Stmt &S) {
    const VarDecl *Var = model::checkedWeakReference(S);
    return Var && model::isSelfPointerType(Var->getType(), Class, true);
  };
  auto IsStrong = [&](const VarDecl &Var) {
    return model::isSelfPointerType(Var.getType(), Class, false);
  };
  model::LateUse Late = model::firstUnguardedUse(
      *Graph, [](const Stmt &S) { return isa<CXXThisExpr>(S); },
      {IsWeak, IsStrong}, &Lib.NonSuspendingAwaitables,
      F.Ctx.getSourceManager());
  if (!Late.Use || !reportOnce(Late.Use->getBeginLoc()))
    return;
  diag(Late.Use->getBeginLoc(), "%0 reaches '*this' after a suspension point "
                                "without checking its weak reference %1")
      << model::describeFunction(*Method) << Weak;
  diag(Late.Suspension->getBeginLoc(),
       "the coroutine may suspend here, and the object may be destroyed "
       "meanwhile",
       DiagnosticIDs::Note);
  diag(Weak->getLocation(),
       "%0 is taken here; lock it after each suspension and reach the object "
       "through the locked pointer",
       DiagnosticIDs::Note)
      << Weak;
  if (Spawn.isValid())
    diag(Spawn, "the task is spawned detached here", DiagnosticIDs::Note);
}

} // namespace clang::tidy::async

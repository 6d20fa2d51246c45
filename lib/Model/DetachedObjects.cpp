//===--- DetachedObjects.cpp - async-lint ---------------------------------===//

#include "DetachedObjects.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Owners.h"
#include "SelfReferences.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

const Stmt *DetachedObjects::unownedDetachedUse(const CoroutineCall &C,
                                                const TaskFate &F,
                                                const LibraryAnalyses &A) {
  if (!F.runsDetached(C.Lazy))
    return nullptr;
  for (const Expr *Arg : C.Call.arguments())
    if (holdsReference(*Arg, OwnerFunctions) || ownedMemberIn(*Arg))
      return nullptr;
  // The coroutine takes a reference to its object itself
  // ('auto self = shared_from_this();').
  if (takesOwner(C.Coro, A) ||
      spawnKeepsObject(C.CallerBody, F.Where, A.Lib.SpawnFunctions,
                       OwnerFunctions))
    return nullptr;
  return Late.firstLateUse(C.Coro, -1, A);
}

const DetachedSelf *DetachedObjects::detachedSelf(const CXXMethodDecl &M,
                                                  const LibraryAnalyses &A) {
  // Helpers are followed a few calls deep.
  if (HelperDepth > 3)
    return nullptr;
  auto [It, New] = Selves.try_emplace(&M, std::nullopt);
  if (!New)
    return It->second ? &*It->second : nullptr;
  const Stmt *Body = M.getBody();
  if (!Body || getCoroutineBody(M))
    return nullptr;
  std::optional<DetachedSelf> Found;
  ++HelperDepth;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const Expr *Object = Call ? Call->getImplicitObjectArgument() : nullptr;
    if (Found || !Object || !isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
      return;
    const FunctionDecl *Coro = calledDefinition(*Call);
    if (!Coro || Coro->isDependentContext() || isLambdaCallOperator(*Coro))
      return;
    // A helper of the class that spawns in turn ('start' calls 'do_start');
    // one that is being summarised (recursion) says nothing.
    if (!getCoroutineBody(*Coro)) {
      if (const auto *Helper = dyn_cast<CXXMethodDecl>(Coro);
          Helper && Helper->isInstance())
        if (const DetachedSelf *Inner = detachedSelf(*Helper, A))
          Found = *Inner;
      return;
    }
    auto Flow = [&]() -> const TaskFlow & { return A.flow(M); };
    CoroutineCall C{*Call, *Coro, *Body, Flow, lazinessOfCoroutine(*Coro)};
    TaskFate F = C.fate();
    if (const Stmt *Use = unownedDetachedUse(C, F, A))
      Found = DetachedSelf{Coro, F, Use, C.lazy()};
  });
  --HelperDepth;
  Selves[&M] = Found;
  auto Cached = Selves.find(&M);
  return Cached->second ? &*Cached->second : nullptr;
}

void DetachedObjects::judging(const FunctionDecl &FD,
                              llvm::ArrayRef<const Expr *> Calls,
                              const LibraryAnalyses &A) {
  const auto *M = dyn_cast<CXXMethodDecl>(&FD);
  if (!M || !M->isInstance() || FD.isDependentContext() || getCoroutineBody(FD))
    return;
  for (const Expr *E : Calls) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
    const Expr *Object = Call ? Call->getImplicitObjectArgument() : nullptr;
    const FunctionDecl *Callee = Object ? calledDefinition(*Call) : nullptr;
    if (Callee && isa<CXXThisExpr>(Object->IgnoreParenImpCasts()) &&
        getCoroutineBody(*Callee)) {
      (void)detachedSelf(*M, A);
      return;
    }
  }
}

SourceLocation DetachedObjects::detachedSpawnOf(const CXXMethodDecl &Coro,
                                                const LibraryAnalyses &A) {
  auto [It, New] = Spawns.try_emplace(&Coro, SourceLocation());
  if (!New)
    return It->second;
  // A member function of the class that starts the coroutine on '*this' and
  // leaves its task running detached.
  SourceLocation Found;
  for (const CXXMethodDecl *Method : Coro.getParent()->methods()) {
    const FunctionDecl *Def = Method->getDefinition();
    const Stmt *Body = Def ? getUserBody(*Def) : nullptr;
    if (!Body || Found.isValid() || Def->isDependentContext())
      continue;
    forEachOwnStmt(Body, [&](const Stmt &S) {
      const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
      if (Found.isValid() || !Call ||
          calledDefinition(*Call) != Coro.getDefinition() ||
          !isa<CXXThisExpr>(
              Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        return;
      TaskFate F = A.flow(*Def).fateOf(Call);
      if (F.runsDetached(lazinessOfCoroutine(Coro)))
        Found = F.Where;
    });
  }
  Spawns[&Coro] = Found;
  return Found;
}

bool DetachedObjects::takesOwner(const FunctionDecl &Coro,
                                 const LibraryAnalyses &A) {
  auto [It, New] = TakesOwner.try_emplace(&Coro, false);
  if (!New)
    return It->second;
  const Stmt *Body = getUserBody(Coro);
  if (!Body || !firstOwnerCall(Body, OwnerFunctions))
    return false;
  TakesOwner[&Coro] = true;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coro);
  const CFG *Graph = A.Session.cfg(Coro);
  if (!Method || !Graph)
    return true;
  bool Weak = false, Early = false;
  for (const SelfReference &R : selfReferences(*Method, *Body))
    Weak = Weak || R.Weak;
  // A reference taken before the coroutine may first suspend holds the
  // object in time.
  const SuspensionFlow &Flow = A.suspensions(Coro);
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Early || !isa<CallExpr>(S))
      return;
    std::optional<CallInfo> Info = describeCall(S);
    if (Info && anyNameMatches(OwnerFunctions, *Info))
      Early = !Flow.mayRunAfterSuspension(S);
  });
  if (Weak || Early)
    return true;
  // Taken only after a suspension: too late for a use of '*this' that comes
  // after a suspension with no strong reference held.
  const CXXRecordDecl &Class = *Method->getParent();
  auto IsStrong = [&](const VarDecl &Var) {
    return isSelfPointerType(Var.getType(), Class, false);
  };
  bool Late = firstUnguardedUse(
                  *Graph, [](const Stmt &S) { return isa<CXXThisExpr>(S); },
                  {[](const Stmt &) { return false; }, IsStrong},
                  &A.Lib.NonSuspendingAwaitables,
                  Coro.getASTContext().getSourceManager())
                  .Use != nullptr;
  TakesOwner[&Coro] = !Late;
  return !Late;
}

std::optional<UncheckedWeakSelf>
DetachedObjects::uncheckedWeakSelf(const CXXMethodDecl &Method,
                                   const Stmt &Body, const LibraryAnalyses &A) {
  const VarDecl *Weak = nullptr;
  for (const SelfReference &R : selfReferences(Method, Body)) {
    // A strong reference handed in is held for the whole run.
    if (!R.Weak && isa<ParmVarDecl>(R.Var))
      return std::nullopt;
    if (R.Weak && !Weak)
      Weak = R.Var;
  }
  if (!Weak)
    return std::nullopt;
  // The evidence that the object may die while the coroutine is suspended:
  // the coroutine checks its weak reference somewhere, or the class spawns
  // it detached.
  bool Checks = false;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    Checks = Checks || checkedWeakReference(S);
  });
  SourceLocation Spawn = detachedSpawnOf(Method, A);
  const CFG *Graph = A.Session.cfg(Method);
  if ((!Checks && Spawn.isInvalid()) || !Graph)
    return std::nullopt;
  const CXXRecordDecl &Class = *Method.getParent();
  auto IsWeak = [&](const Stmt &S) {
    const VarDecl *Var = checkedWeakReference(S);
    return Var && isSelfPointerType(Var->getType(), Class, true);
  };
  auto IsStrong = [&](const VarDecl &Var) {
    return isSelfPointerType(Var.getType(), Class, false);
  };
  LateUse Late = firstUnguardedUse(
      *Graph, [](const Stmt &S) { return isa<CXXThisExpr>(S); },
      {IsWeak, IsStrong}, &A.Lib.NonSuspendingAwaitables,
      Method.getASTContext().getSourceManager());
  if (!Late.Use)
    return std::nullopt;
  return UncheckedWeakSelf{Weak, Late, Spawn};
}

Referent ownerReferent(const ObjectOwner &Owner) {
  return Referent{Owner.What == ObjectOwner::Kind::Temporary
                      ? Referent::Kind::Temporary
                      : Referent::Kind::Local,
                  Owner.Var};
}

SourceLocation ownerDiesBeforeTask(const ObjectOwner &Owner,
                                   const CoroutineCall &C, const TaskFate &F,
                                   const Library &Lib) {
  if (Owner.What != ObjectOwner::Kind::Temporary &&
      Owner.What != ObjectOwner::Kind::Local)
    return SourceLocation();
  SourceLocation Dies = C.dies(ownerReferent(Owner), F);
  const CXXRecordDecl *Class = cast<CXXMethodDecl>(&C.Coro)->getParent();
  if (Dies.isInvalid() || mayJoinOnDestruction(Class) ||
      keepsLocalExecutor(C.CallerBody, Lib.SyncWaitFunctions) ||
      mayWaitForObject(C.CallerBody, Owner.Var, C.Call.getEndLoc(), Dies,
                       Lib.JoinMembers,
                       C.Coro.getASTContext().getSourceManager()))
    return SourceLocation();
  return Dies;
}

void DetachedObjects::clear() {
  Selves.clear();
  TakesOwner.clear();
  Spawns.clear();
}

} // namespace clang::tidy::async::model

//===--- CircularWaitLockOrder.cpp - async-lint ---------------------------===//
//
// The lock-order part of async-circular-wait: coroutines that one function
// starts to run together (one combinator call, or spawns one after the
// other), and two asynchronous mutexes they lock in opposite orders.
//
//===----------------------------------------------------------------------===//

#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Expressions.h"
#include "../Model/FirstArrival.h"
#include "../Model/LockOrder.h"
#include "CircularWaitCheck.h"

namespace clang::tidy::async {

namespace {

/// The coroutine call \p E is (through moves and temporaries), or null.
const CallExpr *coroutineCall(const Expr *E) {
  const auto *Call =
      dyn_cast_or_null<CallExpr>(model::strip(E, model::Wrappers::Object));
  const FunctionDecl *Def = Call ? model::calledDefinition(*Call) : nullptr;
  return Def && model::isCoroutine(*Def) ? Call : nullptr;
}

/// The object a member coroutine is called on, as a key: the variable it
/// names, or the function itself for 'this'; null when unknown.
const void *objectOf(const CallExpr &Call, const FunctionDecl &Caller) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const Expr *Object = Member ? Member->getImplicitObjectArgument() : nullptr;
  if (!Object)
    return nullptr;
  if (isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
    return &Caller;
  return model::namedDecl(Object);
}

} // namespace

std::vector<CircularWaitCheck::Started>
CircularWaitCheck::startedTogether(CheckedFunction &F) const {
  std::vector<Started> Combined, Spawned;
  F.forEachStmt([&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    std::optional<model::CallInfo> Info =
        Call ? model::describeCall(*Call) : std::nullopt;
    if (!Info)
      return;
    bool Combines = model::anyNameMatches(Lib.CombinatorFunctions, *Info);
    if (!Combines && !model::anyNameMatches(Lib.SpawnFunctions, *Info) &&
        !model::anyNameMatches(StartFunctions, *Info))
      return;
    llvm::SmallVector<const Expr *, 4> Args(Call->arguments());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Args.push_back(Member->getImplicitObjectArgument());
    for (const Expr *Arg : Args)
      if (const CallExpr *Coro = coroutineCall(Arg))
        (Combines ? Combined : Spawned)
            .push_back({model::calledDefinition(*Coro), Coro, Call});
  });
  // Spawns run together when one may run after the other.
  const CFG *Graph = Facts.session().cfg(F.Decl);
  std::vector<Started> Together = Combined;
  for (const Started &S : Spawned)
    if (Graph && llvm::any_of(Spawned, [&](const Started &Other) {
          return &Other != &S &&
                 (model::mayRunAfter(*Graph, *S.Start, *Other.Start) ||
                  model::mayRunAfter(*Graph, *Other.Start, *S.Start));
        }))
      Together.push_back(S);
  return Together;
}

/// The mutex \p Key (as the started coroutine names it) denotes in the
/// function that starts it, with the object whose member it is; null when
/// it is the coroutine's own or cannot be told.
static std::pair<const ValueDecl *, const void *>
resolveMutex(const ValueDecl *Key, const CallExpr &Call,
             const FunctionDecl &Coroutine, const FunctionDecl &Caller) {
  if (const auto *Param = dyn_cast_or_null<ParmVarDecl>(Key)) {
    const Expr *Arg = model::argumentFor(Call, Param->getFunctionScopeIndex());
    const ValueDecl *Given = model::namedDecl(Arg);
    if (!Given || !Param->getType()->isReferenceType() &&
                      !Param->getType()->isPointerType())
      return {nullptr, nullptr};
    return {Given, nullptr};
  }
  if (isa_and_nonnull<FieldDecl>(Key))
    return {Key, objectOf(Call, Caller)};
  const auto *Var = dyn_cast_or_null<VarDecl>(Key);
  if (!Var || (Var->hasLocalStorage() && Var->getDeclContext() == &Coroutine))
    return {nullptr, nullptr};
  return {Var, nullptr};
}

void CircularWaitCheck::checkLockOrder(CheckedFunction &F) {
  std::vector<Started> Together = startedTogether(F);
  if (Together.size() < 2)
    return;
  std::vector<std::vector<model::LockOrderEdge>> Edges;
  for (const Started &S : Together)
    Edges.push_back(model::lockOrderEdges(suspensionsOf(*S.Coroutine, F.Ctx),
                                          Lib.AsyncMutexes));
  auto Resolve = [&](const ValueDecl *Key, const Started &S) {
    return resolveMutex(Key, *S.Call, *S.Coroutine, F.Decl);
  };
  for (unsigned I = 0; I < Together.size(); ++I)
    for (unsigned J = I + 1; J < Together.size(); ++J)
      for (const model::LockOrderEdge &E1 : Edges[I])
        for (const model::LockOrderEdge &E2 : Edges[J]) {
          auto A = Resolve(E1.Held, Together[I]);
          auto B = Resolve(E1.Waited, Together[I]);
          if (A.first && B.first && A == Resolve(E2.Waited, Together[J]) &&
              B == Resolve(E2.Held, Together[J]))
            return reportLockCycle(Together[I], E1, Together[J], E2);
        }
}

void CircularWaitCheck::reportLockCycle(const Started &First,
                                        const model::LockOrderEdge &E1,
                                        const Started &Second,
                                        const model::LockOrderEdge &E2) {
  if (!reportOnce(E1.Wait->getBeginLoc()))
    return;
  diag(E1.Wait->getBeginLoc(),
       "waits for mutex %0 while holding %1; %select{%2, started with this "
       "coroutine,|another run of %2, started with this one,}3 locks them in "
       "the opposite order")
      << E1.Waited << E1.Held << Second.Coroutine
      << (First.Coroutine == Second.Coroutine) << E1.Wait->getSourceRange();
  diag(E1.HeldSince->getBeginLoc(), "%0 is locked here", DiagnosticIDs::Note)
      << E1.Held;
  diag(First.Call->getBeginLoc(), "%0 is started here", DiagnosticIDs::Note)
      << First.Coroutine;
  diag(Second.Call->getBeginLoc(), "and %0 here, to run together with it",
       DiagnosticIDs::Note)
      << Second.Coroutine;
  diag(E2.HeldSince->getBeginLoc(), "%0 locks %1 here", DiagnosticIDs::Note)
      << Second.Coroutine << E2.Held;
  diag(E2.Wait->getBeginLoc(),
       "and waits for %0 here: each holds the mutex the other waits for; "
       "lock them in one order everywhere",
       DiagnosticIDs::Note)
      << E2.Waited;
}

} // namespace clang::tidy::async

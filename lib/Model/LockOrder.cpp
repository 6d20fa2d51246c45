//===--- LockOrder.cpp - async-lint ---------------------------------------===//

#include "LockOrder.h"
#include "CallInfo.h"
#include "CalleeLocks.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "SuspensionFlow.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::model {

/// How many partial cycles the search for a lock cycle keeps at most.
constexpr size_t MaxLockPaths = 4096;

const CoroutineSuspendExpr *keptSuspension(const Expr *Init) {
  for (unsigned Depth = 0; Init && Depth < 8; ++Depth) {
    Init = Init->IgnoreParenImpCasts();
    if (const auto *Point = dyn_cast<CoroutineSuspendExpr>(Init))
      return Point;
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Init))
      Init = Cleanups->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Init))
      Init = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Init))
      Init = Bind->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
      Init = Construct->getNumArgs() == 1 ? Construct->getArg(0) : nullptr;
    else
      return nullptr;
  }
  return nullptr;
}

const Expr *lockedObject(const CoroutineSuspendExpr &Point,
                         const NameMatcher &AsyncMutexes,
                         const NameMatcher *LockFunctions) {
  if (!isa<CoawaitExpr>(Point))
    return nullptr;
  const auto *Call =
      dyn_cast_or_null<CallExpr>(strip(Point.getOperand(), Wrappers::Implicit));
  const auto *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() ||
      Callee->getName().starts_with_insensitive("try") ||
      Callee->getName().contains_insensitive("unlock"))
    return nullptr;
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  if (!Member)
    return LockFunctions && Call->getNumArgs() > 0 &&
                   !isa<CXXOperatorCallExpr>(Call) &&
                   LockFunctions->matches(canonicalName(*Callee))
               ? Call->getArg(0)
               : nullptr;
  const Expr *Object = Member->getImplicitObjectArgument();
  std::string Type = Object ? canonicalTypeName(Object->getType()) : "";
  return !Type.empty() && AsyncMutexes.matches(Type) ? Object : nullptr;
}

const ValueDecl *awaitedLock(const CoroutineSuspendExpr &Point,
                             const NameMatcher &AsyncMutexes,
                             const NameMatcher *LockFunctions) {
  const Expr *Object = lockedObject(Point, AsyncMutexes, LockFunctions);
  return Object ? namedDecl(Object) : nullptr;
}

std::vector<LockOrderEdge> lockOrderEdges(const SuspensionFlow &Flow,
                                          const NameMatcher &AsyncMutexes,
                                          const FunctionDecl *Coroutine,
                                          const NameMatcher *LockFunctions) {
  // The locks of the callees awaited: a coroutine with one lock of its own
  // and a callee that locks another mutex holds two at once.
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const ValueDecl *, 2>>
      InCallee;
  unsigned Locks = llvm::count_if(Flow.points(), [&](const auto *Point) {
    return awaitedLock(*Point, AsyncMutexes, LockFunctions) != nullptr;
  });
  std::vector<LockOrderEdge> Edges;
  // Without a lock of its own, the coroutine holds nothing while it waits.
  if (Locks == 0)
    return Edges;
  for (const CoroutineSuspendExpr *Point :
       Coroutine ? Flow.points() : ArrayRef<const CoroutineSuspendExpr *>())
    if (auto Mutexes =
            calleeLocks(*Point, *Coroutine, AsyncMutexes, LockFunctions);
        !Mutexes.empty())
      InCallee[Point] = std::move(Mutexes);
  if (Locks == 1 && InCallee.empty())
    return Edges;
  for (const LockOrderEdge &E :
       locksHeld(Flow, AsyncMutexes, 1, LockFunctions)) {
    if (E.Waited && E.Held != E.Waited)
      Edges.push_back(E);
    if (!E.Waited)
      for (const ValueDecl *Mutex : InCallee.lookup(E.Wait))
        if (Mutex != E.Held)
          Edges.push_back({E.Held, Mutex, E.HeldSince, E.Wait});
  }
  return Edges;
}

std::vector<LockOrderEdge> locksHeld(const SuspensionFlow &Flow,
                                     const NameMatcher &AsyncMutexes,
                                     unsigned MinLocks,
                                     const NameMatcher *LockFunctions) {
  // The mutex each acquisition locks, and each guard variable's mutex.
  llvm::DenseMap<const Stmt *, const ValueDecl *> Locks;
  for (const CoroutineSuspendExpr *Point : Flow.points())
    if (const ValueDecl *Mutex =
            awaitedLock(*Point, AsyncMutexes, LockFunctions))
      Locks[Point] = Mutex;
  if (Locks.empty() || Locks.size() < MinLocks)
    return {};
  llvm::DenseMap<const VarDecl *, const ValueDecl *> Guards;
  auto Statement = [&](const Stmt &S, HeldFacts &Held) {
    if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (const CoroutineSuspendExpr *Point =
                  keptSuspension(Var->getInit()))
            if (const ValueDecl *Mutex = Locks.lookup(Point)) {
              Guards[Var] = Mutex;
              Held.try_emplace(Mutex, Point);
            }
      return;
    }
    if (const auto *Point = dyn_cast<CoroutineSuspendExpr>(&S)) {
      const ValueDecl *Mutex = Locks.lookup(Point);
      if (Mutex && Point->getResumeExpr() &&
          Point->getResumeExpr()->getType()->isVoidType())
        Held.try_emplace(Mutex, Point);
      return;
    }
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier() || Method->getName() != "unlock")
      return;
    const ValueDecl *Object = namedDecl(Call->getImplicitObjectArgument());
    const auto *Guard = dyn_cast_or_null<VarDecl>(Object);
    Held.erase(Guard && Guards.count(Guard) ? Guards.lookup(Guard) : Object);
  };
  auto Destroyed = [&](const VarDecl &Var, HeldFacts &Held) {
    if (const ValueDecl *Mutex = Guards.lookup(&Var))
      Held.erase(Mutex);
  };
  std::vector<LockOrderEdge> Held;
  for (const HeldAtSuspension &At :
       Flow.heldAtSuspensions({Statement, Destroyed, {}}))
    Held.push_back({static_cast<const ValueDecl *>(At.Key),
                    Locks.lookup(At.Suspension), At.Since, At.Suspension});
  return Held;
}

std::vector<LockCycleSide>
lockCycle(const FunctionDecl &Caller, ArrayRef<StartedCoroutine> Together,
          llvm::function_ref<std::vector<LockOrderEdge>(const FunctionDecl &)>
              EdgesOf) {
  // Every edge of every start, with its mutexes as the caller names them.
  struct Node {
    unsigned Start;
    LockOrderEdge Edge;
    std::pair<const ValueDecl *, const void *> Held, Waited;
  };
  std::vector<Node> Nodes;
  for (unsigned I = 0; I < Together.size(); ++I)
    for (const LockOrderEdge &E : EdgesOf(*Together[I].Coroutine)) {
      Node N{I, E, denotedInCaller(E.Held, Together[I], Caller),
             denotedInCaller(E.Waited, Together[I], Caller)};
      if (N.Held.first && N.Waited.first && N.Held != N.Waited)
        Nodes.push_back(N);
    }
  // Breadth first from each node, along "waits for what the next holds",
  // through other starts and other held mutexes: the first return to the
  // node closes its shortest cycle.
  std::vector<LockCycleSide> Best;
  for (unsigned First = 0; First < Nodes.size(); ++First) {
    std::vector<std::vector<unsigned>> Paths = {{First}};
    for (size_t P = 0; P < Paths.size() && Paths.size() < MaxLockPaths; ++P) {
      std::vector<unsigned> Path = Paths[P];
      if (!Best.empty() && Path.size() >= Best.size())
        break;
      const Node &Last = Nodes[Path.back()];
      if (Path.size() > 1 && Last.Waited == Nodes[First].Held) {
        Best.clear();
        for (unsigned N : Path)
          Best.push_back({&Together[Nodes[N].Start], Nodes[N].Edge});
        break;
      }
      for (unsigned To = 0; To < Nodes.size(); ++To)
        if (Nodes[To].Held == Last.Waited &&
            llvm::none_of(Path, [&](unsigned N) {
              return Nodes[N].Start == Nodes[To].Start ||
                     Nodes[N].Held == Nodes[To].Held;
            })) {
          Paths.push_back(Path);
          Paths.back().push_back(To);
        }
    }
  }
  return Best;
}

} // namespace clang::tidy::async::model

//===--- ParkedGuards.cpp - async-lint ------------------------------------===//

#include "ParkedGuards.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "EventWaits.h"
#include "Expressions.h"
#include "FirstArrival.h"
#include "LockOrder.h"
#include "StartedTogether.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::model {

namespace {

using Denoted = std::pair<const ValueDecl *, const void *>;

/// The mutex whose lock \p Point awaits, as \p Creator names it: a variable,
/// or a member with its object; {null, null} when \p Point takes no lock of
/// an \p AsyncMutexes mutex or the member's object cannot be told.
Denoted lockedMutex(const CoroutineSuspendExpr &Point,
                    const NameMatcher &AsyncMutexes,
                    const FunctionDecl &Creator) {
  if (!awaitedLock(Point, AsyncMutexes))
    return {};
  // awaitedLock found a member call of the mutex under the operand.
  const auto *Call =
      cast<CXXMemberCallExpr>(strip(Point.getOperand(), Wrappers::Implicit));
  Denoted Mutex = denotedInCaller(Call->getImplicitObjectArgument(), Creator);
  if (!Mutex.first || (isa<FieldDecl>(Mutex.first) && !Mutex.second))
    return {};
  return Mutex;
}

/// The parameter of \p Coro that argument \p Arg of \p Call initialises (a
/// lambda's call operator is called with the closure as argument 0).
const ParmVarDecl *parameterFor(const CallExpr &Call, const FunctionDecl &Coro,
                                unsigned Arg) {
  unsigned Shift =
      isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Coro) ? 1 : 0;
  if (Arg < Shift || Arg - Shift >= Coro.getNumParams())
    return nullptr;
  return Coro.getParamDecl(Arg - Shift);
}

/// A local kept from a coroutine call: the task and the call.
struct KeptTask {
  const VarDecl *Task;
  const CallExpr *Call;
  const DeclStmt *Decl;
};

/// What a relock must not follow: the task or the guard named again, or an
/// unlock() called (by hand, on the mutex or a guard) on the way to it.
bool releasedBefore(const FirstArrival &Arrival, const ParkedGuard &P) {
  for (const ValueDecl *D : namedBefore(Arrival, {P.TaskCall}))
    if (D == P.Task || (P.Guard && D == P.Guard))
      return true;
  return llvm::any_of(Arrival.Before, [](const Stmt *S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    return Method && Method->getIdentifier() && Method->getName() == "unlock";
  });
}

} // namespace

std::vector<ParkedGuard>
parkedGuards(const FunctionDecl &Creator, const Stmt &Body, const CFG &Graph,
             ArrayRef<const CoroutineSuspendExpr *> Points,
             const NameMatcher &AsyncMutexes, const OwnStmts *Own) {
  llvm::DenseMap<const VarDecl *, const CoroutineSuspendExpr *> Guards;
  llvm::DenseMap<const Stmt *, const CompoundStmt *> ScopeOf;
  std::vector<KeptTask> Tasks;
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    if (const auto *Block = dyn_cast<CompoundStmt>(&S)) {
      for (const Stmt *Child : Block->body())
        ScopeOf[Child] = Block;
      return;
    }
    const auto *Decls = dyn_cast<DeclStmt>(&S);
    const auto *Var = Decls && Decls->isSingleDecl()
                          ? dyn_cast<VarDecl>(Decls->getSingleDecl())
                          : nullptr;
    if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
      return;
    if (const CoroutineSuspendExpr *Lock = keptSuspension(Var->getInit()))
      Guards[Var] = Lock;
    else if (const CallExpr *Call = coroutineCall(Var->getInit()))
      Tasks.push_back({Var, Call, Decls});
  });
  std::vector<ParkedGuard> Found;
  for (const KeptTask &K : Tasks) {
    const FunctionDecl *Coro = calledDefinition(*K.Call);
    const CompoundStmt *Scope = ScopeOf.lookup(K.Decl);
    if (!Coro || !Scope || lazinessOfCoroutine(*Coro) != Laziness::Lazy)
      continue;
    for (unsigned I = 0; I < K.Call->getNumArgs(); ++I) {
      const ParmVarDecl *Param = parameterFor(*K.Call, *Coro, I);
      if (!Param || !Param->getType()->isRecordType())
        continue;
      const Expr *Arg = K.Call->getArg(I);
      const auto *Guard = dyn_cast_or_null<VarDecl>(namedDecl(Arg));
      const CoroutineSuspendExpr *Lock =
          Guard ? Guards.lookup(Guard) : keptSuspension(Arg);
      Denoted Mutex =
          Lock ? lockedMutex(*Lock, AsyncMutexes, Creator) : Denoted();
      if (!Mutex.first)
        continue;
      ParkedGuard P{Mutex.first, Lock,   Guards.count(Guard) ? Guard : nullptr,
                    K.Call,      Coro,   Arg,
                    K.Task,      nullptr};
      for (const CoroutineSuspendExpr *Relock : Points) {
        if (Relock == Lock || !isWithin(Relock, *Scope) ||
            lockedMutex(*Relock, AsyncMutexes, Creator) != Mutex ||
            !passesFirst(Graph, *K.Call, *Relock))
          continue;
        FirstArrival Arrival = firstArrival(Graph, *Relock);
        if (!Arrival.Reached || releasedBefore(Arrival, P))
          continue;
        P.Relock = Relock;
        Found.push_back(P);
        break;
      }
    }
  }
  return Found;
}

Finding parkedGuardFinding(const ParkedGuard &P) {
  std::string Task = startedName(*P.Coroutine);
  std::string Mutex = "'" + P.Mutex->getNameAsString() + "'";
  return {P.Relock->getBeginLoc(),
          P.Relock->getSourceRange(),
          "waits for mutex " + Mutex + ", which " + Task +
              " holds until it runs: it never resumes",
          {{P.Lock->getBeginLoc(), Mutex + " is locked here"},
           {P.Handed->getBeginLoc(),
            "its guard is moved here into " + Task + ", a lazy task kept in '" +
                P.Task->getNameAsString() +
                "' and not awaited before this lock: await it first"}}};
}

} // namespace clang::tidy::async::model

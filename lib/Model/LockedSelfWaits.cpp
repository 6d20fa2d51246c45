//===--- LockedSelfWaits.cpp - async-lint ---------------------------------===//

#include "LockedSelfWaits.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "LockOrder.h"
#include "SuspensionFlow.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

/// How many awaited calls down a wait for an event is followed.
constexpr unsigned MaxCalleeDepth = 3;

bool same(const ValueDecl *A, const ValueDecl *B) {
  return A && B && A->getCanonicalDecl() == B->getCanonicalDecl();
}

/// The awaited lock whose result \p E is (kept, moved, or through a local
/// initialised with it); null otherwise.
const CoroutineSuspendExpr *lockPointOf(const Expr *E, unsigned Depth = 0) {
  if (!E || Depth > 3)
    return nullptr;
  if (const CoroutineSuspendExpr *Point = keptSuspension(E))
    return Point;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Object));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl() || Var->getType()->isReferenceType())
    return nullptr;
  return lockPointOf(Var->getInit(), Depth + 1);
}

/// A mutex the coroutine holds at a wait, and how.
struct Hold {
  const ValueDecl *Mutex = nullptr;
  /// The lock of the coroutine's own guard, or the lock that made the units
  /// of a parameter.
  const Stmt *Lock = nullptr;
  /// The parameter that holds the units, and the member of it on the way
  /// to them (null when the parameter is the units).
  const ParmVarDecl *Param = nullptr;
  const FieldDecl *First = nullptr;
  std::string Path;
};

/// The one mutex whose lock every value in \p Values is, with one of those
/// locks; {null, null} when a value is something else or there is none.
std::pair<const ValueDecl *, const Stmt *>
oneMutex(ArrayRef<const Expr *> Values, const LockedSelfWaitKnowledge &Know) {
  const ValueDecl *Mutex = nullptr;
  const Stmt *Lock = nullptr;
  for (const Expr *Value : Values) {
    const CoroutineSuspendExpr *Point = lockPointOf(Value);
    const ValueDecl *M =
        Point ? awaitedLock(*Point, Know.AsyncMutexes, &Know.LockFunctions)
              : nullptr;
    if (!M || (Mutex && !same(M, Mutex)))
      return {nullptr, nullptr};
    Mutex = M;
    Lock = Point;
  }
  return {Mutex, Lock};
}

/// The member of \p Record (or of its members, \p Depth deep) that every
/// initialiser in the unit gives the units of one mutex.
std::optional<Hold> memberHold(const CXXRecordDecl *Record, unsigned Depth,
                               const UnitSignals &U,
                               const LockedSelfWaitKnowledge &Know) {
  if (!Record || !Record->hasDefinition() || Depth > 2)
    return std::nullopt;
  for (const FieldDecl *Field : Record->fields()) {
    std::vector<const Expr *> Values = U.FieldValues.lookup(Field);
    if (const Expr *InClass = Field->getInClassInitializer())
      Values.push_back(InClass);
    if (auto [Mutex, Lock] = oneMutex(Values, Know); Mutex)
      return Hold{Mutex, Lock, nullptr, Field, "." + Field->getNameAsString()};
    if (auto Inner = memberHold(Field->getType()->getAsCXXRecordDecl(),
                                Depth + 1, U, Know)) {
      Inner->First = Field;
      Inner->Path = "." + Field->getNameAsString() + Inner->Path;
      return Inner;
    }
  }
  return std::nullopt;
}

/// The calls in the unit of \p Function and of the methods it overrides.
std::vector<const CallExpr *> callsOf(const FunctionDecl &Function,
                                      const UnitSignals &U) {
  std::vector<const CallExpr *> Calls;
  std::vector<const FunctionDecl *> Work{&Function};
  for (size_t I = 0; I < Work.size() && I < 16; ++I) {
    llvm::append_range(Calls, U.Calls.lookup(Work[I]->getCanonicalDecl()));
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Work[I]))
      for (const CXXMethodDecl *Base : Method->overridden_methods())
        Work.push_back(Base);
  }
  return Calls;
}

/// The by-value parameters of \p Coroutine that hold the units of a lock.
std::vector<Hold> parameterHolds(const FunctionDecl &Coroutine,
                                 const UnitSignals &U,
                                 const LockedSelfWaitKnowledge &Know) {
  std::vector<Hold> Holds;
  std::vector<const CallExpr *> Calls = callsOf(Coroutine, U);
  for (const ParmVarDecl *Param : Coroutine.parameters()) {
    QualType Type = Param->getType();
    if (Type->isReferenceType() || Type->isPointerType() ||
        !Type->getAsCXXRecordDecl())
      continue;
    std::vector<const Expr *> Passed;
    for (const CallExpr *Call : Calls)
      Passed.push_back(argumentFor(*Call, Param->getFunctionScopeIndex()));
    std::optional<Hold> H;
    if (auto [Mutex, Lock] = oneMutex(Passed, Know); Mutex)
      H = Hold{Mutex, Lock};
    else
      H = memberHold(Type->getAsCXXRecordDecl(), 0, U, Know);
    if (H) {
      H->Param = Param;
      Holds.push_back(*H);
    }
  }
  return Holds;
}

/// Where \p S is an element of \p Graph: its block and index.
std::optional<std::pair<const CFGBlock *, unsigned>> elementOf(const CFG &Graph,
                                                               const Stmt *S) {
  for (const CFGBlock *Block : Graph)
    for (unsigned I = 0; I < Block->size(); ++I)
      if (auto Element = (*Block)[I].getAs<CFGStmt>();
          Element && Element->getStmt() == S)
        return std::pair(Block, I);
  return std::nullopt;
}

/// True when \p From may run before \p To on \p Graph.
bool mayRunBefore(const CFG &Graph, const Stmt *From, const Stmt *To) {
  auto A = elementOf(Graph, From), B = elementOf(Graph, To);
  if (!A || !B)
    return true;
  if (A->first == B->first && A->second < B->second)
    return true;
  llvm::DenseSet<const CFGBlock *> Seen;
  std::vector<const CFGBlock *> Work(A->first->succ_begin(),
                                     A->first->succ_end());
  while (!Work.empty()) {
    const CFGBlock *Block = Work.back();
    Work.pop_back();
    if (!Block || !Seen.insert(Block).second)
      continue;
    if (Block == B->first)
      return true;
    Work.insert(Work.end(), Block->succ_begin(), Block->succ_end());
  }
  return false;
}

/// The statements of \p S that name \p Param (a parameter or a guard)
/// other than through a member
/// that is not \p First (`node.id` does not release `node.guard`).
void releasesOf(const Stmt *S, const Stmt *Parent, const ValueDecl &Param,
                const FieldDecl *First, std::vector<const Stmt *> &Out) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
      Ref && Ref->getDecl() == &Param) {
    const auto *Member = dyn_cast_or_null<MemberExpr>(Parent);
    if (!Member || !First || Member->getMemberDecl() == First)
      Out.push_back(S);
    return;
  }
  for (const Stmt *Child : S->children())
    releasesOf(Child, S, Param, First, Out);
}

/// A wait for a member event: where it is, in which function.
struct EventWait {
  const ValueDecl *Event = nullptr;
  const CoroutineSuspendExpr *Wait = nullptr;
  const FunctionDecl *In = nullptr;
};

using FlowFn = llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)>;

/// The member event \p Point (of \p In) waits for, itself or in the
/// coroutines it awaits, \p Depth calls down.
EventWait waitedEvent(const CoroutineSuspendExpr &Point, const FunctionDecl &In,
                      const EventKnowledge &Know, FlowFn FlowOf, unsigned Depth,
                      llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  const ValueDecl *Event = awaitedEvent(Point, Know);
  if (!Event)
    Event = awaitedPromise(Point, Know).first;
  if (isa_and_nonnull<FieldDecl>(Event))
    return {Event, &Point, &In};
  if (Event || Depth >= MaxCalleeDepth || !isa<CoawaitExpr>(Point))
    return {};
  const auto *Call =
      dyn_cast_or_null<CallExpr>(strip(Point.getOperand(), Wrappers::Implicit));
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  if (!Def || !isCoroutine(*Def) || !Seen.insert(Def).second)
    return {};
  for (const CoroutineSuspendExpr *Inner : FlowOf(*Def).points())
    if (EventWait W = waitedEvent(*Inner, *Def, Know, FlowOf, Depth + 1, Seen);
        W.Event)
      return W;
  return {};
}

/// What a statement does to whether \p Mutex is held (the lock held since,
/// null when not held): an awaited lock kept in a guard (or with no result)
/// takes it; naming the guard, its destruction, or an unlock lets it go.
struct HeldTransfer {
  llvm::DenseMap<const Stmt *, bool> Locks; // With a void result.
  llvm::DenseSet<const VarDecl *> Guards;
  const ValueDecl *Mutex = nullptr;

  const Stmt *step(const CFGElement &Element, const Stmt *Held) {
    if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>())
      return Guards.count(Dtor->getVarDecl()) ? nullptr : Held;
    auto St = Element.getAs<CFGStmt>();
    const Stmt *S = St ? St->getStmt() : nullptr;
    if (const auto *Decls = dyn_cast_or_null<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (const Stmt *Lock = keptSuspension(Var->getInit());
              Lock && Locks.count(Lock)) {
            Guards.insert(Var);
            Held = Lock;
          }
    } else if (auto It = Locks.find(S); It != Locks.end() && It->second) {
      Held = S;
    } else if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Guards.count(Var))
        Held = nullptr;
    } else if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *M = Call->getMethodDecl();
      if (M && M->getIdentifier() && M->getName() == "unlock" &&
          same(namedDecl(Call->getImplicitObjectArgument()), Mutex))
        Held = nullptr;
    }
    return Held;
  }
};

/// The lock of \p Mutex that \p S's function holds at the signal on every
/// path to it (one of them); null when some path signals without it.
const Stmt *
signallerLock(const UnitSignals::Signal &S, const ValueDecl *Mutex,
              const LockedSelfWaitKnowledge &Know,
              llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
              FlowFn FlowOf) {
  const CFG *Graph = S.In && isCoroutine(*S.In) ? CFGOf(*S.In) : nullptr;
  if (!Graph)
    return nullptr;
  HeldTransfer T;
  T.Mutex = Mutex;
  for (const CoroutineSuspendExpr *Point : FlowOf(*S.In).points())
    if (same(awaitedLock(*Point, Know.AsyncMutexes, &Know.LockFunctions),
             Mutex))
      T.Locks[Point] = Point->getResumeExpr() &&
                       Point->getResumeExpr()->getType()->isVoidType();
  if (T.Locks.empty())
    return nullptr;
  const Stmt *Found = nullptr;
  llvm::DenseSet<std::pair<const CFGBlock *, const Stmt *>> Seen;
  std::vector<std::pair<const CFGBlock *, const Stmt *>> Work{
      {&Graph->getEntry(), nullptr}};
  while (!Work.empty()) {
    auto [Block, Held] = Work.back();
    Work.pop_back();
    if (!Block || !Seen.insert({Block, Held}).second)
      continue;
    for (const CFGElement &Element : *Block) {
      if (auto St = Element.getAs<CFGStmt>(); St && St->getStmt() == S.Call) {
        if (!Held)
          return nullptr;
        Found = Held;
      }
      Held = T.step(Element, Held);
    }
    for (const CFGBlock *Succ : Block->succs())
      Work.push_back({Succ, Held});
  }
  return Found;
}

/// True when \p S awaits a lock (its own code or a lambda's).
bool awaitsLock(const Stmt *S, const LockedSelfWaitKnowledge &Know) {
  if (const auto *Point = dyn_cast_or_null<CoroutineSuspendExpr>(S);
      Point && awaitedLock(*Point, Know.AsyncMutexes, &Know.LockFunctions))
    return true;
  if (S)
    for (const Stmt *Child : S->children())
      if (awaitsLock(Child, Know))
        return true;
  return false;
}

/// The local of \p S kept from the awaited lock \p Lock; null when none.
const VarDecl *guardOf(const Stmt *S, const Stmt *Lock) {
  if (const auto *Decls = dyn_cast_or_null<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D);
          Var && keptSuspension(Var->getInit()) == Lock)
        return Var;
  if (!S)
    return nullptr;
  for (const Stmt *Child : S->children())
    if (const VarDecl *Var = guardOf(Child, Lock))
      return Var;
  return nullptr;
}

std::string quoted(const NamedDecl *D) {
  return "'" + D->getNameAsString() + "'";
}

/// The finding of a wait \p W at \p Point while \p H is held, each
/// signaller's function taking the mutex at \p SignalLocks.
Finding lockedSelfWaitFinding(
    const CoroutineSuspendExpr &Point, const EventWait &W, const Hold &H,
    ArrayRef<std::pair<const FunctionDecl *, const Stmt *>> SignalLocks) {
  std::string E = quoted(W.Event), M = quoted(H.Mutex);
  Finding F{Point.getBeginLoc(),
            Point.getSourceRange(),
            "waits for " + E + " while holding " + M +
                ", which each of its signallers takes first: it never resumes",
            {}};
  if (W.Wait != &Point)
    F.Notes.push_back(
        {W.Wait->getBeginLoc(), E + " is awaited here, in " + quoted(W.In) +
                                    ", which this await reaches"});
  if (H.Param) {
    std::string Units = "'" + H.Param->getNameAsString() + H.Path + "'";
    F.Notes.push_back(
        {H.Param->getLocation(),
         Units + " holds a lock of " + M + ", not released before the wait"});
    F.Notes.push_back({H.Lock->getBeginLoc(),
                       M + " is locked here, for what " + Units + " holds"});
  } else {
    F.Notes.push_back({H.Lock->getBeginLoc(),
                       M + " is locked here and still held at the wait"});
  }
  llvm::DenseSet<const Stmt *> Noted;
  for (auto [In, Lock] : SignalLocks)
    if (Noted.insert(Lock).second)
      F.Notes.push_back({Lock->getBeginLoc(), quoted(In) + " signals " + E +
                                                  " only after it locks " + M +
                                                  " here"});
  return F;
}

/// The mutexes \p Coroutine holds at \p Point: its guards (\p Own, from
/// locksHeld) and the parameters \p Params not released before it.
std::vector<Hold> holdsAt(const CoroutineSuspendExpr &Point,
                          ArrayRef<LockOrderEdge> Own, ArrayRef<Hold> Params,
                          const FunctionDecl &Coroutine, const CFG *Graph) {
  std::vector<Hold> Holds;
  const CoroutineBodyStmt *Coro = getCoroutineBody(Coroutine);
  const Stmt *Body = Coro ? Coro->getBody() : nullptr;
  // Kept unless the holder (the guard or the parameter) may be named
  // before the wait: moved, returned, given away.
  auto Kept = [&](const ValueDecl *Holder, const FieldDecl *First) {
    std::vector<const Stmt *> Releases;
    releasesOf(Body, nullptr, *Holder, First, Releases);
    return Holder && Graph && llvm::none_of(Releases, [&](const Stmt *R) {
             return mayRunBefore(*Graph, R, &Point);
           });
  };
  for (const LockOrderEdge &E : Own)
    if (E.Wait == &Point && E.Held && E.HeldSince &&
        Kept(guardOf(Body, E.HeldSince), nullptr))
      Holds.push_back({E.Held, E.HeldSince});
  for (const Hold &H : Params)
    if (Kept(H.Param, H.First))
      Holds.push_back(H);
  return Holds;
}

} // namespace

std::vector<Finding>
lockedSelfWaits(const FunctionDecl &Coroutine,
                const LockedSelfWaitKnowledge &Know,
                std::optional<UnitSignals> &Unit,
                llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
                FlowFn FlowOf) {
  std::vector<Finding> Found;
  // Cheap first: a lock awaited in the body or a parameter by value, then
  // a signal in the unit; only then the CFGs (its own, its callees').
  bool ByValue = llvm::any_of(Coroutine.parameters(), [](const auto *P) {
    return !P->getType()->isReferenceType() && P->getType()->isRecordType();
  });
  const CoroutineBodyStmt *Coro = getCoroutineBody(Coroutine);
  if (!Coro || !(ByValue || awaitsLock(Coro->getBody(), Know)))
    return Found;
  if (!Unit)
    Unit.emplace(indexUnit(Coroutine.getASTContext(), Know.Events));
  if (Unit->Signals.empty())
    return Found;
  const SuspensionFlow &Flow = FlowOf(Coroutine);
  std::optional<std::vector<Hold>> Params;
  std::vector<LockOrderEdge> Own;
  for (const CoroutineSuspendExpr *Point : Flow.points()) {
    llvm::SmallPtrSet<const FunctionDecl *, 4> Seen{&Coroutine};
    EventWait W = waitedEvent(*Point, Coroutine, Know.Events, FlowOf, 0, Seen);
    if (!W.Event)
      continue;
    const UnitSignals &U = *Unit;
    auto Signals = U.Signals.find(W.Event);
    if (Signals == U.Signals.end())
      continue;
    if (!Params) {
      Params = parameterHolds(Coroutine, U, Know);
      Own = locksHeld(Flow, Know.AsyncMutexes, 1, &Know.LockFunctions);
    }
    for (const Hold &H :
         holdsAt(*Point, Own, *Params, Coroutine, CFGOf(Coroutine))) {
      std::vector<std::pair<const FunctionDecl *, const Stmt *>> Locks;
      for (const UnitSignals::Signal &S : Signals->second)
        if (const Stmt *L = signallerLock(S, H.Mutex, Know, CFGOf, FlowOf))
          Locks.push_back({S.In, L});
      if (Locks.size() == Signals->second.size()) {
        Found.push_back(lockedSelfWaitFinding(*Point, W, H, Locks));
        break;
      }
    }
  }
  return Found;
}

} // namespace clang::tidy::async::model

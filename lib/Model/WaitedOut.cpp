//===--- WaitedOut.cpp - async-lint ---------------------------------------===//

#include "WaitedOut.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "DrainLoops.h"
#include "Expressions.h"
#include "SignalledObjects.h"
#include "StatementPath.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p S may leave the block it is a statement of other than at
/// its end: a return, co_return, goto or throw anywhere in it, or a break
/// or continue not within a loop (or, for break, a switch) of \p S itself.
/// With \p EndsTask, a co_return does not count: in the coroutine that
/// signals, it ends the task without the signal, so it can only keep the
/// waiter waiting, never release it while the task still runs.
bool leaves(const Stmt *S, bool InLoop = false, bool InSwitch = false,
            bool EndsTask = false) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CoreturnStmt>(S))
    return !EndsTask;
  if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt, CXXThrowExpr>(S))
    return true;
  if (isa<ContinueStmt>(S))
    return !InLoop;
  if (isa<BreakStmt>(S))
    return !InLoop && !InSwitch;
  bool Loop = isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
  bool Switch = isa<SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (leaves(Child, InLoop || Loop, InSwitch || Switch, EndsTask))
      return true;
  return false;
}

/// True when \p Call is a call of a member in \p Names on an object that
/// names \p Object, or a member of it (`st.loop.quit()`; signalAndWait
/// matches the members of the signal's and the wait's objects).
bool callsOn(const CallExpr *Call, const ValueDecl *Object,
             const NameMatcher &Names) {
  const auto *Method =
      Call ? dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee()) : nullptr;
  return Method && Object && memberPath(syncObjectOf(*Call), Object) &&
         Names.matches(canonicalName(*Method));
}

/// The statement of the coroutine body \p Block that is a call in \p Names
/// on \p Object, when no statement before it may jump away other than by
/// ending the task (co_return, unless \p EndsTask is false); null otherwise.
/// In an eager coroutine, also
/// the making of a holder of \p Object that signals it when destroyed,
/// before the first suspension: it signals at the end of the body, after
/// every use (\p Held is then set).
const CallExpr *signalOnEveryPath(const CompoundStmt &Block,
                                  const ValueDecl *Object,
                                  const NameMatcher &Names, bool Eager,
                                  bool &Held, bool EndsTask = true) {
  bool Suspended = false;
  for (const Stmt *S : Block.body()) {
    if (const CallExpr *Call = memberCallOf(S); callsOn(Call, Object, Names))
      return Call;
    if (const CallExpr *Await = transformedAwaitOn(S, Object, Names))
      return Await;
    if (const CallExpr *Hold = holderMade(S, Object, Names);
        Hold && Eager && !Suspended) {
      Held = true;
      return Hold;
    }
    if (leaves(S, false, false, EndsTask))
      return nullptr;
    forEachSuspensionPoint(
        S, [&](const CoroutineSuspendExpr &) { Suspended = true; });
  }
  return nullptr;
}

/// The statements of the body of the coroutine \p Coro (its definition).
const CompoundStmt *coroutineStatements(const FunctionDecl &Coro,
                                        const FunctionDecl *&Def) {
  const CoroutineBodyStmt *CoroBody =
      Coro.hasBody(Def) && Def ? getCoroutineBody(*Def) : nullptr;
  return CoroBody ? dyn_cast_or_null<CompoundStmt>(CoroBody->getBody())
                  : nullptr;
}

/// The call of a coroutine in \p E (not in a lambda's body) handed \p Object
/// by reference that waits on it (\p Names) before anything, co_return too,
/// may end it. Awaiting its task (`co_await std::move(t)` for `auto t =
/// spawn(waiter(m)).fork()`) waits on \p Object: the task cannot finish
/// before \p Object was signalled.
const CallExpr *waitingTaskIn(const Expr *E, const ValueDecl *Object,
                              const NameMatcher &Names) {
  const CallExpr *Found = nullptr;
  forEachOwnStmt(E, [&](const Stmt &S) {
    const FunctionDecl *Callee =
        isa<CallExpr>(S) ? calledDefinition(S) : nullptr;
    const FunctionDecl *Def = nullptr;
    const CompoundStmt *Body =
        Callee && !Found ? coroutineStatements(*Callee, Def) : nullptr;
    for (unsigned J = 0; Body && J < Def->getNumParams(); ++J) {
      const ParmVarDecl *P = Def->getParamDecl(J);
      const Expr *Arg = argumentFor(S, J);
      bool Held = false;
      if (P->getType()->isLValueReferenceType() && Arg &&
          namedDecl(Arg) == Object &&
          signalOnEveryPath(*Body, P, Names, /*Eager=*/false, Held,
                            /*EndsTask=*/false))
        Found = cast<CallExpr>(&S);
    }
  });
  return Found;
}

/// For `co_await x` (\p S): the task x is (or the local x was made with)
/// when it waits on \p Object (waitingTaskIn); null otherwise.
const CallExpr *awaitedWaiter(const Stmt *S, const ValueDecl *Object,
                              const NameMatcher &Names) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *Await = E ? dyn_cast<CoawaitExpr>(E->IgnoreImplicit()) : nullptr;
  if (!Await)
    return nullptr;
  const Expr *Operand = strip(Await->getOperand(), Wrappers::Object);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Operand);
  const auto *Kept = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (Kept && Kept->hasLocalStorage() && Kept->getInit())
    Operand = Kept->getInit();
  return waitingTaskIn(Operand, Object, Names);
}

/// The wait in \p Names on \p Object that \p S is (a call, the initialiser
/// of a local, an await of a kept awaiter or of a task that waits on it), or
/// that the block of the try statement \p S runs before anything in it may
/// leave; null otherwise.
const CallExpr *waitIn(const Stmt *S, const ValueDecl *Object,
                       const NameMatcher &Names) {
  if (const CallExpr *Found = memberCallOf(S); callsOn(Found, Object, Names))
    return Found;
  // The wait's result kept: `int code = loop.exec();` (not an awaiter
  // kept to be awaited later).
  const auto *Decls = dyn_cast_or_null<DeclStmt>(S);
  const auto *Var = Decls && Decls->isSingleDecl()
                        ? dyn_cast<VarDecl>(Decls->getSingleDecl())
                        : nullptr;
  if (Var && !Var->getType()->isScalarType())
    Var = nullptr;
  if (const CallExpr *Found = memberCallOf(Var ? Var->getInit() : nullptr);
      callsOn(Found, Object, Names))
    return Found;
  if (const CallExpr *Made = keptAwaiterMadeBy(S); callsOn(Made, Object, Names))
    return Made;
  if (const CallExpr *Await = transformedAwaitOn(S, Object, Names))
    return Await;
  if (const CallExpr *Task = awaitedWaiter(S, Object, Names))
    return Task;
  const auto *Try = dyn_cast_or_null<CXXTryStmt>(S);
  for (const Stmt *Inner :
       Try ? Try->getTryBlock()->body() : llvm::ArrayRef<Stmt *>()) {
    if (const CallExpr *Found = waitIn(Inner, Object, Names))
      return Found;
    if (leaves(Inner))
      return nullptr;
  }
  return nullptr;
}

/// The wait in \p Names on \p Object of `if (!flag) { ... }` (\p S), run
/// in its branch before anything there may leave, when \p Done says the
/// task sets the flag only once it is done with what it borrows: the wait
/// is skipped only when there is nothing left to wait for.
const CallExpr *waitUnlessDone(const Stmt *S, const ValueDecl *Object,
                               const NameMatcher &Names,
                               llvm::function_ref<bool(const Expr &)> Done) {
  auto [Flag, Branch] = skippedWhenSet(S);
  if (!Flag || !Done)
    return nullptr;
  llvm::SmallVector<const Stmt *, 8> Inner;
  if (const auto *Block = dyn_cast<CompoundStmt>(Branch))
    Inner.append(Block->body_begin(), Block->body_end());
  else
    Inner.push_back(Branch);
  for (const Stmt *In : Inner) {
    if (const CallExpr *Found = waitIn(In, Object, Names))
      return Done(*Flag) ? Found : nullptr;
    if (leaves(In))
      return nullptr;
  }
  return nullptr;
}

/// The call in \p Names on \p Object that every path from \p Call on
/// runs, in the block of \p Body holding \p Call or, past that block's
/// end, in the blocks around it (after a loop or a branch it is in),
/// when nothing between may leave; null otherwise. A wait skipped when a
/// flag is set (waitUnlessDone) counts when \p Done accepts the flag.
const CallExpr *
callOnEveryPathAfter(const Stmt &Body, const Expr &Call,
                     const ValueDecl *Object, const NameMatcher &Names,
                     llvm::function_ref<bool(const Expr &)> Done = nullptr) {
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!pathTo(&Body, &Call, Path))
    return nullptr;
  for (size_t I = Path.size() - 1; I-- > 0;) {
    const auto *Block = dyn_cast<CompoundStmt>(Path[I]);
    if (!Block)
      continue;
    unsigned Next =
        llvm::find(Block->body(), Path[I + 1]) - Block->body_begin() + 1;
    for (unsigned J = Next; J < Block->size(); ++J) {
      const Stmt *S = Block->body_begin()[J];
      if (const CallExpr *Found = waitIn(S, Object, Names))
        return Found;
      if (const CallExpr *Found = waitUnlessDone(S, Object, Names, Done))
        return Found;
      if (leaves(S))
        return nullptr;
    }
  }
  return nullptr;
}

/// How many times the counting loop \p S runs (DrainLoops' tripCount);
/// nothing for any other statement.
std::optional<int64_t> countedTrips(const Stmt *S, const ASTContext &Ctx) {
  const auto *For = dyn_cast_or_null<ForStmt>(S);
  return For ? tripCount(*For, Ctx) : std::nullopt;
}

/// False when the count \p Sync was made with (`std::latch l(N)`) is known
/// and smaller than the number of tasks the counting loops around \p Call
/// start: the wait may then return while some of them still run. (Outside
/// a loop the count is not read: a semaphore's is what it starts with.)
bool countCoversStarts(const Stmt &CallerBody, const Expr &Call,
                       const VarDecl &Sync) {
  const auto *Make = dyn_cast_or_null<CXXConstructExpr>(
      Sync.getInit() ? Sync.getInit()->IgnoreImplicit() : nullptr);
  const ASTContext &Ctx = Sync.getASTContext();
  std::optional<int64_t> Count = Make && Make->getNumArgs() == 1
                                     ? integerConstant(Make->getArg(0), Ctx)
                                     : std::nullopt;
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!Count || !pathTo(&CallerBody, &Call, Path))
    return true;
  std::optional<int64_t> Starts;
  for (const Stmt *S : Path) {
    // A loop that makes the object anew each time starts its tasks once.
    if (!isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S) ||
        S->getSourceRange().fullyContains(Sync.getSourceRange()))
      continue;
    std::optional<int64_t> Trips = countedTrips(S, Ctx);
    if (!Trips)
      return true;
    Starts = Starts.value_or(1) * *Trips;
  }
  return !Starts || *Count >= *Starts;
}

/// True when the coroutine body \p Statements waits on \p Sync (in \p Waits,
/// not \p Signals) before its \p Signal: the caller's wait may then win
/// (take the lock first) and go on while the task still waits to use it.
bool waitsBefore(const CompoundStmt &Statements, const ValueDecl *Sync,
                 const CallExpr &Signal, const NameMatcher &Waits,
                 const NameMatcher &Signals, const SourceManager &SM) {
  bool Found = false;
  forEachOwnStmt(&Statements, [&](const Stmt &S) {
    // An await's operator co_await call is not one of its children.
    const CallExpr *Call =
        isa<CoawaitExpr>(S) ? memberCallOf(&S) : dyn_cast<CallExpr>(&S);
    bool Waiting =
        (callsOn(Call, Sync, Waits) && !callsOn(Call, Sync, Signals)) ||
        (Call = transformedAwaitOn(&S, Sync, Waits));
    Found = Found ||
            (Waiting && SM.isBeforeInTranslationUnit(Call->getBeginLoc(),
                                                     Signal.getBeginLoc()));
  });
  return Found;
}

/// The pair of a signal of \p Sync (a name the coroutine body \p Statements
/// uses for the caller's local \p Local) and a wait on \p Local after
/// \p Call in \p CallerBody, before \p Dies; \p IsUse says whether a
/// statement of the body is a use the signal must come after.
SignalledWait signalAndWait(const Stmt &CallerBody, const Expr &Call,
                            SourceLocation Dies, const CompoundStmt &Statements,
                            bool Eager, const ValueDecl *Sync,
                            const VarDecl &Local,
                            llvm::function_ref<bool(const Stmt &)> IsUse,
                            const NameMatcher &Waits,
                            const NameMatcher &Signals,
                            const SourceManager &SM) {
  if (!Local.hasLocalStorage() || !countCoversStarts(CallerBody, Call, Local))
    return {};
  bool Held = false;
  const CallExpr *Signal =
      signalOnEveryPath(Statements, Sync, Signals, Eager, Held);
  if (!Signal || waitsBefore(Statements, Sync, *Signal, Waits, Signals, SM))
    return {};
  // Every use comes before the signal (or is part of it); a holder signals
  // at the end of the body.
  bool Before = true;
  forEachOwnStmt(&Statements, [&](const Stmt &S) {
    if (!Held && IsUse(S) &&
        SM.isBeforeInTranslationUnit(Signal->getEndLoc(), S.getBeginLoc()))
      Before = false;
  });
  // The wait may be skipped on a flag of the object that the task sets
  // right before its signal, after its last use.
  auto Done = [&](const Expr &Flag) {
    std::optional<MemberPath> Path = memberPath(&Flag, &Local);
    return !Held && Path &&
           setsDoneFlagLast(Statements, Sync, *Path, *Signal, IsUse, SM);
  };
  const CallExpr *Wait =
      Before ? callOnEveryPathAfter(CallerBody, Call, &Local, Waits, Done)
             : nullptr;
  // The signal and the wait are on the same object (st.loop, not st.other).
  if (Wait && objectPath(*Signal, Sync) != objectPath(*Wait, &Local))
    return {};
  if (Wait && (Dies.isInvalid() || SM.isBeforeInTranslationUnit(
                                       SM.getExpansionLoc(Wait->getBeginLoc()),
                                       SM.getExpansionLoc(Dies))))
    return {Wait, Signal};
  return {};
}

/// The wait by which the caller outlasts the task of the coroutine whose
/// body is \p Statements (definition \p Def) started by \p Call: on a
/// local it hands the coroutine by reference, signalled after every use
/// (\p IsUse).
SignalledWait parametersWaitedOut(const Stmt &CallerBody, const Expr &Call,
                                  SourceLocation Dies, const FunctionDecl &Def,
                                  const CompoundStmt &Statements,
                                  llvm::function_ref<bool(const Stmt &)> IsUse,
                                  const NameMatcher &Waits,
                                  const NameMatcher &Signals,
                                  const SourceManager &SM) {
  bool Eager = lazinessOfCoroutine(Def) == Laziness::Eager;
  for (unsigned J = 0; J < Def.getNumParams(); ++J) {
    const ParmVarDecl *Sync = Def.getParamDecl(J);
    const Expr *Arg = argumentFor(Call, J);
    const auto *Local =
        dyn_cast_or_null<VarDecl>(Arg ? namedDecl(Arg) : nullptr);
    if (!Sync->getType()->isLValueReferenceType() || !Local)
      continue;
    if (SignalledWait W =
            signalAndWait(CallerBody, Call, Dies, Statements, Eager, Sync,
                          *Local, IsUse, Waits, Signals, SM);
        W.Wait)
      return W;
  }
  return {};
}

/// When the function whose body is \p CallerBody is not the one the lambda
/// \p Closure is written in: the call, in that function, of this one that
/// passes it the lambda (a helper that calls the closure and then waits);
/// null otherwise.
const CallExpr *callPassing(const CXXRecordDecl &Closure,
                            const Stmt &CallerBody) {
  const auto *Encl = dyn_cast<FunctionDecl>(Closure.getDeclContext());
  if (!Encl || !Encl->getBody() || Encl->getBody() == &CallerBody)
    return nullptr;
  const CallExpr *Found = nullptr;
  forEachOwnStmt(Encl->getBody(), [&](const Stmt &S) {
    const FunctionDecl *Callee =
        isa<CallExpr>(S) && !Found ? calledDefinition(S) : nullptr;
    if (!Callee || Callee->getBody() != &CallerBody)
      return;
    for (const Expr *Arg : cast<CallExpr>(S).arguments())
      if (const auto *L =
              dyn_cast_or_null<LambdaExpr>(strip(Arg, Wrappers::Object));
          L && L->getLambdaClass() == &Closure)
        Found = cast<CallExpr>(&S);
  });
  return Found;
}

/// The reference parameter of the function \p Through calls that it binds
/// to \p Local; null when there is none.
const VarDecl *boundParameter(const CallExpr &Through, const VarDecl &Local) {
  const FunctionDecl *Callee = calledDefinition(Through);
  for (unsigned J = 0; Callee && J < Callee->getNumParams(); ++J) {
    const Expr *Arg = argumentFor(Through, J);
    if (Callee->getParamDecl(J)->getType()->isLValueReferenceType() && Arg &&
        namedDecl(Arg) == &Local)
      return Callee->getParamDecl(J);
  }
  return nullptr;
}

/// The same for the coroutine lambda \p Closure: on a local it captures by
/// reference (or reaches through a pointer it captures by copy), or, in a
/// helper the lambda is passed to, on the parameter bound to that local.
SignalledWait capturesWaitedOut(const Stmt &CallerBody, const Expr &Start,
                                SourceLocation Dies, const FunctionDecl &Def,
                                const CompoundStmt &Statements,
                                const CXXRecordDecl &Closure,
                                llvm::function_ref<bool(const Stmt &)> IsUse,
                                const NameMatcher &Waits,
                                const NameMatcher &Signals,
                                const SourceManager &SM) {
  bool Eager = lazinessOfCoroutine(Def) == Laziness::Eager;
  const CallExpr *Through = callPassing(Closure, CallerBody);
  for (const LambdaCapture &C : Closure.captures()) {
    const auto *Local =
        C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
    if (!Local || Local->isInitCapture() ||
        (C.getCaptureKind() != LCK_ByRef && !pointerLike(Local->getType())))
      continue;
    const VarDecl *Waited = Through ? boundParameter(*Through, *Local) : Local;
    if (!Waited)
      continue;
    if (SignalledWait W =
            signalAndWait(CallerBody, Start, Dies, Statements, Eager, Local,
                          *Waited, IsUse, Waits, Signals, SM);
        W.Wait)
      return W;
  }
  return {};
}

} // namespace

SignalledWait waitsOut(const Stmt &CallerBody, const Expr &Call,
                       SourceLocation Dies, const FunctionDecl &Coro,
                       unsigned ParamIndex, const NameMatcher &Waits,
                       const NameMatcher &Signals, const SourceManager &SM) {
  const FunctionDecl *Def = nullptr;
  const CompoundStmt *Statements = coroutineStatements(Coro, Def);
  if (!Statements || ParamIndex >= Def->getNumParams())
    return {};
  const ParmVarDecl *Used = Def->getParamDecl(ParamIndex);
  // The parameter that is the object itself may be named in the signal's
  // own call, not after it.
  auto IsUse = [&](const Stmt &S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    return Ref && Ref->getDecl() == Used;
  };
  return parametersWaitedOut(CallerBody, Call, Dies, *Def, *Statements, IsUse,
                             Waits, Signals, SM);
}

SignalledWait closureWaitedOut(const Stmt &CallerBody, const Expr &Start,
                               SourceLocation Dies, const CXXMethodDecl &Op,
                               const NameMatcher &Waits,
                               const NameMatcher &Signals,
                               const SourceManager &SM) {
  const FunctionDecl *Def = nullptr;
  const CompoundStmt *Statements = coroutineStatements(Op, Def);
  const CXXRecordDecl *Closure = Op.getParent();
  if (!Statements || !Closure->isLambda())
    return {};
  // Every use of a capture: a variable of the enclosing function, an init
  // capture, 'this'; or a lambda with captures (its implicit ones are not
  // walked).
  auto IsUse = [](const Stmt &S) {
    if (isa<CXXThisExpr>(S))
      return true;
    if (const auto *Inner = dyn_cast<LambdaExpr>(&S))
      return Inner->capture_size() > 0;
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Ref && (Ref->refersToEnclosingVariableOrCapture() ||
                   (Var && Var->isInitCapture()));
  };
  return capturesWaitedOut(CallerBody, Start, Dies, *Def, *Statements, *Closure,
                           IsUse, Waits, Signals, SM);
}

SignalledWait joinsBySignal(const Stmt &CallerBody, const Expr &Call,
                            const FunctionDecl &Coro, const NameMatcher &Waits,
                            const NameMatcher &Signals,
                            const SourceManager &SM) {
  const FunctionDecl *Def = nullptr;
  const CompoundStmt *Statements = coroutineStatements(Coro, Def);
  if (!Statements || lazinessOfCoroutine(*Def) != Laziness::Eager)
    return {};
  // Every statement is a use: the signal is the task's last act.
  auto Any = [](const Stmt &) { return true; };
  const auto *Op = dyn_cast<CXXMethodDecl>(Def);
  if (Op && Op->getParent()->isLambda())
    if (SignalledWait W =
            capturesWaitedOut(CallerBody, Call, {}, *Def, *Statements,
                              *Op->getParent(), Any, Waits, Signals, SM);
        W.Wait)
      return W;
  return parametersWaitedOut(CallerBody, Call, {}, *Def, *Statements, Any,
                             Waits, Signals, SM);
}

} // namespace clang::tidy::async::model

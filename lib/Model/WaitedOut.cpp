//===--- WaitedOut.cpp - async-lint ---------------------------------------===//

#include "WaitedOut.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "DrainLoops.h"
#include "Expressions.h"
#include "StatementPath.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

namespace {

/// \p E, or what the promise's await_transform (asio's, tmc's) is given
/// when \p E is its call: the awaited call or object.
const Expr *throughTransform(const Expr *E) {
  E = E ? E->IgnoreImplicit() : nullptr;
  const auto *T = dyn_cast_or_null<CXXMemberCallExpr>(E);
  const IdentifierInfo *Name =
      T && T->getMethodDecl() ? T->getMethodDecl()->getIdentifier() : nullptr;
  return Name && Name->isStr("await_transform") && T->getNumArgs() == 1
             ? T->getArg(0)->IgnoreImplicit()
             : E;
}

/// The call of a member \p S is, looking through the implicit nodes around
/// a statement expression; for `co_await x`, the call of x's operator
/// co_await (a libcoro latch's), or the call await_transform is given.
const CallExpr *asMemberCall(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  E = E ? E->IgnoreImplicit() : nullptr;
  if (const auto *Await = dyn_cast_or_null<CoawaitExpr>(E))
    E = throughTransform(Await->getCommonExpr());
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E))
    return isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) ? Op : nullptr;
  return dyn_cast_or_null<CXXMemberCallExpr>(E);
}

/// For `co_await c` (\p S) where the local c was made by a member call
/// (`auto c = g.close();`), that call: awaiting c waits on g.
const CallExpr *keptAwaiterMadeBy(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *Await = E ? dyn_cast<CoawaitExpr>(E->IgnoreImplicit()) : nullptr;
  const auto *Ref =
      Await
          ? dyn_cast<DeclRefExpr>(strip(Await->getOperand(), Wrappers::Object))
          : nullptr;
  const auto *Kept = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Kept && Kept->hasLocalStorage() && Kept->getInit()
             ? dyn_cast<CXXMemberCallExpr>(Kept->getInit()->IgnoreImplicit())
             : nullptr;
}

/// \p E, or the pointer it dereferences (`*p`, `p->`, through a smart
/// pointer's operator* or operator->): a copy of a pointer designates the
/// same object as the pointer it copies.
const Expr *throughPointer(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() == 1 &&
      (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
    return Op->getArg(0);
  if (const auto *Deref = dyn_cast_or_null<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    return Deref->getSubExpr();
  return E;
}

/// The object a member function is called on by \p Call (a member call,
/// or a member operator's first operand), or the pointer it is reached by.
const Expr *objectOf(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return throughPointer(Member->getImplicitObjectArgument());
  return Call.getNumArgs() ? throughPointer(throughTransform(Call.getArg(0)))
                           : nullptr;
}

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
/// names \p Object.
bool callsOn(const CallExpr *Call, const ValueDecl *Object,
             const NameMatcher &Names) {
  const auto *Method =
      Call ? dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee()) : nullptr;
  return Method && Object && namedDecl(objectOf(*Call)) == Object &&
         Names.matches(canonicalName(*Method));
}

/// For `co_await x` (\p S) whose promise's await_transform is given the
/// object x itself (tmc's, which makes x's awaiter): that call, when x
/// names \p Object and its class has an operator co_await in \p Names.
const CallExpr *transformedAwaitOn(const Stmt *S, const ValueDecl *Object,
                                   const NameMatcher &Names) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *Await = E ? dyn_cast<CoawaitExpr>(E->IgnoreImplicit()) : nullptr;
  const auto *T = Await ? dyn_cast<CXXMemberCallExpr>(
                              Await->getCommonExpr()->IgnoreImplicit())
                        : nullptr;
  const Expr *Operand = T ? throughTransform(T) : nullptr;
  const CXXRecordDecl *RD = Operand && Operand != T
                                ? Operand->getType()->getAsCXXRecordDecl()
                                : nullptr;
  if (!RD || !RD->hasDefinition() ||
      namedDecl(throughPointer(Operand)) != Object)
    return nullptr;
  for (const CXXMethodDecl *M : RD->getDefinition()->methods())
    if (M->getOverloadedOperator() == OO_Coawait &&
        Names.matches(canonicalName(*M)))
      return T;
  return nullptr;
}

/// True when destroying an object of type \p T calls a member in \p Names
/// (a gate holder's destructor leaves the gate: `g->leave()`).
bool destructorSignals(QualType T, const NameMatcher &Names) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  const CXXDestructorDecl *Dtor = RD && RD->hasDefinition()
                                      ? RD->getDefinition()->getDestructor()
                                      : nullptr;
  const FunctionDecl *Def = nullptr;
  if (!Dtor || !Dtor->hasBody(Def) || !Def)
    return false;
  bool Signals = false;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
    Signals = Signals || (M && Names.matches(canonicalName(*M)));
  });
  return Signals;
}

/// The holder \p S declares, when it is a local made by a member call on
/// \p Object (`auto h = g.hold();`) whose destructor signals (leaves) it:
/// the call that makes it; null otherwise.
const CallExpr *holderMade(const Stmt *S, const ValueDecl *Object,
                           const NameMatcher &Names) {
  const auto *Decls = dyn_cast_or_null<DeclStmt>(S);
  const auto *Var = Decls && Decls->isSingleDecl()
                        ? dyn_cast<VarDecl>(Decls->getSingleDecl())
                        : nullptr;
  const auto *Make =
      Var && Var->getInit()
          ? dyn_cast<CXXMemberCallExpr>(strip(Var->getInit(), Wrappers::Object))
          : nullptr;
  return Make && namedDecl(objectOf(*Make)) == Object &&
                 destructorSignals(Var->getType(), Names)
             ? Make
             : nullptr;
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
    if (const CallExpr *Call = asMemberCall(S); callsOn(Call, Object, Names))
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

/// The wait in \p Names on \p Object that \p S is (a call, an await of a
/// kept awaiter or of a task that waits on it), or that the block of the
/// try statement \p S runs before anything in it may leave; null otherwise.
const CallExpr *waitIn(const Stmt *S, const ValueDecl *Object,
                       const NameMatcher &Names) {
  if (const CallExpr *Found = asMemberCall(S); callsOn(Found, Object, Names))
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

/// The call in \p Names on \p Object that every path from \p Call on
/// runs, in the block of \p Body holding \p Call or, past that block's
/// end, in the blocks around it (after a loop or a branch it is in),
/// when nothing between may leave; null otherwise.
const CallExpr *callOnEveryPathAfter(const Stmt &Body, const Expr &Call,
                                     const ValueDecl *Object,
                                     const NameMatcher &Names) {
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
        isa<CoawaitExpr>(S) ? asMemberCall(&S) : dyn_cast<CallExpr>(&S);
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
  const CallExpr *Wait =
      Before ? callOnEveryPathAfter(CallerBody, Call, &Local, Waits) : nullptr;
  if (Wait && (Dies.isInvalid() || SM.isBeforeInTranslationUnit(
                                       SM.getExpansionLoc(Wait->getBeginLoc()),
                                       SM.getExpansionLoc(Dies))))
    return {Wait, Signal};
  return {};
}

/// True for a pointer, or a class with an operator-> of its own or of a
/// base (a smart pointer).
bool pointerLike(QualType T) {
  T = T.getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return T->isAnyPointerType();
  RD = RD->getDefinition();
  return llvm::any_of(RD->methods(),
                      [](const CXXMethodDecl *M) {
                        return M->getOverloadedOperator() == OO_Arrow;
                      }) ||
         llvm::any_of(RD->bases(), [](const CXXBaseSpecifier &B) {
           return pointerLike(B.getType());
         });
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
  bool Eager = lazinessOfCoroutine(*Def) == Laziness::Eager;
  for (unsigned J = 0; J < Def->getNumParams(); ++J) {
    const ParmVarDecl *Sync = Def->getParamDecl(J);
    const Expr *Arg = argumentFor(Call, J);
    const auto *Local =
        dyn_cast_or_null<VarDecl>(Arg ? namedDecl(Arg) : nullptr);
    if (!Sync->getType()->isLValueReferenceType() || !Local)
      continue;
    // The parameter that is the object itself may be named in the signal's
    // own call, not after it.
    auto IsUse = [&](const Stmt &S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(&S);
      return Ref && Ref->getDecl() == Used;
    };
    if (SignalledWait W =
            signalAndWait(CallerBody, Call, Dies, *Statements, Eager, Sync,
                          *Local, IsUse, Waits, Signals, SM);
        W.Wait)
      return W;
  }
  return {};
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
  bool Eager = lazinessOfCoroutine(*Def) == Laziness::Eager;
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
  for (const LambdaCapture &C : Closure->captures()) {
    // The task signals the caller's own object: one captured by reference,
    // or reached through a pointer (a smart pointer) captured by copy.
    const auto *Local =
        C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
    if (!Local || Local->isInitCapture() ||
        (C.getCaptureKind() != LCK_ByRef && !pointerLike(Local->getType())))
      continue;
    if (SignalledWait W =
            signalAndWait(CallerBody, Start, Dies, *Statements, Eager, Local,
                          *Local, IsUse, Waits, Signals, SM);
        W.Wait)
      return W;
  }
  return {};
}

} // namespace clang::tidy::async::model

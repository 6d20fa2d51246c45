//===--- DanglingReferenceCalls.cpp - async-lint --------------------------===//
//
// async-dangling-reference, call-site lifetimes: a coroutine called with a
// reference, pointer or view (or, for a member coroutine, an object) whose
// referent dies while the task still uses it.
//
//===----------------------------------------------------------------------===//

#include "../Model/Awaitables.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "../Model/Owners.h"
#include "../Model/WaitedOut.h"
#include "DanglingReferenceCheck.h"
#include "LifetimeNotes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

using model::Referent;

namespace {

/// True when \p Param receives a task or an awaitable: the shape of an
/// adapter (a spawn that returns a join task, a combinator) that takes the
/// task over before it returns, whatever its own laziness.
bool takesTask(const ParmVarDecl &Param) {
  QualType T = Param.getType().getNonReferenceType();
  return model::isTaskType(T) || model::isAwaitableType(T);
}

} // namespace

/// A call of a coroutine whose task may outlive what the call hands it.
struct DanglingReferenceCheck::CoroutineCall {
  const CallExpr &Call;
  const FunctionDecl &Coro;
  CheckedFunction &Caller;
  model::Laziness Laziness;
  /// Its body is not in this translation unit: judged by its declaration.
  bool Declared = false;

  bool lazy() const { return Laziness == model::Laziness::Lazy; }
  model::TaskFate fate() const { return Caller.flow().fateOf(&Call); }
  /// Where \p R dies before the task (of fate \p F) is done, or invalid.
  SourceLocation dies(const Referent &R, const model::TaskFate &F) const {
    return Caller.flow().diesBeforeTask(R, &Call, F, Laziness);
  }
};

const Stmt *DanglingReferenceCheck::firstLateUse(const FunctionDecl &Coro,
                                                 int Index, ASTContext &Ctx) {
  auto [It, New] = LateUses.try_emplace({&Coro, Index}, nullptr);
  if (!New)
    return It->second;
  const ParmVarDecl *Param = Index >= 0 ? Coro.getParamDecl(Index) : nullptr;
  auto IsUse = [&](const Stmt &S) {
    if (!Param)
      return isa<CXXThisExpr>(S);
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    return Ref && Ref->getDecl() == Param;
  };
  bool Lazy = model::lazinessOfCoroutine(Coro) == model::Laziness::Lazy;
  const Stmt *Use =
      Lazy || !awaitsOnlyReady(Coro, Ctx)
          ? firstUseAfterSuspension(Coro, Ctx, IsUse, /*FromStart=*/Lazy)
          : nullptr;
  LateUses[{&Coro, Index}] = Use;
  return Use;
}

bool DanglingReferenceCheck::awaitsOnlyReady(const FunctionDecl &Coro,
                                             ASTContext &Ctx) {
  const FunctionDecl *Def = nullptr;
  const CoroutineBodyStmt *Body =
      Coro.hasBody(Def) && Def ? model::getCoroutineBody(*Def) : nullptr;
  if (!Body || !Body->getBody())
    return false;
  // Every co_await is on a result the coroutine's own code shows ready
  // there (a status asserted with an assertion helper, a wait), and there
  // is no co_yield: an eager coroutine then never suspends in its body, and
  // runs to its end at the call.
  const model::PathFacts &Own = Facts.of(*Def, Ctx);
  bool Ready = true, Any = false;
  model::forEachSuspensionPoint(
      Body->getBody(), [&](const CoroutineSuspendExpr &Point) {
        Any = true;
        const auto *Await = dyn_cast<CoawaitExpr>(&Point);
        Ready = Ready && Await && Own.isReadyAt(Await->getOperand(), Await);
      });
  return Any && Ready;
}

void DanglingReferenceCheck::addNotes(const CoroutineCall &C,
                                      const model::TaskFate &F,
                                      const Referent &R, SourceLocation Dies,
                                      const Stmt *Use, StringRef UseName) {
  addLifetimeNotes(*this, C.Caller.Ctx.getSourceManager(), F,
                   {"the temporary",
                    R.What == Referent::Kind::Local ? R.Var : nullptr, Dies},
                   Use, UseName, C.lazy());
}

Referent DanglingReferenceCheck::referentOf(const ParmVarDecl &Param,
                                            const Expr &Arg) {
  return model::TaskFlow::referentOf(&Arg, !Param.getType()->isReferenceType());
}

std::optional<DanglingReferenceCheck::ArgumentDeath>
DanglingReferenceCheck::diesBeforeTask(const CoroutineCall &C,
                                       const Referent &R, const Expr &Arg) {
  model::TaskFate F = C.fate();
  SourceLocation Dies = C.dies(R, F);
  if (Dies.isInvalid() || !reportOnce(Arg.getBeginLoc()))
    return std::nullopt;
  return ArgumentDeath{F, Dies};
}

void DanglingReferenceCheck::checkArgument(const CoroutineCall &C,
                                           unsigned Index, const Expr &Arg) {
  if (C.Declared)
    return checkDeclaredArgument(C, Index, Arg);
  const ParmVarDecl *Param = C.Coro.getParamDecl(Index);
  if (!Param || isa<CXXDefaultArgExpr>(Arg) || !refersThrough(*Param))
    return;
  Referent R = referentOf(*Param, Arg);
  if (R.What == Referent::Kind::Other)
    return;
  const Stmt *Use = firstLateUse(C.Coro, Index, C.Caller.Ctx);
  if (!Use)
    return;
  // A local the function waits out: the task signals an object the
  // function then blocks on, after its last use of the parameter.
  if (R.What == Referent::Kind::Local &&
      model::waitsOut(C.Caller.Body, C.Call, SourceLocation(), C.Coro, Index,
                      Lib.WaitMembers, Lib.SignalMembers,
                      C.Caller.Ctx.getSourceManager())
          .Wait)
    return;
  std::optional<ArgumentDeath> Death = diesBeforeTask(C, R, Arg);
  if (!Death)
    return;
  const model::TaskFate &F = Death->Fate;
  SourceLocation Dies = Death->Dies;
  if (R.What == Referent::Kind::Temporary)
    diag(Arg.getBeginLoc(), "parameter %0 of %1 refers to a temporary that is "
                            "destroyed before the task is done with it")
        << Param << model::describeFunction(C.Coro) << Arg.getSourceRange();
  else
    diag(Arg.getBeginLoc(), "parameter %0 of %1 refers to local %2, which is "
                            "destroyed while the task may still run")
        << Param << model::describeFunction(C.Coro) << R.Var
        << Arg.getSourceRange();
  addNotes(C, F, R, Dies, Use, "'" + Param->getName().str() + "'");
}

bool DanglingReferenceCheck::checkObject(const CoroutineCall &C,
                                         const Expr &Object) {
  Referent R = model::TaskFlow::referentOf(&Object, false);
  if (R.What == Referent::Kind::Other)
    return false;
  const Stmt *Use = firstLateUse(C.Coro, -1, C.Caller.Ctx);
  if (!Use)
    return true;
  model::TaskFate F = C.fate();
  SourceLocation Dies = C.dies(R, F);
  if (Dies.isInvalid() || !reportOnce(C.Call.getBeginLoc()))
    return true;
  if (R.What == Referent::Kind::Temporary)
    diag(C.Call.getBeginLoc(), "%0 is called on a temporary that is destroyed "
                               "before the task is done with it")
        << model::describeFunction(C.Coro) << Object.getSourceRange();
  else
    diag(C.Call.getBeginLoc(), "%0 is called on local %1, which is destroyed "
                               "while the task may still run")
        << model::describeFunction(C.Coro) << R.Var << Object.getSourceRange();
  addNotes(C, F, R, Dies, Use, "the object");
  return true;
}

void DanglingReferenceCheck::checkDetachedThis(const CoroutineCall &C,
                                               const Expr &Object) {
  model::TaskFate F = C.fate();
  const Stmt *Use = unownedDetachedUse(C, F);
  if (!Use)
    return;
  const auto *Method = cast<CXXMethodDecl>(&C.Coro);
  if (isa<CXXThisExpr>(Object.IgnoreParenImpCasts())) {
    // Only a class made to be owned by shared_ptr tells, by itself, that
    // nothing else keeps '*this' alive; other classes are judged where the
    // member function that spawns is called (checkDetachingCalls).
    // With StrictDetachedThis, any class: a detached task must own what it
    // touches.
    bool Shared = model::isSharedFromThisClass(Method->getParent());
    if ((!Shared && !StrictDetachedThis) ||
        model::mayJoinOnDestruction(Method->getParent()) ||
        !reportOnce(C.Call.getBeginLoc()))
      return;
    diag(C.Call.getBeginLoc(), "%0 runs detached on '*this', and nothing "
                               "keeps the object alive%select{|; give the "
                               "coroutine a 'shared_from_this()' copy to "
                               "hold}1")
        << model::describeFunction(C.Coro) << Shared;
    diag(F.Where, "the task is %0", DiagnosticIDs::Note) << F.How;
    diag(Use->getBeginLoc(),
         C.lazy() ? "the object is used here, when the task runs"
                  : "the object is used here, after the coroutine may have "
                    "suspended",
         DiagnosticIDs::Note);
    return;
  }
  // Through a smart or raw pointer: the object dies with its owner.
  model::ObjectOwner Owner = model::ownerOfObject(Object, C.Caller.Body);
  Referent R{Owner.What == model::ObjectOwner::Kind::Temporary
                 ? Referent::Kind::Temporary
                 : Referent::Kind::Local,
             Owner.Var};
  if (Owner.What != model::ObjectOwner::Kind::Temporary &&
      Owner.What != model::ObjectOwner::Kind::Local)
    return;
  SourceLocation Dies = C.dies(R, F);
  if (Dies.isInvalid() || model::mayJoinOnDestruction(Method->getParent()) ||
      model::keepsLocalExecutor(C.Caller.Body, Lib.SyncWaitFunctions) ||
      model::mayWaitForObject(C.Caller.Body, Owner.Var, C.Call.getEndLoc(),
                              Dies, Lib.JoinMembers,
                              C.Caller.Ctx.getSourceManager()) ||
      !reportOnce(C.Call.getBeginLoc()))
    return;
  if (Owner.Var)
    diag(C.Call.getBeginLoc(), "%0 runs detached on an object owned by local "
                               "%1, which is destroyed while the task may "
                               "still run")
        << model::describeFunction(C.Coro) << Owner.Var;
  else
    diag(C.Call.getBeginLoc(), "%0 runs detached on an object owned by a "
                               "temporary that is destroyed before the task "
                               "is done with it")
        << model::describeFunction(C.Coro);
  addNotes(C, F, R, Dies, Use, "the object");
}

void DanglingReferenceCheck::checkCall(const CallExpr &Call,
                                       const FunctionDecl &Coro,
                                       CheckedFunction &Caller) {
  // A coroutine defined here is as lazy as the promise its body uses; one
  // only declared is judged by its type, lazy or eager only when every
  // promise coroutine_traits may pick for that type agrees.
  bool Declared = !Coro.hasBody();
  model::Laziness L = Declared
                          ? model::lazinessOfEveryPromise(Coro.getReturnType())
                          : model::lazinessOfCoroutine(Coro);
  CoroutineCall C{Call, Coro, Caller, L, Declared};
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coro);
  bool Instance = Method && Method->isInstance() &&
                  !Method->isExplicitObjectMemberFunction();
  const Expr *Object = nullptr;
  unsigned Offset = 0;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    Object = Member->getImplicitObjectArgument();
  } else if (isa<CXXOperatorCallExpr>(Call) && Method && Method->isInstance()) {
    Object = Call.getArg(0);
    Offset = 1;
  }
  for (unsigned I = 0;
       I < Coro.getNumParams() && I + Offset < Call.getNumArgs(); ++I)
    checkArgument(C, I, *Call.getArg(I + Offset));
  // The object of a member coroutine is its implicit reference parameter.
  // Lambdas are async-lambda-capture-lifetime's.
  if (!Object || !Instance || model::isLambdaCallOperator(Coro))
    return;
  if (C.Declared)
    return checkDeclaredObject(C, *Object);
  if (!checkObject(C, *Object))
    checkDetachedThis(C, *Object);
}

void DanglingReferenceCheck::checkCalls(CheckedFunction &F) {
  F.forEachStmt([&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    const FunctionDecl *Callee = model::calledDefinition(*Call);
    if (!Callee) {
      if (const FunctionDecl *Declared = declaredCoroutine(*Call))
        checkCall(*Call, *Declared, F);
      return;
    }
    if (Callee->isDependentContext())
      return;
    if (!model::getCoroutineBody(*Callee))
      return checkWrapperCall(*Call, *Callee, F);
    checkCall(*Call, *Callee, F);
  });
}

bool DanglingReferenceCheck::returnsNewTask(const FunctionDecl &Callee) {
  auto [It, New] = ReturnsNewTask.try_emplace(&Callee, false);
  if (!New)
    return It->second;
  // A non-coroutine returning a task type (coro_wrapper), and a function
  // that opts out of Clang's coroutine lifetime analysis.
  const FunctionDecl *Latest = Callee.getMostRecentDecl();
  if (Latest->hasAttr<CoroWrapperAttr>() ||
      Latest->hasAttr<CoroDisableLifetimeBoundAttr>())
    return false;
  // A coroutine returns its task by value; a function returning a reference
  // to a task (std::move) hands on one that exists already.
  QualType Result = Callee.getReturnType();
  bool Task = !Result.isNull() && !Result->isDependentType() &&
              !Result->isReferenceType() && model::isTaskType(Result);
  ReturnsNewTask[&Callee] = Task;
  return Task;
}

const FunctionDecl *
DanglingReferenceCheck::declaredCoroutine(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Callee->hasBody() || Callee->isDeleted() ||
      Callee->isDependentContext() || model::isLambdaCallOperator(*Callee) ||
      !returnsNewTask(*Callee))
    return nullptr;
  std::optional<model::CallInfo> Info = model::describeCall(Call);
  if (!Info)
    return nullptr;
  for (const model::NameMatcher *List :
       {&Lib.SpawnFunctions, &Lib.CombinatorFunctions, &Lib.KeepAliveFunctions,
        &Lib.SyncWaitFunctions})
    if (model::anyNameMatches(*List, *Info))
      return nullptr;
  return Callee;
}

DanglingReferenceCheck::Borrow
DanglingReferenceCheck::borrowOf(const CoroutineCall &C,
                                 const ParmVarDecl *Param) const {
  if (Param && Param->hasAttr<LifetimeBoundAttr>())
    return Borrow::Lifetimebound;
  // Clang's reading of [[clang::coro_return_type, clang::coro_lifetimebound]]:
  // every parameter lives as long as the task.
  const auto *RD = C.Coro.getReturnType()->getAsRecordDecl();
  if (RD && RD->hasAttr<CoroReturnTypeAttr>() &&
      RD->hasAttr<CoroLifetimeBoundAttr>())
    return Borrow::CoroLifetimebound;
  // A lazy task has not run when the call returns: whatever its body does
  // with the parameter, it does later. An eager one may be done with it
  // before its first suspension; nothing here says.
  return C.lazy() ? Borrow::Lazy : Borrow::Unknown;
}

void DanglingReferenceCheck::checkDeclaredArgument(const CoroutineCall &C,
                                                   unsigned Index,
                                                   const Expr &Arg) {
  const ParmVarDecl *Param = C.Coro.getParamDecl(Index);
  if (!Param || isa<CXXDefaultArgExpr>(Arg) || !refersThrough(*Param))
    return;
  Borrow B = borrowOf(C, Param);
  if ((B == Borrow::Unknown && !DeclaredEagerTemporaries) ||
      (B == Borrow::Lazy && takesTask(*Param)))
    return;
  Referent R = referentOf(*Param, Arg);
  if (R.What == Referent::Kind::Other)
    return;
  // An eager coroutine of unknown borrowing, with DeclaredEagerTemporaries:
  // a temporary, and a task awaited after the full expression, which shows
  // that the caller expects it to suspend.
  if (B == Borrow::Unknown &&
      (R.What != Referent::Kind::Temporary ||
       C.fate().What != model::TaskFate::Kind::AwaitedLater))
    return;
  std::optional<ArgumentDeath> Death = diesBeforeTask(C, R, Arg);
  if (!Death)
    return;
  const model::TaskFate &F = Death->Fate;
  SourceLocation Dies = Death->Dies;
  if (R.What == Referent::Kind::Temporary)
    diag(Arg.getBeginLoc(), "parameter %0 of %1 refers to a temporary that is "
                            "destroyed before the task it returns is done; %1 "
                            "is defined elsewhere, and its task may use %0 "
                            "when it runs")
        << Param << &C.Coro << Arg.getSourceRange();
  else
    diag(Arg.getBeginLoc(), "parameter %0 of %1 refers to local %2, which is "
                            "destroyed while the task it returns may still "
                            "run; %1 is defined elsewhere, and its task may "
                            "use %0 when it runs")
        << Param << &C.Coro << R.Var << Arg.getSourceRange();
  addNotes(C, F, R, Dies, nullptr, "");
  if (B == Borrow::Lifetimebound)
    diag(Param->getLocation(), "%0 is declared 'lifetimebound' here",
         DiagnosticIDs::Note)
        << Param;
  else
    declaredBorrowNote(C, B);
}

void DanglingReferenceCheck::declaredBorrowNote(const CoroutineCall &C,
                                                Borrow B) {
  diag(C.Coro.getLocation(),
       "%0 is declared here; %1 is %select{a lazy task type: the body runs "
       "only after the call has returned|marked 'coro_lifetimebound'|an "
       "eager task type: it may use the parameter after it first suspends "
       "(DeclaredEagerTemporaries)}2",
       DiagnosticIDs::Note)
      << &C.Coro << C.Coro.getReturnType()
      << (B == Borrow::CoroLifetimebound ? 1
          : B == Borrow::Unknown         ? 2
                                         : 0);
}

void DanglingReferenceCheck::checkDeclaredObject(const CoroutineCall &C,
                                                 const Expr &Object) {
  // The implicit object parameter is a reference, borrowed as the others.
  Borrow B = borrowOf(C, nullptr);
  if (B == Borrow::Unknown)
    return;
  Referent R = model::TaskFlow::referentOf(&Object, false);
  if (R.What == Referent::Kind::Other)
    return;
  model::TaskFate F = C.fate();
  SourceLocation Dies = C.dies(R, F);
  if (Dies.isInvalid() || !reportOnce(C.Call.getBeginLoc()))
    return;
  if (R.What == Referent::Kind::Temporary)
    diag(C.Call.getBeginLoc(),
         "%0 is called on a temporary that is destroyed before the task it "
         "returns is done; %0 is defined elsewhere, and its task may use the "
         "object when it runs")
        << &C.Coro << Object.getSourceRange();
  else
    diag(C.Call.getBeginLoc(),
         "%0 is called on local %1, which is destroyed while the task it "
         "returns may still run; %0 is defined elsewhere, and its task may "
         "use the object when it runs")
        << &C.Coro << R.Var << Object.getSourceRange();
  addNotes(C, F, R, Dies, nullptr, "");
  declaredBorrowNote(C, B);
}

void DanglingReferenceCheck::checkStrictParameters(CheckedFunction &F) {
  const FunctionDecl &FD = F.Decl;
  ASTContext &Ctx = F.Ctx;
  for (unsigned I = 0; I < FD.getNumParams(); ++I) {
    const ParmVarDecl *Param = FD.getParamDecl(I);
    if (!refersThrough(*Param))
      continue;
    const Stmt *Use =
        F.suspensions().firstUseAfterSuspension([&](const Stmt &S) {
          const auto *Ref = dyn_cast<DeclRefExpr>(&S);
          return Ref && Ref->getDecl() == Param;
        });
    if (!Use)
      continue;
    diag(Param->getLocation(), "parameter %0 of %1 is used after a suspension "
                               "point, when what it refers to may be gone")
        << Param << model::describeFunction(FD);
    diag(Use->getBeginLoc(),
         "%0 is used here, after the coroutine may have suspended",
         DiagnosticIDs::Note)
        << Param;
  }
}

const Stmt *
DanglingReferenceCheck::unownedDetachedUse(const CoroutineCall &C,
                                           const model::TaskFate &F) {
  if (!F.runsDetached(C.Laziness))
    return nullptr;
  for (const Expr *Arg : C.Call.arguments())
    if (model::holdsReference(*Arg, OwnerFunctions) ||
        model::ownedMemberIn(*Arg))
      return nullptr;
  // The coroutine takes a reference to its object itself
  // ('auto self = shared_from_this();').
  if (takesOwner(C.Coro) ||
      model::spawnKeepsObject(C.Caller.Body, F.Where, Lib.SpawnFunctions,
                              OwnerFunctions))
    return nullptr;
  return firstLateUse(C.Coro, -1, C.Caller.Ctx);
}

const DanglingReferenceCheck::DetachedSelf *
DanglingReferenceCheck::detachedSelf(const CXXMethodDecl &M, ASTContext &Ctx) {
  // Helpers are followed a few calls deep.
  if (HelperDepth > 3)
    return nullptr;
  auto [It, New] = DetachedSelves.try_emplace(&M, std::nullopt);
  if (!New)
    return It->second ? &*It->second : nullptr;
  const Stmt *Body = M.getBody();
  if (!Body || model::getCoroutineBody(M))
    return nullptr;
  CheckedFunction Spawner(M, *Body, Ctx, Lib, Facts);
  std::optional<DetachedSelf> Found;
  ++HelperDepth;
  Spawner.forEachStmt([&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const Expr *Object = Call ? Call->getImplicitObjectArgument() : nullptr;
    if (Found || !Object || !isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
      return;
    const FunctionDecl *Coro = model::calledDefinition(*Call);
    if (!Coro || Coro->isDependentContext() ||
        model::isLambdaCallOperator(*Coro))
      return;
    // A helper of the class that spawns in turn ('start' calls 'do_start');
    // one that is being summarised (recursion) says nothing.
    if (!model::getCoroutineBody(*Coro)) {
      if (const auto *Helper = dyn_cast<CXXMethodDecl>(Coro);
          Helper && Helper->isInstance())
        if (const DetachedSelf *Inner = detachedSelf(*Helper, Ctx))
          Found = *Inner;
      return;
    }
    CoroutineCall C{*Call, *Coro, Spawner, model::lazinessOfCoroutine(*Coro)};
    model::TaskFate F = C.fate();
    if (const Stmt *Use = unownedDetachedUse(C, F))
      Found = DetachedSelf{Coro, F, Use, C.lazy()};
  });
  --HelperDepth;
  DetachedSelves[&M] = Found;
  auto Cached = DetachedSelves.find(&M);
  return Cached->second ? &*Cached->second : nullptr;
}

void DanglingReferenceCheck::checkDetachingCalls(CheckedFunction &F) {
  model::forEachDetachingCall(
      F.Body, F.flow(), Lib.SyncWaitFunctions, Lib.JoinMembers,
      F.Ctx.getSourceManager(),
      [&](const CXXMethodDecl &M) { return detachedSelf(M, F.Ctx) != nullptr; },
      [&](const model::DetachingCall &D) {
        if (!reportOnce(D.Call.getBeginLoc()))
          return;
        const CXXMethodDecl *M = &D.Method;
        const CXXMemberCallExpr *Call = &D.Call;
        const DetachedSelf *Self = detachedSelf(D.Method, F.Ctx);
        const VarDecl *Owner = D.Death.Owner.Var;
        if (Owner)
          diag(Call->getBeginLoc(),
               "%0 runs %1 detached on an object owned by "
               "local %2, which is destroyed while the task "
               "may still run")
              << model::describeFunction(*M)
              << model::describeFunction(*Self->Coro) << Owner;
        else
          diag(Call->getBeginLoc(), "%0 runs %1 detached on a temporary object "
                                    "that is destroyed before the task is done "
                                    "with it")
              << model::describeFunction(*M)
              << model::describeFunction(*Self->Coro);
        addLifetimeNotes(*this, F.Ctx.getSourceManager(), Self->Fate,
                         {"the object", Owner, D.Death.Dies}, Self->Use,
                         "the object", Self->Lazy);
      },
      &F.own());
}

} // namespace clang::tidy::async

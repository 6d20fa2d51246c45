//===--- CallLifetimes.cpp - async-lint -----------------------------------===//

#include "CallLifetimes.h"
#include "ArgumentDeaths.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "DeclaredCoroutines.h"
#include "DetachedParameters.h"
#include "ErasedCalls.h"
#include "ForwardedArguments.h"
#include "JoiningDestructors.h"
#include "JoiningTasks.h"
#include "LocalResumers.h"
#include "OwnedResumers.h"
#include "Owners.h"
#include "SummaryPlaces.h"
#include "TaskWaits.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The steps every call-site finding ends with: the task's fate, where
/// \p What dies, where the coroutine uses it.
void addCallSteps(LifetimeEvidence &E, const CoroutineCall &C,
                  const TaskFate &F, const Referent &What, SourceLocation Dies,
                  const Stmt *Use, llvm::StringRef UseName) {
  addLifetimeSteps(E, C.Coro.getASTContext().getSourceManager(), F,
                   {"the temporary",
                    What.What == Referent::Kind::Local ? What.Var : nullptr,
                    Dies},
                   Use, UseName, C.lazy());
}

/// Why a declared-only coroutine borrows: its type, or an attribute.
void addBorrowStep(LifetimeEvidence &E, const CoroutineCall &C, Borrow B) {
  int Why = B == Borrow::CoroLifetimebound ? 1 : B == Borrow::Unknown ? 2 : 0;
  E.add(Said::DeclaredBorrow, C.Coro.getLocation(),
        {&C.Coro, C.Coro.getReturnType(), Why});
}

/// The warning of an argument of a declared coroutine that dies while its
/// task may still use it.
void addDeclaredWarning(LifetimeEvidence &E, const CoroutineCall &C,
                        const ParmVarDecl &Param, const Expr &Arg,
                        const ArgumentDeath &D) {
  if (D.R.What == Referent::Kind::Temporary)
    E.add(Said::DeclaredParamTemporary, Arg.getBeginLoc(), {&Param, &C.Coro},
          Arg.getSourceRange());
  else
    E.add(Said::DeclaredParamLocal, Arg.getBeginLoc(),
          {&Param, &C.Coro, D.R.Var}, Arg.getSourceRange());
}

/// An argument of a declared coroutine that another unit's summary says
/// uses the parameter after it may have suspended: the note at that use, in
/// the other unit's file, replaces the one at the declaration. Asked only
/// once the argument is known to die before the task is done.
std::optional<LifetimeEvidence> summarisedArgument(const CoroutineCall &C,
                                                   unsigned Index,
                                                   const ParmVarDecl &Param,
                                                   const Expr &Arg,
                                                   const CallLifetimeRules &R) {
  std::optional<ArgumentDeath> D = summarisedArgumentDeath(C, Param, Arg);
  ASTContext &Ctx = C.Coro.getASTContext();
  const SummaryStep *Use =
      D ? R.Borrows->borrowed(C.Coro, Index, Ctx) : nullptr;
  if (!Use)
    return std::nullopt;
  LifetimeEvidence E;
  addDeclaredWarning(E, C, Param, Arg, *D);
  addCallSteps(E, C, D->Fate, D->R, D->Dies, nullptr, "");
  SourceLocation At = locationOf(*Use, Ctx.getSourceManager());
  if (At.isValid())
    E.add(C.lazy() ? Said::UsedWhenTaskRuns : Said::UsedAfterSuspending, At,
          {Use->Callee});
  else
    E.add(Said::SummarisedUse, Arg.getBeginLoc(),
          {Use->Callee, Use->File + ":" + std::to_string(Use->Line) + ":" +
                            std::to_string(Use->Column)});
  return E;
}

std::optional<LifetimeEvidence> declaredArgument(const CoroutineCall &C,
                                                 unsigned Index,
                                                 const ParmVarDecl &Param,
                                                 const Expr &Arg,
                                                 const CallLifetimeRules &R) {
  if (R.Borrows && R.Borrows->active())
    if (std::optional<LifetimeEvidence> E =
            summarisedArgument(C, Index, Param, Arg, R))
      return E;
  if (R.Overrides && !R.Overrides->mayBorrow(C.Call, Index))
    return std::nullopt;
  Borrow B;
  std::optional<ArgumentDeath> D =
      declaredArgumentDeath(C, Param, Arg, R.DeclaredEagerTemporaries, B);
  if (!D)
    return std::nullopt;
  LifetimeEvidence E;
  addDeclaredWarning(E, C, Param, Arg, *D);
  addCallSteps(E, C, D->Fate, D->R, D->Dies, nullptr, "");
  if (B == Borrow::Lifetimebound)
    E.add(Said::DeclaredLifetimebound, Param.getLocation(), {&Param});
  else
    addBorrowStep(E, C, B);
  if (R.Overrides && R.Overrides->judgedByType(C.Call))
    E.add(Said::DeclaredVirtual, C.Coro.getLocation(), {&C.Coro});
  return E;
}

/// True when the task of \p C, of fate \p F, is dropped and its type's
/// destructor waits for its coroutine (its body here, or another unit's
/// `joins` summary of it): the statement outlives the task; or
/// when the only executor that can resume it is joined before the local
/// \p D dies (OwnedResumers.h), or it is dropped and only the caller's own
/// local objects resume it (LocalResumers.h).
bool joinedWhenDropped(const CoroutineCall &C, const ArgumentDeath &D,
                       const CallLifetimeRules &R) {
  if (!R.BlockingWaits)
    return false;
  // Its destructor's body here, or else another unit's summary of it.
  if (D.Fate.What == TaskFate::Kind::Dropped &&
      (destructorWaitsForCoroutine(C.Call.getType(), *R.BlockingWaits) ||
       (R.Joins && R.Joins->joins(C.Call.getType(), C.Coro.getASTContext()))))
    return true;
  if (D.R.What != Referent::Kind::Local || !D.R.Var || D.Fate.ViaReturn)
    return false;
  return resumersJoinedBefore(C.CallerBody, C.Call, C.Coro, *D.R.Var,
                              {R.A.Lib.JoinFunctions, *R.BlockingWaits}) ||
         (D.Fate.What == TaskFate::Kind::Dropped &&
          resumedOnlyByLocals(C.CallerBody, C.Call, C.Coro, *D.R.Var,
                              *R.BlockingWaits));
}

/// The note at the spawn of another unit's function that detaches the task
/// (its `detaches` summary), or at the call that hands the task to it when
/// the place is no longer in its file.
void addDetachStep(LifetimeEvidence &E, const DetachedHandOff &H,
                   SourceManager &SM) {
  const SummaryStep &Spawn = *H.Spawn;
  SourceLocation At = locationOf(Spawn, SM);
  if (At.isValid()) {
    E.add(Said::SummarisedDetach, At, {Spawn.Caller, Spawn.Callee});
    return;
  }
  E.add(Said::SummarisedDetachMoved, H.HandedAt->getBeginLoc(),
        {Spawn.Caller,
         Spawn.File + ":" + std::to_string(Spawn.Line) + ":" +
             std::to_string(Spawn.Column),
         Spawn.Callee});
}

/// True when the caller ends the process unless the task of \p Coro (of
/// fate \p F) is done, on every path before \p Dying dies: read as for a
/// coroutine lambda's task (TaskWaits; its signals and joins are read here).
bool checkedDone(const CallerOf &Caller, const FunctionDecl &Coro,
                 const CallLifetimeRules &R, const TaskFate &F,
                 const VarDecl &Dying) {
  return R.OwnWaits && Caller.Decl &&
         R.OwnWaits->waitedOut(*Caller.Decl, Caller.Body, R.A.Session, Coro, F,
                               Dying, /*OnlyChecks=*/true);
}

std::optional<LifetimeEvidence> argument(const CoroutineCall &C, unsigned Index,
                                         const Expr &Arg,
                                         const CallLifetimeRules &R,
                                         WaitsOutCall Waited) {
  const ParmVarDecl *Param = C.Coro.getParamDecl(Index);
  if (!Param || isa<CXXDefaultArgExpr>(Arg) || !R.refersThrough(*Param))
    return std::nullopt;
  if (C.Declared)
    return declaredArgument(C, Index, *Param, Arg, R);
  // A task handed to code the flow does not follow: a function of another
  // unit whose summary says it detaches the task outlives the caller.
  std::optional<DetachedHandOff> HandOff;
  auto Unknown = [&]() -> std::optional<TaskFate> {
    if (!R.Detaches || !R.Detaches->active() ||
        !(HandOff = R.Detaches->handOff(C.Call, C.CallerBody,
                                        C.Coro.getASTContext())))
      return std::nullopt;
    TaskFate Handed{TaskFate::Kind::Escapes, HandOff->HandedAt->getBeginLoc(),
                    "spawned detached here", /*OnExecutor=*/true};
    Handed.Spawn = HandOff->HandedAt;
    return Handed;
  };
  std::optional<ArgumentDeath> D =
      argumentDeath(C, Index, Arg, R.Late, R.A, Unknown, Waited);
  if (!D || joinedWhenDropped(C, *D, R))
    return std::nullopt;
  LifetimeEvidence E;
  std::string Coro = describeFunction(C.Coro);
  if (D->R.What == Referent::Kind::Temporary)
    E.add(Said::ParamTemporary, Arg.getBeginLoc(), {Param, Coro},
          Arg.getSourceRange());
  else
    E.add(Said::ParamLocal, Arg.getBeginLoc(), {Param, Coro, D->R.Var},
          Arg.getSourceRange());
  addCallSteps(E, C, D->Fate, D->R, D->Dies, D->Use,
               "'" + Param->getName().str() + "'");
  if (HandOff)
    addDetachStep(E, *HandOff, C.Coro.getASTContext().getSourceManager());
  return E;
}

std::optional<LifetimeEvidence> declaredObject(const CoroutineCall &C,
                                               const Expr &Object) {
  Borrow B;
  std::optional<ArgumentDeath> D = declaredObjectDeath(C, Object, B);
  if (!D)
    return std::nullopt;
  LifetimeEvidence E;
  SourceLocation At = C.Call.getBeginLoc();
  if (D->R.What == Referent::Kind::Temporary)
    E.add(Said::DeclaredObjectTemporary, At, {&C.Coro},
          Object.getSourceRange());
  else
    E.add(Said::DeclaredObjectLocal, At, {&C.Coro, D->R.Var},
          Object.getSourceRange());
  addCallSteps(E, C, D->Fate, D->R, D->Dies, nullptr, "");
  addBorrowStep(E, C, B);
  return E;
}

/// The object of a member coroutine called on a temporary or a local that
/// dies too early; std::nullopt inside when there is none, and none at all
/// when the object is neither (another rule judges it).
std::optional<std::optional<LifetimeEvidence>>
object(const CoroutineCall &C, const Expr &Object, const CallLifetimeRules &R) {
  Referent Ref = TaskFlow::referentOf(&Object, false);
  if (Ref.What == Referent::Kind::Other)
    return std::nullopt;
  std::optional<ArgumentDeath> D = objectDeath(C, Ref, R.Late, R.A);
  if (!D || joinedWhenDropped(C, *D, R))
    return std::optional<LifetimeEvidence>();
  LifetimeEvidence E;
  std::string Coro = describeFunction(C.Coro);
  if (Ref.What == Referent::Kind::Temporary)
    E.add(Said::ObjectTemporary, C.Call.getBeginLoc(), {Coro},
          Object.getSourceRange());
  else
    E.add(Said::ObjectLocal, C.Call.getBeginLoc(), {Coro, Ref.Var},
          Object.getSourceRange());
  addCallSteps(E, C, D->Fate, Ref, D->Dies, D->Use, "the object");
  return std::optional<LifetimeEvidence>(std::move(E));
}

/// '*this' itself: only a class made to be owned by shared_ptr tells, by
/// itself, that nothing else keeps it alive; other classes are judged where
/// the member function that spawns is called (detachingCallLifetimes).
/// StrictDetachedThis: any class, a detached task must own what it uses.
std::optional<LifetimeEvidence> detachedThis(const CoroutineCall &C,
                                             const TaskFate &F, const Stmt &Use,
                                             const CallLifetimeRules &R) {
  const CXXRecordDecl *Class = cast<CXXMethodDecl>(&C.Coro)->getParent();
  bool Shared = isSharedFromThisClass(Class);
  if ((!Shared && !R.StrictDetachedThis) || mayJoinOnDestruction(Class))
    return std::nullopt;
  LifetimeEvidence E;
  E.add(Said::DetachedThis, C.Call.getBeginLoc(), {describeFunction(C.Coro)});
  E.add(Said::TaskIs, F.Where, {std::string(F.How)});
  addUseStep(E, Use, "the object", C.lazy());
  if (Shared)
    E.add(Said::SharedFromThisFix, C.Call.getBeginLoc(), {0});
  return E;
}

/// A member coroutine run detached on an object nothing keeps alive: on
/// '*this', or through a pointer whose owner dies with it.
std::optional<LifetimeEvidence> detachedObject(const CoroutineCall &C,
                                               const Expr &Object,
                                               const CallLifetimeRules &R) {
  TaskFate F = C.fate();
  const Stmt *Use = R.Detached.unownedDetachedUse(C, F, R.A);
  if (!Use)
    return std::nullopt;
  if (isa<CXXThisExpr>(Object.IgnoreParenImpCasts()))
    return detachedThis(C, F, *Use, R);
  ObjectOwner Owner = ownerOfObject(Object, C.CallerBody);
  SourceLocation Dies = ownerDiesBeforeTask(Owner, C, F, R.A.Lib);
  if (Dies.isInvalid())
    return std::nullopt;
  LifetimeEvidence E;
  std::string Coro = describeFunction(C.Coro);
  if (Owner.Var)
    E.add(Said::DetachedOwnedByLocal, C.Call.getBeginLoc(), {Coro, Owner.Var});
  else
    E.add(Said::DetachedOwnedByTemporary, C.Call.getBeginLoc(), {Coro});
  addCallSteps(E, C, F, ownerReferent(Owner), Dies, Use, "the object");
  return E;
}

/// \p At, passed by \p Call for parameter \p Index (-1: the object) of
/// \p Wrapper as the argument of \p Outer, reaching a coroutine that
/// outlives it; \p Erased: through a type-erased function object.
std::optional<LifetimeEvidence>
forwarded(const CallExpr &Call, const CallerOf &Caller,
          const FunctionDecl &Wrapper, int Index, const ParmVarDecl *Outer,
          const Expr &At, bool Erased, const CallLifetimeRules &R) {
  std::optional<ForwardedDeath> D = forwardedArgumentDeath(
      Call, Caller.Flow, Wrapper, Index, Outer, At,
      [&](const ParmVarDecl &P) { return R.refersThrough(P); }, R.Late, R.A);
  if (!D)
    return std::nullopt;
  const FunctionDecl &Coro = *D->Fwd.Coro;
  std::string What =
      Index >= 0
          ? "parameter '" + Wrapper.getParamDecl(Index)->getName().str() + "'"
          : std::string("its object");
  std::string Via = Erased ? "the function object" : describeFunction(Wrapper);
  LifetimeEvidence E;
  bool Local = D->R.What == Referent::Kind::Local;
  if (!Local)
    E.add(Said::ForwardedTemporary, At.getBeginLoc(),
          {Via, What, describeFunction(Coro)}, At.getSourceRange());
  else
    E.add(Said::ForwardedLocal, At.getBeginLoc(),
          {Via, What, describeFunction(Coro), D->R.Var}, At.getSourceRange());
  int CoroIndex = D->Fwd.CoroIndex;
  addLifetimeSteps(
      E, Wrapper.getASTContext().getSourceManager(), D->Fate,
      {"the temporary", Local ? D->R.Var : nullptr, D->Dies}, D->Use,
      CoroIndex >= 0 ? "'" + Coro.getParamDecl(CoroIndex)->getName().str() + "'"
                     : std::string("the object"),
      D->Lazy == Laziness::Lazy);
  if (Erased)
    E.add(Said::FunctionObjectHolds, Wrapper.getLocation(),
          {describeFunction(Wrapper)});
  if (D->Fwd.Hop)
    E.add(Said::HandsItOn, D->Fwd.Hop->getBeginLoc(),
          {describeFunction(Wrapper)});
  else if (D->Declared)
    E.add(Said::DeclaredBorrow, Coro.getLocation(),
          {&Coro, Coro.getReturnType(), 0});
  return E;
}

} // namespace

LifetimeFindings coroutineCallLifetimes(const CallExpr &Call,
                                        const FunctionDecl &Coro,
                                        const CallerOf &Caller,
                                        const CallLifetimeRules &R) {
  LifetimeFindings Found;
  auto Add = [&](std::optional<LifetimeEvidence> E) {
    if (E)
      Found.push_back(std::move(*E));
  };
  CoroutineCall C =
      coroutineCall(Call, Coro, Caller.Body, Caller.Flow, &R.A.Session);
  CallObject O = callObject(Call, Coro, true);
  auto Waited = [&](const TaskFate &F, const VarDecl &Dying) {
    return checkedDone(Caller, Coro, R, F, Dying);
  };
  for (unsigned I = 0;
       I < Coro.getNumParams() && I + O.Offset < Call.getNumArgs(); ++I)
    Add(argument(C, I, *Call.getArg(I + O.Offset), R, Waited));
  // The object of a member coroutine is its implicit reference parameter.
  // Lambdas are async-lambda-capture-lifetime's.
  if (!O.Object || !O.Instance || isLambdaCallOperator(Coro))
    return Found;
  if (C.Declared) {
    Add(declaredObject(C, *O.Object));
    return Found;
  }
  if (std::optional<std::optional<LifetimeEvidence>> E =
          object(C, *O.Object, R))
    Add(std::move(*E));
  else
    Add(detachedObject(C, *O.Object, R));
  return Found;
}

LifetimeFindings detachingCallLifetimes(
    const Stmt &Body, llvm::function_ref<const TaskFlow &()> Flow,
    const SourceManager &SM, const OwnStmts *Own, const CallLifetimeRules &R) {
  LifetimeFindings Found;
  forEachDetachingCall(
      Body, Flow, R.A.Lib.SyncWaitFunctions, R.A.Lib.JoinMembers, SM,
      [&](const CXXMethodDecl &M) {
        return R.Detached.detachedSelf(M, R.A) != nullptr;
      },
      [&](const DetachingCall &D) {
        const DetachedSelf *Self = R.Detached.detachedSelf(D.Method, R.A);
        const VarDecl *Owner = D.Death.Owner.Var;
        LifetimeEvidence &E = Found.emplace_back();
        std::string Method = describeFunction(D.Method);
        std::string Coro = describeFunction(*Self->Coro);
        if (Owner)
          E.add(Said::DetachingCallLocal, D.Call.getBeginLoc(),
                {Method, Coro, Owner});
        else
          E.add(Said::DetachingCallTemporary, D.Call.getBeginLoc(),
                {Method, Coro});
        addLifetimeSteps(E, SM, Self->Fate, {"the object", Owner, D.Death.Dies},
                         Self->Use, "the object", Self->Lazy);
      },
      Own);
  return Found;
}

LifetimeFindings wrapperCallLifetimes(const CallExpr &Call,
                                      const FunctionDecl &Callee,
                                      const CallerOf &Caller,
                                      const CallLifetimeRules &R) {
  LifetimeFindings Found;
  // A wrapper returns the task it got from the coroutine, by value; the
  // library's spawns, combinators, keep-alive wrappers (which keep the
  // arguments in a frame of their own) and waits are not wrappers.
  QualType Result = Callee.getReturnType();
  if (Result.isNull() || Result->isDependentType() ||
      Result->isReferenceType() || !isTaskType(Result) ||
      isLibraryTaskCall(Call, R.A.Lib))
    return Found;
  CallObject O = callObject(Call, Callee, false);
  // A function object runs the function it was initialised with.
  const FunctionDecl *Wrapper = &Callee;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  bool Erased =
      Method && R.FunctionWrappers.matches(canonicalName(*Method->getParent()));
  if (Erased)
    Wrapper = O.Object ? storedTarget(*O.Object, Caller.Body) : nullptr;
  // No target shown: the function object's type is all there is to read.
  if (Erased && !Wrapper && O.Object)
    return erasedCallLifetimes(Call, *Method, *O.Object, Caller, R);
  if (!Wrapper)
    return Found;
  auto Add = [&](std::optional<LifetimeEvidence> E) {
    if (E)
      Found.push_back(std::move(*E));
  };
  for (unsigned I = 0;
       I < Callee.getNumParams() && I < Wrapper->getNumParams() &&
       I + O.Offset < Call.getNumArgs();
       ++I) {
    const ParmVarDecl *Param = Callee.getParamDecl(I);
    const Expr *Arg = Call.getArg(I + O.Offset);
    if (isa<CXXDefaultArgExpr>(Arg) || !R.refersThrough(*Param))
      continue;
    Add(forwarded(Call, Caller, *Wrapper, static_cast<int>(I), Param, *Arg,
                  Erased, R));
  }
  // The object of a member wrapper, when the wrapper calls a member
  // coroutine on it; the object of a lambda is its closure, not borrowed.
  if (O.Object && O.Instance && !Erased && !isLambdaCallOperator(Callee))
    Add(forwarded(Call, Caller, Callee, -1, nullptr, *O.Object, false, R));
  return Found;
}

} // namespace clang::tidy::async::model

//===--- DanglingReferenceWrappers.cpp - async-lint -----------------------===//
//
// async-dangling-reference, wrappers: a temporary or a local reaches a
// coroutine's reference parameter (or its object) through a function, member
// function or lambda that is not a coroutine and returns the coroutine's
// task, or through a type-erased function object (std::function) whose
// target the calling function shows. The wrapper's visible body says where
// its parameter goes; the coroutine's body (or its lazy task type) says
// when it is used.
//
//===----------------------------------------------------------------------===//

#include "../Model/Awaitables.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/ForwardedParameters.h"
#include "../Model/NameMatcher.h"
#include "DanglingReferenceCheck.h"
#include "LifetimeNotes.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

using model::Referent;

void DanglingReferenceCheck::checkForwarded(const CallExpr &Call,
                                            CheckedFunction &Caller,
                                            const FunctionDecl &Wrapper,
                                            int Index, const ParmVarDecl *Outer,
                                            const Expr &At, bool Erased) {
  // The target of a function object is the coroutine itself, or a wrapper.
  std::optional<model::ForwardedParameter> Fwd =
      model::isCoroutine(Wrapper)
          ? model::ForwardedParameter{nullptr, &Wrapper, Index}
          : model::forwardedParameter(Wrapper, Index);
  if (!Fwd)
    return;
  const FunctionDecl &Coro = *Fwd->Coro;
  const ParmVarDecl *CoroParam = nullptr;
  if (Fwd->CoroIndex >= 0) {
    if (Fwd->CoroIndex >= static_cast<int>(Coro.getNumParams()))
      return;
    CoroParam = Coro.getParamDecl(Fwd->CoroIndex);
    if (!refersThrough(*CoroParam))
      return;
  }
  // A coroutine's reference parameter (or object) refers to what the
  // caller's argument is, only when the wrapper takes it by reference too;
  // a pointer or view the coroutine copies refers to what the argument
  // points into, however the wrapper passed the value on (asio's
  // async_initiate takes a 'this' pointer by forwarding reference).
  bool Indirect = CoroParam && !CoroParam->getType()->isReferenceType();
  if (!Indirect && Outer && !Outer->getType()->isReferenceType())
    return;
  // The value a forwarding reference binds (a materialised pointer) is not
  // what the coroutine's copy points into.
  model::Referent R = model::TaskFlow::referentOf(
      Indirect ? At.IgnoreImplicit() : &At, Indirect);
  if (R.What == Referent::Kind::Other)
    return;
  // A coroutine defined here uses the parameter where its body says; one
  // declared only, whenever its lazy task runs.
  bool Declared = !Coro.hasBody();
  model::Laziness L = Declared
                          ? model::lazinessOfEveryPromise(Coro.getReturnType())
                          : model::lazinessOfCoroutine(Coro);
  const Stmt *Use =
      Declared ? nullptr : firstLateUse(Coro, Fwd->CoroIndex, Caller.Ctx);
  if (Declared ? L != model::Laziness::Lazy : !Use)
    return;
  model::TaskFate Fate = Caller.flow().fateOf(&Call);
  SourceLocation Dies = Caller.flow().diesBeforeTask(R, &Call, Fate, L);
  if (Dies.isInvalid() || !reportOnce(At.getBeginLoc()))
    return;
  std::string What =
      Index >= 0
          ? "parameter '" + Wrapper.getParamDecl(Index)->getName().str() + "'"
          : std::string("its object");
  std::string Via =
      Erased ? "the function object" : model::describeFunction(Wrapper);
  if (R.What == Referent::Kind::Temporary)
    diag(At.getBeginLoc(), "%0 passes %1 on to %2, which refers to a "
                           "temporary destroyed before the task is done")
        << Via << What << model::describeFunction(Coro) << At.getSourceRange();
  else
    diag(At.getBeginLoc(), "%0 passes %1 on to %2, which refers to local %3, "
                           "destroyed while the task may still run")
        << Via << What << model::describeFunction(Coro) << R.Var
        << At.getSourceRange();
  addLifetimeNotes(
      *this, Caller.Ctx.getSourceManager(), Fate,
      {"the temporary", R.What == Referent::Kind::Local ? R.Var : nullptr,
       Dies},
      Use,
      Fwd->CoroIndex >= 0
          ? "'" + Coro.getParamDecl(Fwd->CoroIndex)->getName().str() + "'"
          : std::string("the object"),
      L == model::Laziness::Lazy);
  if (Erased)
    diag(Wrapper.getLocation(), "the function object holds %0",
         DiagnosticIDs::Note)
        << model::describeFunction(Wrapper);
  if (Fwd->Hop)
    diag(Fwd->Hop->getBeginLoc(), "%0 hands it on here", DiagnosticIDs::Note)
        << model::describeFunction(Wrapper);
  else if (Declared)
    diag(Coro.getLocation(),
         "%0 is declared here; %1 is a lazy task type: the body runs only "
         "after the call has returned",
         DiagnosticIDs::Note)
        << &Coro << Coro.getReturnType();
}

void DanglingReferenceCheck::checkWrapperCall(const CallExpr &Call,
                                              const FunctionDecl &Callee,
                                              CheckedFunction &Caller) {
  // A wrapper returns the task it got from the coroutine, by value.
  QualType Result = Callee.getReturnType();
  if (Result.isNull() || Result->isDependentType() ||
      Result->isReferenceType() || !model::isTaskType(Result))
    return;
  // The library's spawns, combinators, keep-alive wrappers (which keep the
  // arguments in a frame of their own) and waits are not wrappers.
  std::optional<model::CallInfo> Info = model::describeCall(Call);
  if (!Info)
    return;
  for (const model::NameMatcher *List :
       {&Lib.SpawnFunctions, &Lib.CombinatorFunctions, &Lib.KeepAliveFunctions,
        &Lib.SyncWaitFunctions})
    if (model::anyNameMatches(*List, *Info))
      return;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  bool Instance = Method && Method->isInstance() &&
                  !Method->isExplicitObjectMemberFunction();
  const Expr *Object = nullptr;
  unsigned Offset = 0;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Object = Member->getImplicitObjectArgument();
  else if (isa<CXXOperatorCallExpr>(Call) && Instance)
    Object = Call.getArg(0), Offset = 1;
  // A function object runs the function it was initialised with.
  const FunctionDecl *Wrapper = &Callee;
  bool Erased = Method && FunctionWrappers.matches(
                              model::canonicalName(*Method->getParent()));
  if (Erased)
    Wrapper = Object ? model::storedTarget(*Object, Caller.Body) : nullptr;
  if (!Wrapper)
    return;
  for (unsigned I = 0;
       I < Callee.getNumParams() && I < Wrapper->getNumParams() &&
       I + Offset < Call.getNumArgs();
       ++I) {
    const ParmVarDecl *Param = Callee.getParamDecl(I);
    const Expr *Arg = Call.getArg(I + Offset);
    if (isa<CXXDefaultArgExpr>(Arg) || !refersThrough(*Param))
      continue;
    checkForwarded(Call, Caller, *Wrapper, static_cast<int>(I), Param, *Arg,
                   Erased);
  }
  // The object of a member wrapper, when the wrapper calls a member
  // coroutine on it; the object of a lambda is its closure, not borrowed.
  if (Object && Instance && !Erased && !model::isLambdaCallOperator(Callee))
    checkForwarded(Call, Caller, Callee, -1, nullptr, *Object, false);
}

} // namespace clang::tidy::async

//===--- DanglingReferenceWrappers.cpp - async-lint -----------------------===//
//
// async-dangling-reference, wrappers: a temporary or a local reaches a
// coroutine's reference parameter (or its object) through a function, member
// function or lambda that is not a coroutine and returns the coroutine's
// task, or through a type-erased function object (std::function) whose
// target the calling function shows (model/ForwardedArguments).
//
//===----------------------------------------------------------------------===//

#include "../Model/Awaitables.h"
#include "../Model/CoroutineModel.h"
#include "../Model/ForwardedArguments.h"
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
  auto Flow = [&]() -> const model::TaskFlow & { return Caller.flow(); };
  std::optional<model::ForwardedDeath> D = model::forwardedArgumentDeath(
      Call, Flow, Wrapper, Index, Outer, At,
      [&](const ParmVarDecl &P) { return refersThrough(P); }, LateUses,
      analyses());
  if (!D || !reportOnce(At.getBeginLoc()))
    return;
  const FunctionDecl &Coro = *D->Fwd.Coro;
  std::string What =
      Index >= 0
          ? "parameter '" + Wrapper.getParamDecl(Index)->getName().str() + "'"
          : std::string("its object");
  std::string Via =
      Erased ? "the function object" : model::describeFunction(Wrapper);
  if (D->R.What == Referent::Kind::Temporary)
    diag(At.getBeginLoc(), "%0 passes %1 on to %2, which refers to a "
                           "temporary destroyed before the task is done")
        << Via << What << model::describeFunction(Coro) << At.getSourceRange();
  else
    diag(At.getBeginLoc(), "%0 passes %1 on to %2, which refers to local %3, "
                           "destroyed while the task may still run")
        << Via << What << model::describeFunction(Coro) << D->R.Var
        << At.getSourceRange();
  int CoroIndex = D->Fwd.CoroIndex;
  addLifetimeNotes(
      *this, Caller.Ctx.getSourceManager(), D->Fate,
      {"the temporary", D->R.What == Referent::Kind::Local ? D->R.Var : nullptr,
       D->Dies},
      D->Use,
      CoroIndex >= 0 ? "'" + Coro.getParamDecl(CoroIndex)->getName().str() + "'"
                     : std::string("the object"),
      D->Lazy == model::Laziness::Lazy);
  if (Erased)
    diag(Wrapper.getLocation(), "the function object holds %0",
         DiagnosticIDs::Note)
        << model::describeFunction(Wrapper);
  if (D->Fwd.Hop)
    diag(D->Fwd.Hop->getBeginLoc(), "%0 hands it on here", DiagnosticIDs::Note)
        << model::describeFunction(Wrapper);
  else if (D->Declared)
    diag(Coro.getLocation(),
         "%0 is declared here; %1 is a lazy task type: the body runs only "
         "after the call has returned",
         DiagnosticIDs::Note)
        << &Coro << Coro.getReturnType();
}

void DanglingReferenceCheck::checkWrapperCall(const CallExpr &Call,
                                              const FunctionDecl &Callee,
                                              CheckedFunction &Caller) {
  // A wrapper returns the task it got from the coroutine, by value; the
  // library's spawns, combinators, keep-alive wrappers (which keep the
  // arguments in a frame of their own) and waits are not wrappers.
  QualType Result = Callee.getReturnType();
  if (Result.isNull() || Result->isDependentType() ||
      Result->isReferenceType() || !model::isTaskType(Result) ||
      model::isLibraryTaskCall(Call, Lib))
    return;
  model::CallObject O = model::callObject(Call, Callee, false);
  // A function object runs the function it was initialised with.
  const FunctionDecl *Wrapper = &Callee;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  bool Erased = Method && FunctionWrappers.matches(
                              model::canonicalName(*Method->getParent()));
  if (Erased)
    Wrapper = O.Object ? model::storedTarget(*O.Object, Caller.Body) : nullptr;
  if (!Wrapper)
    return;
  for (unsigned I = 0;
       I < Callee.getNumParams() && I < Wrapper->getNumParams() &&
       I + O.Offset < Call.getNumArgs();
       ++I) {
    const ParmVarDecl *Param = Callee.getParamDecl(I);
    const Expr *Arg = Call.getArg(I + O.Offset);
    if (isa<CXXDefaultArgExpr>(Arg) || !refersThrough(*Param))
      continue;
    checkForwarded(Call, Caller, *Wrapper, static_cast<int>(I), Param, *Arg,
                   Erased);
  }
  // The object of a member wrapper, when the wrapper calls a member
  // coroutine on it; the object of a lambda is its closure, not borrowed.
  if (O.Object && O.Instance && !Erased && !model::isLambdaCallOperator(Callee))
    checkForwarded(Call, Caller, Callee, -1, nullptr, *O.Object, false);
}

} // namespace clang::tidy::async

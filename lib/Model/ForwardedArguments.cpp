//===--- ForwardedArguments.cpp - async-lint ------------------------------===//

#include "ForwardedArguments.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "SkippedBodies.h"

namespace clang::tidy::async::model {

std::optional<ForwardedDeath> forwardedArgumentDeath(
    const CallExpr &Call, llvm::function_ref<const TaskFlow &()> Flow,
    const FunctionDecl &Wrapper, int Index, const ParmVarDecl *Outer,
    const Expr &At, llvm::function_ref<bool(const ParmVarDecl &)> RefersThrough,
    LateParameterUses &Late, const LibraryAnalyses &A) {
  // The target of a function object is the coroutine itself, or a wrapper.
  std::optional<ForwardedParameter> Fwd =
      isCoroutine(Wrapper) ? ForwardedParameter{nullptr, &Wrapper, Index}
                           : forwardedParameter(Wrapper, Index);
  if (!Fwd)
    return std::nullopt;
  const FunctionDecl &Coro = *Fwd->Coro;
  const ParmVarDecl *CoroParam = nullptr;
  if (Fwd->CoroIndex >= 0) {
    if (Fwd->CoroIndex >= static_cast<int>(Coro.getNumParams()))
      return std::nullopt;
    CoroParam = Coro.getParamDecl(Fwd->CoroIndex);
    if (!RefersThrough(*CoroParam))
      return std::nullopt;
  }
  // A coroutine's reference parameter (or object) refers to what the
  // caller's argument is, only when the wrapper takes it by reference too;
  // a pointer or view the coroutine copies refers to what the argument
  // points into, however the wrapper passed the value on (asio's
  // async_initiate takes a 'this' pointer by forwarding reference).
  bool Indirect = CoroParam && !CoroParam->getType()->isReferenceType();
  if (!Indirect && Outer && !Outer->getType()->isReferenceType())
    return std::nullopt;
  // The value a forwarding reference binds (a materialised pointer) is not
  // what the coroutine's copy points into.
  ForwardedDeath D{*Fwd, TaskFlow::referentOf(
                             Indirect ? At.IgnoreImplicit() : &At, Indirect)};
  if (D.R.What == Referent::Kind::Other)
    return std::nullopt;
  // A coroutine defined here uses the parameter where its body says; one
  // declared only, whenever its lazy task runs. One whose body the parser
  // skipped (clangd's preamble) is neither: unknown, silent.
  D.Declared = definedElsewhere(Coro);
  D.Lazy = D.Declared ? lazinessOfEveryPromise(Coro.getReturnType())
                      : lazinessOfCoroutine(Coro);
  D.Use = D.Declared ? nullptr : Late.firstLateUse(Coro, Fwd->CoroIndex, A);
  if (D.Declared ? D.Lazy != Laziness::Lazy : !D.Use)
    return std::nullopt;
  D.Fate = Flow().fateOf(&Call);
  D.Dies = Flow().diesBeforeTask(D.R, &Call, D.Fate, D.Lazy);
  if (D.Dies.isInvalid())
    return std::nullopt;
  return D;
}

} // namespace clang::tidy::async::model

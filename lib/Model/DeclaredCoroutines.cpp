//===--- DeclaredCoroutines.cpp - async-lint ------------------------------===//

#include "DeclaredCoroutines.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "SkippedBodies.h"
#include "clang/AST/Attr.h"

namespace clang::tidy::async::model {

bool DeclaredCoroutines::returnsNewTask(const FunctionDecl &Callee) {
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
              !Result->isReferenceType() && isTaskType(Result);
  ReturnsNewTask[&Callee] = Task;
  return Task;
}

const FunctionDecl *DeclaredCoroutines::calledBy(const CallExpr &Call,
                                                 const Library &Lib) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !definedElsewhere(*Callee) || Callee->isDeleted() ||
      Callee->isDependentContext() || isLambdaCallOperator(*Callee) ||
      !returnsNewTask(*Callee))
    return nullptr;
  return isLibraryTaskCall(Call, Lib) ? nullptr : Callee;
}

Borrow borrowOf(const CoroutineCall &C, const ParmVarDecl *Param) {
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

namespace {

/// The task of \p C may still use \p D's referent when it dies.
std::optional<ArgumentDeath> diesBeforeTask(const CoroutineCall &C,
                                            ArgumentDeath D) {
  D.Fate = C.fate();
  D.Dies = C.dies(D.R, D.Fate);
  if (D.Dies.isInvalid())
    return std::nullopt;
  return D;
}

} // namespace

std::optional<ArgumentDeath>
declaredArgumentDeath(const CoroutineCall &C, const ParmVarDecl &Param,
                      const Expr &Arg, bool EagerTemporaries, Borrow &B) {
  B = borrowOf(C, &Param);
  if ((B == Borrow::Unknown && !EagerTemporaries) ||
      (B == Borrow::Lazy && takesTask(Param)))
    return std::nullopt;
  ArgumentDeath D{
      TaskFlow::referentOf(&Arg, !Param.getType()->isReferenceType())};
  if (D.R.What == Referent::Kind::Other)
    return std::nullopt;
  // An eager coroutine of unknown borrowing, with EagerTemporaries: a
  // temporary, and a task awaited after the full expression, which shows
  // that the caller expects it to suspend.
  if (B == Borrow::Unknown && (D.R.What != Referent::Kind::Temporary ||
                               C.fate().What != TaskFate::Kind::AwaitedLater))
    return std::nullopt;
  return diesBeforeTask(C, D);
}

std::optional<ArgumentDeath> summarisedArgumentDeath(const CoroutineCall &C,
                                                     const ParmVarDecl &Param,
                                                     const Expr &Arg) {
  Borrow B = borrowOf(C, &Param);
  if (B == Borrow::Lifetimebound || B == Borrow::CoroLifetimebound ||
      (B == Borrow::Lazy && takesTask(Param)))
    return std::nullopt;
  ArgumentDeath D{
      TaskFlow::referentOf(&Arg, !Param.getType()->isReferenceType())};
  if (D.R.What == Referent::Kind::Other)
    return std::nullopt;
  return diesBeforeTask(C, D);
}

std::optional<ArgumentDeath>
declaredObjectDeath(const CoroutineCall &C, const Expr &Object, Borrow &B) {
  // The implicit object parameter is a reference, borrowed as the others.
  B = borrowOf(C, nullptr);
  if (B == Borrow::Unknown)
    return std::nullopt;
  ArgumentDeath D{TaskFlow::referentOf(&Object, false)};
  if (D.R.What == Referent::Kind::Other)
    return std::nullopt;
  return diesBeforeTask(C, D);
}

} // namespace clang::tidy::async::model

//===--- DanglingReferenceCalls.cpp - async-lint --------------------------===//
//
// async-dangling-reference, call-site lifetimes: a coroutine called with a
// reference, pointer or view (or, for a member coroutine, an object) whose
// referent dies while the task still uses it. A callee whose body is not in
// the translation unit is judged by its declaration (DeclaredCoroutines.h).
//
//===----------------------------------------------------------------------===//

#include "../Model/ArgumentDeaths.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Owners.h"
#include "DanglingReferenceCheck.h"
#include "LifetimeNotes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

using model::Referent;

void DanglingReferenceCheck::addNotes(const Call &C, const model::TaskFate &F,
                                      const Referent &R, SourceLocation Dies,
                                      const Stmt *Use, StringRef UseName) {
  addLifetimeNotes(*this, C.Coro.getASTContext().getSourceManager(), F,
                   {"the temporary",
                    R.What == Referent::Kind::Local ? R.Var : nullptr, Dies},
                   Use, UseName, C.lazy());
}

void DanglingReferenceCheck::checkArgument(const Call &C, unsigned Index,
                                           const Expr &Arg) {
  if (C.Declared)
    return checkDeclaredArgument(C, Index, Arg);
  const ParmVarDecl *Param = C.Coro.getParamDecl(Index);
  if (!Param || isa<CXXDefaultArgExpr>(Arg) || !refersThrough(*Param))
    return;
  std::optional<model::ArgumentDeath> D =
      model::argumentDeath(C, Index, Arg, LateUses, analyses());
  if (!D || !reportOnce(Arg.getBeginLoc()))
    return;
  if (D->R.What == Referent::Kind::Temporary)
    diag(Arg.getBeginLoc(), "parameter %0 of %1 refers to a temporary that is "
                            "destroyed before the task is done with it")
        << Param << model::describeFunction(C.Coro) << Arg.getSourceRange();
  else
    diag(Arg.getBeginLoc(), "parameter %0 of %1 refers to local %2, which is "
                            "destroyed while the task may still run")
        << Param << model::describeFunction(C.Coro) << D->R.Var
        << Arg.getSourceRange();
  addNotes(C, D->Fate, D->R, D->Dies, D->Use,
           "'" + Param->getName().str() + "'");
}

bool DanglingReferenceCheck::checkObject(const Call &C, const Expr &Object) {
  Referent R = model::TaskFlow::referentOf(&Object, false);
  if (R.What == Referent::Kind::Other)
    return false;
  std::optional<model::ArgumentDeath> D =
      model::objectDeath(C, R, LateUses, analyses());
  if (!D || !reportOnce(C.Call.getBeginLoc()))
    return true;
  if (R.What == Referent::Kind::Temporary)
    diag(C.Call.getBeginLoc(), "%0 is called on a temporary that is destroyed "
                               "before the task is done with it")
        << model::describeFunction(C.Coro) << Object.getSourceRange();
  else
    diag(C.Call.getBeginLoc(), "%0 is called on local %1, which is destroyed "
                               "while the task may still run")
        << model::describeFunction(C.Coro) << R.Var << Object.getSourceRange();
  addNotes(C, D->Fate, R, D->Dies, D->Use, "the object");
  return true;
}

void DanglingReferenceCheck::checkDetachedThis(const Call &C,
                                               const Expr &Object) {
  model::TaskFate F = C.fate();
  const Stmt *Use = Detached.unownedDetachedUse(C, F, analyses());
  if (!Use)
    return;
  const CXXRecordDecl *Class = cast<CXXMethodDecl>(&C.Coro)->getParent();
  if (isa<CXXThisExpr>(Object.IgnoreParenImpCasts())) {
    // Only a class made to be owned by shared_ptr tells, by itself, that
    // nothing else keeps '*this' alive; other classes are judged where the
    // member function that spawns is called (checkDetachingCalls). With
    // StrictDetachedThis, any class: a detached task must own what it uses.
    bool Shared = model::isSharedFromThisClass(Class);
    if ((!Shared && !StrictDetachedThis) ||
        model::mayJoinOnDestruction(Class) || !reportOnce(C.Call.getBeginLoc()))
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
  model::ObjectOwner Owner = model::ownerOfObject(Object, C.CallerBody);
  SourceLocation Dies = model::ownerDiesBeforeTask(Owner, C, F, Lib);
  if (Dies.isInvalid() || !reportOnce(C.Call.getBeginLoc()))
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
  addNotes(C, F, model::ownerReferent(Owner), Dies, Use, "the object");
}

void DanglingReferenceCheck::checkCall(const CallExpr &CE,
                                       const FunctionDecl &Coro,
                                       CheckedFunction &Caller) {
  auto Flow = [&]() -> const model::TaskFlow & { return Caller.flow(); };
  Call C = model::coroutineCall(CE, Coro, Caller.Body, Flow);
  model::CallObject O = model::callObject(CE, Coro, true);
  for (unsigned I = 0;
       I < Coro.getNumParams() && I + O.Offset < CE.getNumArgs(); ++I)
    checkArgument(C, I, *CE.getArg(I + O.Offset));
  // The object of a member coroutine is its implicit reference parameter.
  // Lambdas are async-lambda-capture-lifetime's.
  if (!O.Object || !O.Instance || model::isLambdaCallOperator(Coro))
    return;
  if (C.Declared)
    return checkDeclaredObject(C, *O.Object);
  if (!checkObject(C, *O.Object))
    checkDetachedThis(C, *O.Object);
}

void DanglingReferenceCheck::checkDeclaredArgument(const Call &C,
                                                   unsigned Index,
                                                   const Expr &Arg) {
  const ParmVarDecl *Param = C.Coro.getParamDecl(Index);
  if (!Param || isa<CXXDefaultArgExpr>(Arg) || !refersThrough(*Param))
    return;
  model::Borrow B;
  std::optional<model::ArgumentDeath> D =
      model::declaredArgumentDeath(C, *Param, Arg, DeclaredEagerTemporaries, B);
  if (!D || !reportOnce(Arg.getBeginLoc()))
    return;
  const Referent &R = D->R;
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
  addNotes(C, D->Fate, R, D->Dies, nullptr, "");
  if (B == model::Borrow::Lifetimebound)
    diag(Param->getLocation(), "%0 is declared 'lifetimebound' here",
         DiagnosticIDs::Note)
        << Param;
  else
    declaredBorrowNote(C, B);
}

void DanglingReferenceCheck::declaredBorrowNote(const Call &C,
                                                model::Borrow B) {
  diag(C.Coro.getLocation(),
       "%0 is declared here; %1 is %select{a lazy task type: the body runs "
       "only after the call has returned|marked 'coro_lifetimebound'|an "
       "eager task type: it may use the parameter after it first suspends "
       "(DeclaredEagerTemporaries)}2",
       DiagnosticIDs::Note)
      << &C.Coro << C.Coro.getReturnType()
      << (B == model::Borrow::CoroLifetimebound ? 1
          : B == model::Borrow::Unknown         ? 2
                                                : 0);
}

void DanglingReferenceCheck::checkDeclaredObject(const Call &C,
                                                 const Expr &Object) {
  model::Borrow B;
  std::optional<model::ArgumentDeath> D =
      model::declaredObjectDeath(C, Object, B);
  if (!D || !reportOnce(C.Call.getBeginLoc()))
    return;
  const Referent &R = D->R;
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
  addNotes(C, D->Fate, R, D->Dies, nullptr, "");
  declaredBorrowNote(C, B);
}

void DanglingReferenceCheck::checkStrictParameters(CheckedFunction &F) {
  for (const ParmVarDecl *Param : F.Decl.parameters()) {
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
        << Param << model::describeFunction(F.Decl);
    diag(Use->getBeginLoc(),
         "%0 is used here, after the coroutine may have suspended",
         DiagnosticIDs::Note)
        << Param;
  }
}

void DanglingReferenceCheck::checkDetachingCalls(CheckedFunction &F) {
  model::LibraryAnalyses A = analyses();
  model::forEachDetachingCall(
      F.Body, [&]() -> const model::TaskFlow & { return F.flow(); },
      Lib.SyncWaitFunctions, Lib.JoinMembers, F.Ctx.getSourceManager(),
      [&](const CXXMethodDecl &M) {
        return Detached.detachedSelf(M, A) != nullptr;
      },
      [&](const model::DetachingCall &D) {
        if (!reportOnce(D.Call.getBeginLoc()))
          return;
        const model::DetachedSelf *Self = Detached.detachedSelf(D.Method, A);
        const VarDecl *Owner = D.Death.Owner.Var;
        if (Owner)
          diag(D.Call.getBeginLoc(), "%0 runs %1 detached on an object owned "
                                     "by local %2, which is destroyed while "
                                     "the task may still run")
              << model::describeFunction(D.Method)
              << model::describeFunction(*Self->Coro) << Owner;
        else
          diag(D.Call.getBeginLoc(), "%0 runs %1 detached on a temporary "
                                     "object that is destroyed before the "
                                     "task is done with it")
              << model::describeFunction(D.Method)
              << model::describeFunction(*Self->Coro);
        addLifetimeNotes(*this, F.Ctx.getSourceManager(), Self->Fate,
                         {"the object", Owner, D.Death.Dies}, Self->Use,
                         "the object", Self->Lazy);
      },
      &F.own());
}

} // namespace clang::tidy::async

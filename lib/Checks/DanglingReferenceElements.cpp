//===--- DanglingReferenceElements.cpp - async-lint -----------------------===//
//
// async-dangling-reference, holds that other code invalidates while the
// coroutine is suspended: a reference, pointer, iterator or view into a
// member, namespace-scope or static container, or the hidden iterator of a
// range-for loop over one, used after a suspension point while other code
// may modify the container (model/ContainerHolds, ContainerModifications);
// and '*this' reached after a suspension point without checking the weak
// reference the coroutine holds to its object (model/DetachedObjects).
//
//===----------------------------------------------------------------------===//

#include "../Model/ContainerHolds.h"
#include "../Model/CoroutineModel.h"
#include "DanglingReferenceCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async {

namespace {

/// How the warning names a container: 0 a member, 1 a global, 2 a static.
unsigned containerKind(const ValueDecl &Container) {
  const auto *Shared = dyn_cast<VarDecl>(&Container);
  if (!Shared)
    return 0;
  return Shared->isStaticLocal() || Shared->isStaticDataMember() ? 2 : 1;
}

} // namespace

void DanglingReferenceCheck::reportHeldAcross(
    CheckedFunction &F, const VarDecl &Var, const DeclStmt &Declaration,
    const ValueDecl &Container, model::Held H, const CXXForRangeStmt *Loop) {
  const Stmt *Modified = Modifications.invalidationOf(Container, H, F.Ctx);
  if (!Modified)
    return;
  model::LateUse Late =
      model::lateUseOfHold(F.suspensions(), F.Body, Var, Declaration);
  SourceLocation At = Loop ? Loop->getBeginLoc() : Var.getLocation();
  if (!Late.Use || !reportOnce(At))
    return;
  if (Loop)
    diag(At, "the loop over %select{member|global|static}1 %0 holds an "
             "iterator across a suspension point, while other code may "
             "modify %0")
        << &Container << containerKind(Container);
  else
    diag(At, "%0 points into %select{member|global|static}2 %1 and is used "
             "after a suspension point, while other code may modify %1")
        << &Var << &Container << containerKind(Container);
  diag(Late.Suspension->getBeginLoc(), "the coroutine may suspend here",
       DiagnosticIDs::Note);
  diag(Modified->getBeginLoc(), "%0 is modified here", DiagnosticIDs::Note)
      << &Container;
  if (Loop)
    diag(Late.Use->getBeginLoc(),
         "the loop moves on to the next element here, after the suspension",
         DiagnosticIDs::Note);
  else
    diag(Late.Use->getBeginLoc(), "%0 is used here, after the suspension",
         DiagnosticIDs::Note)
        << &Var;
}

void DanglingReferenceCheck::checkContainerHolds(CheckedFunction &F) {
  for (const model::ContainerHold &Hold :
       model::containerHolds(F.Body, ViewTypes, &F.own()))
    reportHeldAcross(F, *Hold.Var, *Hold.Declaration, *Hold.Container, Hold.H,
                     Hold.Loop);
}

void DanglingReferenceCheck::checkWeakSelf(CheckedFunction &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F.Decl);
  if (!Method || !Method->isInstance() ||
      Method->isExplicitObjectMemberFunction() ||
      model::isLambdaCallOperator(*Method))
    return;
  std::optional<model::UncheckedWeakSelf> Weak =
      Detached.uncheckedWeakSelf(*Method, F.Body, analyses());
  if (!Weak || !reportOnce(Weak->Late.Use->getBeginLoc()))
    return;
  diag(Weak->Late.Use->getBeginLoc(), "%0 reaches '*this' after a suspension "
                                      "point without checking its weak "
                                      "reference %1")
      << model::describeFunction(*Method) << Weak->Weak;
  diag(Weak->Late.Suspension->getBeginLoc(),
       "the coroutine may suspend here, and the object may be destroyed "
       "meanwhile",
       DiagnosticIDs::Note);
  diag(Weak->Weak->getLocation(),
       "%0 is taken here; lock it after each suspension and reach the object "
       "through the locked pointer",
       DiagnosticIDs::Note)
      << Weak->Weak;
  if (Weak->Spawn.isValid())
    diag(Weak->Spawn, "the task is spawned detached here", DiagnosticIDs::Note);
}

} // namespace clang::tidy::async

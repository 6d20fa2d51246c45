//===--- DanglingReferenceContainers.cpp - async-lint ---------------------===//
//
// async-dangling-reference, more holds into shared containers: a view
// (string_view, span) of a member, namespace-scope or static container or of
// one of its elements, and the hidden iterator of a range-for loop over such
// a container, held across a suspension point while other code may modify
// the container in a way that invalidates them (ContainerInvalidation.h).
// The report that every hold into a container shares is here too.
//
//===----------------------------------------------------------------------===//

#include "../Model/ContainerInvalidation.h"
#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "../Model/NameMatcher.h"
#include "DanglingReferenceCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

namespace {

/// The variable an assignment \p S gives a new value, when it is one.
const Expr *assignedTo(const Stmt &S) {
  if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
      Assign && Assign->getOpcode() == BO_Assign)
    return Assign->getLHS()->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    return Op->getArg(0)->IgnoreParenImpCasts();
  return nullptr;
}

bool refersTo(const Stmt *S, const VarDecl &Var) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S);
  return Ref && Ref->getDecl() == &Var;
}

/// How the warning names a container: 0 a member, 1 a global, 2 a static.
unsigned containerKind(const ValueDecl &Container) {
  const auto *Shared = dyn_cast<VarDecl>(&Container);
  if (!Shared)
    return 0;
  return Shared->isStaticLocal() || Shared->isStaticDataMember() ? 2 : 1;
}

/// The container a view's initialiser \p Init looks into: the container
/// itself ('std::string_view V = Name;', 'std::span<int> S = Items;') or
/// one of its elements ('std::string_view V = Names[I];'). A container of a
/// view type (a member string_view) is not one.
const ValueDecl *viewSource(const Expr *Init, const model::NameMatcher &Views) {
  const Expr *E = Init;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      E = Construct->getNumArgs() > 0 ? Construct->getArg(0) : nullptr;
      continue;
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = Call->getMethodDecl();
      if (isa_and_nonnull<CXXConversionDecl>(M)) {
        E = Call->getImplicitObjectArgument();
        continue;
      }
      if (model::handsOutIterator(M) || model::handsOutReference(M))
        return model::containerOf(Call->getImplicitObjectArgument());
      return nullptr;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
      return Op->getOperator() == OO_Subscript
                 ? model::containerOf(Op->getArg(0))
                 : nullptr;
    const ValueDecl *Container = model::containerOf(E);
    const CXXRecordDecl *RD =
        Container ? Container->getType()->getAsCXXRecordDecl() : nullptr;
    if (!RD || Views.matches(model::canonicalName(*RD)))
      return nullptr;
    return Container;
  }
  return nullptr;
}

} // namespace

const Stmt *DanglingReferenceCheck::invalidationOf(const ValueDecl &Container,
                                                   model::Held H,
                                                   ASTContext &Ctx) {
  if (const auto *Shared = dyn_cast<VarDecl>(&Container))
    return modificationOfShared(*Shared, H, Ctx);
  return modificationOf(*cast<FieldDecl>(&Container), H);
}

void DanglingReferenceCheck::reportHeldAcross(
    CheckedFunction &F, const VarDecl &Var, const DeclStmt &Declaration,
    const ValueDecl &Container, model::Held H, const CXXForRangeStmt *Loop) {
  const Stmt *Modified = invalidationOf(Container, H, F.Ctx);
  if (!Modified)
    return;
  // A new value (a fresh lookup after the suspension) starts over: the
  // assignment ends the path, and the variable it names is not a use.
  llvm::DenseSet<const Stmt *> Assignments, Targets;
  F.forEachStmt([&](const Stmt &S) {
    const Expr *Target = assignedTo(S);
    if (refersTo(Target, Var)) {
      Assignments.insert(&S);
      Targets.insert(Target);
    }
  });
  model::LateUse Late = F.suspensions().firstUseAcross(
      Declaration,
      [&](const Stmt &S) { return refersTo(&S, Var) && !Targets.contains(&S); },
      [&](const Stmt &S) { return Assignments.contains(&S); });
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

void DanglingReferenceCheck::checkContainerViews(CheckedFunction &F) {
  F.forEachLocal([&](const VarDecl &Var, const DeclStmt &Declaration) {
    const CXXRecordDecl *RD = Var.getType()->getAsCXXRecordDecl();
    if (!Var.hasLocalStorage() || !RD ||
        !ViewTypes.matches(model::canonicalName(*RD)))
      return;
    if (const ValueDecl *Container = viewSource(Var.getInit(), ViewTypes))
      reportHeldAcross(F, Var, Declaration, *Container, model::Held::Element);
  });
  F.forEachStmt([&](const Stmt &S) {
    const auto *Loop = dyn_cast<CXXForRangeStmt>(&S);
    const DeclStmt *Begin = Loop ? Loop->getBeginStmt() : nullptr;
    const auto *Iterator = Begin && Begin->isSingleDecl()
                               ? dyn_cast<VarDecl>(Begin->getSingleDecl())
                               : nullptr;
    if (!Iterator)
      return;
    if (const ValueDecl *Container = model::containerOf(Loop->getRangeInit()))
      reportHeldAcross(F, *Iterator, *Begin, *Container, model::Held::Iterator,
                       Loop);
  });
}

} // namespace clang::tidy::async

//===--- CompletionGuards.cpp - async-lint --------------------------------===//

#include "CompletionGuards.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

namespace {

/// The class a record is instantiated from (itself when none): a field of a
/// task template is the same field in every specialisation.
const CXXRecordDecl *patternOf(const RecordDecl *RD) {
  const auto *CXX = dyn_cast_or_null<CXXRecordDecl>(RD);
  if (!CXX)
    return nullptr;
  if (const CXXRecordDecl *Pattern = CXX->getTemplateInstantiationPattern())
    CXX = Pattern;
  return CXX->getCanonicalDecl();
}

bool sameField(const FieldDecl &A, const FieldDecl &B) {
  return A.getDeclName() == B.getDeclName() &&
         patternOf(A.getParent()) == patternOf(B.getParent());
}

/// Collects the conditions of the `if`s under whose then-branch \p Site
/// runs, within \p S; true when \p S contains \p Site.
bool guardsOf(const Stmt *S, const Stmt &Site,
              llvm::SmallVectorImpl<const Expr *> &Conds) {
  if (!S)
    return false;
  if (S == &Site)
    return true;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (guardsOf(If->getThen(), Site, Conds)) {
      if (const Expr *Cond = If->getCond())
        Conds.push_back(Cond);
      return true;
    }
    return guardsOf(If->getElse(), Site, Conds);
  }
  for (const Stmt *Child : S->children())
    if (guardsOf(Child, Site, Conds))
      return true;
  return false;
}

void fieldsIn(const Stmt *S, llvm::SmallVectorImpl<const FieldDecl *> &Out) {
  if (!S)
    return;
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      Out.push_back(FD);
  for (const Stmt *Child : S->children())
    fieldsIn(Child, Out);
}

/// True when \p Written (an assignment's target, a mutated object) is \p F
/// or a part of it.
bool names(const Expr *Written, const FieldDecl &F) {
  while (Written) {
    Written = Written->IgnoreParenImpCasts();
    const auto *ME = dyn_cast<MemberExpr>(Written);
    if (!ME)
      return false;
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
        FD && sameField(*FD, F))
      return true;
    Written = ME->getBase();
  }
  return false;
}

/// True when \p S writes \p F: assigns it (or a part of it), increments it,
/// or calls a member that may change it (non-const, or unresolved in a
/// template).
bool writes(const Stmt *S, const FieldDecl &F) {
  if (!S)
    return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->isAssignmentOp() && names(BO->getLHS(), F))
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && UO->isIncrementDecrementOp() && names(UO->getSubExpr(), F))
    return true;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && !Method->isConst() &&
        names(Call->getImplicitObjectArgument(), F))
      return true;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->isAssignmentOp() && names(Op->getArg(0), F))
    return true;
  if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(S);
      Dependent && !Dependent->isImplicitAccess() &&
      names(Dependent->getBase(), F))
    return true;
  for (const Stmt *Child : S->children())
    if (writes(Child, F))
      return true;
  return false;
}

/// True when a completion member of \p RD (or of the class it is
/// instantiated from) writes \p F.
bool completionWrites(const CXXRecordDecl *RD, const FieldDecl &F) {
  for (const CXXRecordDecl *Class : {RD, patternOf(RD)}) {
    if (!Class || !Class->hasDefinition())
      continue;
    for (const Decl *D : Class->getDefinition()->decls()) {
      const FunctionDecl *FD = D->getAsFunction();
      if (!FD || !FD->getIdentifier() ||
          !llvm::is_contained(
              {"return_value", "return_void", "unhandled_exception"},
              FD->getName()))
        continue;
      if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
        FD = Pattern;
      if (writes(FD->getBody(), F))
        return true;
    }
  }
  return false;
}

/// The promise_type nested in \p RD, if any.
const CXXRecordDecl *nestedPromise(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  for (const Decl *D : RD->getDefinition()->decls())
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(D);
        Nested && Nested->getIdentifier() &&
        Nested->getName() == "promise_type")
      return Nested;
  return nullptr;
}

} // namespace

bool waitsOnlyUntilComplete(const FunctionDecl &Member, const Stmt &Site) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Member);
  if (!Method)
    return false;
  llvm::SmallVector<const Expr *, 4> Conds;
  if (!guardsOf(Member.getBody(), Site, Conds))
    return false;
  const CXXRecordDecl *Promise = nestedPromise(Method->getParent());
  for (const Expr *Cond : Conds) {
    llvm::SmallVector<const FieldDecl *, 8> Fields;
    fieldsIn(Cond, Fields);
    for (const FieldDecl *F : Fields)
      if (completionWrites(dyn_cast<CXXRecordDecl>(F->getParent()), *F) ||
          completionWrites(Promise, *F))
        return true;
  }
  return false;
}

} // namespace clang::tidy::async::model

//===--- DanglingReferenceElements.cpp - async-lint -----------------------===//
//
// async-dangling-reference, container invalidation: a reference, pointer or
// iterator into a member container, or into a namespace-scope or static one,
// used after a suspension point while other code of the class (of the
// translation unit) may modify the container.
//
//===----------------------------------------------------------------------===//

#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "DanglingReferenceCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::async {

namespace {

bool isOneOf(const CXXMethodDecl *M, std::initializer_list<StringRef> Names) {
  return M && M->getIdentifier() && llvm::is_contained(Names, M->getName());
}

/// Methods that return an iterator or a pointer into a container: whatever
/// holds their result points into it.
bool handsOutIterator(const CXXMethodDecl *M) {
  return isOneOf(M, {"begin", "end", "cbegin", "cend", "rbegin", "find", "data",
                     "lower_bound", "upper_bound"});
}

/// Methods that return a reference to an element: only a reference bound to
/// it, or its address, points into the container (a copy does not).
bool handsOutReference(const CXXMethodDecl *M) {
  return isOneOf(M, {"front", "back", "at"});
}

/// Methods that may invalidate references into a container.
bool modifiesContainer(const CXXMethodDecl *M) {
  return isOneOf(M, {"push_back", "emplace_back", "pop_back", "push_front",
                     "emplace_front", "pop_front", "insert", "emplace", "erase",
                     "clear", "resize", "reserve", "assign", "swap",
                     "shrink_to_fit", "try_emplace", "insert_or_assign",
                     "extract", "merge"});
}

/// The field of '*this' that \p E names, if any.
const FieldDecl *fieldOfThis(const Expr *E) {
  const auto *Member =
      dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(Member->getMemberDecl());
}

/// The namespace-scope or static variable (a static local, a static data
/// member) that \p E names, if any.
const VarDecl *sharedVariable(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    D = Member->getMemberDecl();
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  if (!Var || !Var->hasGlobalStorage() || Var->getType()->isReferenceType())
    return nullptr;
  return Var->getCanonicalDecl();
}

/// The container \p E names: a member of '*this' or a shared variable.
const ValueDecl *containerOf(const Expr *E) {
  if (const FieldDecl *Field = fieldOfThis(E))
    return Field;
  return sharedVariable(E);
}

/// Records, for every shared variable, the first statement of the
/// translation unit that may invalidate references into it.
class SharedModifications : public RecursiveASTVisitor<SharedModifications> {
public:
  SharedModifications(llvm::DenseMap<const VarDecl *, const Stmt *> &Found,
                      const SourceManager &SM)
      : Found(Found), SM(SM) {}

  // System headers modify none of the program's containers; skipping them
  // keeps the walk to the program's own code.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (modifiesContainer(Call->getMethodDecl()))
      note(sharedVariable(Call->getImplicitObjectArgument()), *Call);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() > 0)
      note(sharedVariable(Op->getArg(0)), *Op);
    return true;
  }

private:
  void note(const VarDecl *Var, const Stmt &S) {
    if (Var)
      Found.try_emplace(Var, &S);
  }
  llvm::DenseMap<const VarDecl *, const Stmt *> &Found;
  const SourceManager &SM;
};

/// How the warning names a container: 0 a member, 1 a global, 2 a static.
unsigned containerKind(const VarDecl *Shared) {
  if (!Shared)
    return 0;
  return Shared->isStaticLocal() || Shared->isStaticDataMember() ? 2 : 1;
}

/// The container into which \p Var's initialiser takes a reference, a
/// pointer or an iterator: 'items_.begin()', '&items_.front()', or
/// 'items_[i]' bound to a reference, on a member or a shared variable. A
/// variable that holds a copy of an element ('auto x = items_[i];') points
/// nowhere.
const ValueDecl *elementSource(const VarDecl &Var) {
  const Expr *Init = Var.getInit();
  if (!Init)
    return nullptr;
  const Expr *E = Init->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1 &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    E = Construct->getArg(0)->IgnoreImplicit();
  // A reference bound to the element, or its address: the element itself.
  bool Element = Var.getType()->isReferenceType() && Init->isGLValue();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf) {
    E = Unary->getSubExpr()->IgnoreImplicit();
    Element = true;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    if (handsOutIterator(M) || (Element && handsOutReference(M)))
      return containerOf(Call->getImplicitObjectArgument());
    return nullptr;
  }
  if (!Element)
    return nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript)
    return containerOf(Op->getArg(0));
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return containerOf(Subscript->getBase());
  return nullptr;
}

} // namespace

const Stmt *DanglingReferenceCheck::modificationOfShared(const VarDecl &Var,
                                                         ASTContext &Ctx) {
  if (!SharedWalked) {
    SharedWalked = true;
    SharedModifications(SharedModified, Ctx.getSourceManager())
        .TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  return SharedModified.lookup(Var.getCanonicalDecl());
}

const Stmt *DanglingReferenceCheck::modificationOf(const FieldDecl &Field) {
  auto [It, New] = Modifications.try_emplace(&Field, nullptr);
  if (!New)
    return It->second;
  const auto *Record = dyn_cast<CXXRecordDecl>(Field.getParent());
  if (!Record)
    return nullptr;
  const Stmt *Found = nullptr;
  for (const CXXMethodDecl *Method : Record->methods()) {
    const FunctionDecl *Def = Method->getDefinition();
    if (!Def || Found)
      continue;
    model::forEachOwnStmt(model::getUserBody(*Def), [&](const Stmt &S) {
      if (Found)
        return;
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
          Call && modifiesContainer(Call->getMethodDecl()) &&
          fieldOfThis(Call->getImplicitObjectArgument()) == &Field)
        Found = &S;
      else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
               Op && Op->getOperator() == OO_Equal &&
               fieldOfThis(Op->getArg(0)) == &Field)
        Found = &S;
    });
  }
  Modifications[&Field] = Found;
  return Found;
}

void DanglingReferenceCheck::checkElementReferences(CheckedFunction &F) {
  ASTContext &Ctx = F.Ctx;
  F.forEachLocal([&](const VarDecl &Var, const DeclStmt &Declaration) {
    const VarDecl *VD = &Var;
    const DeclStmt *DS = &Declaration;
    if (!VD->hasLocalStorage())
      return;
    const ValueDecl *Container = elementSource(*VD);
    if (!Container)
      return;
    const auto *Shared = dyn_cast<VarDecl>(Container);
    const Stmt *Modified = Shared ? modificationOfShared(*Shared, Ctx)
                                  : modificationOf(*cast<FieldDecl>(Container));
    if (!Modified)
      return;
    model::LateUse Late =
        F.suspensions().firstUseAcross(*DS, [&](const Stmt &Use) {
          const auto *Ref = dyn_cast<DeclRefExpr>(&Use);
          return Ref && Ref->getDecl() == VD;
        });
    if (!Late.Use)
      return;
    diag(VD->getLocation(), "%0 points into %select{member|global|static}2 "
                            "%1 and is used after a suspension point, while "
                            "other code may modify %1")
        << VD << Container << containerKind(Shared);
    diag(Late.Suspension->getBeginLoc(), "the coroutine may suspend here",
         DiagnosticIDs::Note);
    diag(Modified->getBeginLoc(), "%0 is modified here", DiagnosticIDs::Note)
        << Container;
    diag(Late.Use->getBeginLoc(), "%0 is used here, after the suspension",
         DiagnosticIDs::Note)
        << VD;
  });
}

} // namespace clang::tidy::async

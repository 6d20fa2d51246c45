//===--- DanglingReferenceElements.cpp - async-lint -----------------------===//
//
// async-dangling-reference, container invalidation: a reference, pointer or
// iterator into a member container, or into a namespace-scope or static one,
// used after a suspension point while other code of the class (of the
// translation unit) may modify the container.
//
//===----------------------------------------------------------------------===//

#include "../Model/ContainerInvalidation.h"
#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "DanglingReferenceCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::async {

namespace {

/// Records, for every shared variable, the first statement of the
/// translation unit that may invalidate references into it.
class SharedModifications : public RecursiveASTVisitor<SharedModifications> {
public:
  SharedModifications(HeldModifications<VarDecl> &Found,
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

  // A function template's modifications are resolved in its instantiations.
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitStmt(Stmt *S) {
    for (model::Held H : {model::Held::Iterator, model::Held::Element})
      if (const Expr *Container = model::invalidatedBy(*S, H))
        if (const VarDecl *Var = model::sharedVariable(Container))
          Found.try_emplace({Var, static_cast<int>(H)}, S);
    return true;
  }

private:
  HeldModifications<VarDecl> &Found;
  const SourceManager &SM;
};

/// The container into which \p Var's initialiser takes a reference, a
/// pointer or an iterator: 'items_.begin()', '&items_.front()', or
/// 'items_[i]' bound to a reference, on a member or a shared variable. A
/// variable that holds a copy of an element ('auto x = items_[i];') points
/// nowhere.
const ValueDecl *elementSource(const VarDecl &Var, model::Held &H) {
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
    H = Element ? model::Held::Element : model::Held::Iterator;
    if (model::handsOutIterator(M) || (Element && model::handsOutReference(M)))
      return model::containerOf(Call->getImplicitObjectArgument());
    return nullptr;
  }
  if (!Element)
    return nullptr;
  H = model::Held::Element;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript)
    return model::containerOf(Op->getArg(0));
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return model::containerOf(Subscript->getBase());
  return nullptr;
}

} // namespace

const Stmt *DanglingReferenceCheck::modificationOfShared(const VarDecl &Var,
                                                         model::Held H,
                                                         ASTContext &Ctx) {
  if (!SharedWalked) {
    SharedWalked = true;
    SharedModifications(SharedModified, Ctx.getSourceManager())
        .TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  return SharedModified.lookup({Var.getCanonicalDecl(), static_cast<int>(H)});
}

const Stmt *DanglingReferenceCheck::modificationOf(const FieldDecl &Field,
                                                   model::Held H) {
  auto [It, New] =
      Modifications.try_emplace({&Field, static_cast<int>(H)}, nullptr);
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
      const Expr *Container = Found ? nullptr : model::invalidatedBy(S, H);
      if (Container && model::fieldOfThis(Container) == &Field)
        Found = &S;
    });
  }
  Modifications[{&Field, static_cast<int>(H)}] = Found;
  return Found;
}

void DanglingReferenceCheck::checkElementReferences(CheckedFunction &F) {
  F.forEachLocal([&](const VarDecl &Var, const DeclStmt &Declaration) {
    model::Held H = model::Held::Element;
    if (!Var.hasLocalStorage())
      return;
    if (const ValueDecl *Container = elementSource(Var, H))
      reportHeldAcross(F, Var, Declaration, *Container, H);
  });
}

} // namespace clang::tidy::async

//===--- ContainerModifications.cpp - async-lint --------------------------===//

#include "ContainerModifications.h"
#include "CoroutineModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

namespace {

/// Records, for every shared variable, the first statement of the
/// translation unit that may invalidate references into it.
class SharedModifications : public RecursiveASTVisitor<SharedModifications> {
public:
  SharedModifications(HeldModifications<VarDecl> &Found,
                      const SourceManager &SM,
                      const ContainerFamilies &Families)
      : Found(Found), SM(SM), Families(Families) {}

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
    for (Held H : {Held::Iterator, Held::Element, Held::Walk})
      if (const Expr *Container = invalidatedBy(*S, H, Families))
        if (const VarDecl *Var = sharedVariable(Container))
          Found.try_emplace({Var, static_cast<int>(H)}, S);
    return true;
  }

private:
  HeldModifications<VarDecl> &Found;
  const SourceManager &SM;
  const ContainerFamilies &Families;
};

} // namespace

const Stmt *ContainerModifications::invalidationOf(const ValueDecl &Container,
                                                   Held H, ASTContext &Ctx) {
  if (const auto *Var = dyn_cast<VarDecl>(&Container))
    return modificationOfShared(*Var, H, Ctx);
  return modificationOf(*cast<FieldDecl>(&Container), H);
}

const Stmt *ContainerModifications::modificationOfShared(const VarDecl &Var,
                                                         Held H,
                                                         ASTContext &Ctx) {
  if (!SharedWalked) {
    SharedWalked = true;
    SharedModifications(Shared, Ctx.getSourceManager(), Families)
        .TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  return Shared.lookup({Var.getCanonicalDecl(), static_cast<int>(H)});
}

const Stmt *ContainerModifications::modificationOf(const FieldDecl &Field,
                                                   Held H) {
  auto [It, New] = Members.try_emplace({&Field, static_cast<int>(H)}, nullptr);
  if (!New)
    return It->second;
  const auto *Record = dyn_cast<CXXRecordDecl>(Field.getParent());
  if (!Record)
    return nullptr;
  const Stmt *Found = nullptr;
  for (const CXXMethodDecl *Method : Record->methods()) {
    const FunctionDecl *Def = Method->getDefinition();
    // A constructor runs before any coroutine of its object can: it fills
    // the container, it does not modify it under a suspended walk.
    if (!Def || Found || isa<CXXConstructorDecl>(Method))
      continue;
    forEachOwnStmt(getUserBody(*Def), [&](const Stmt &S) {
      const Expr *Container = Found ? nullptr : invalidatedBy(S, H, Families);
      if (Container && fieldOfThis(Container) == &Field)
        Found = &S;
    });
  }
  Members[{&Field, static_cast<int>(H)}] = Found;
  return Found;
}

void ContainerModifications::clear() {
  Members.clear();
  Shared.clear();
  SharedWalked = false;
}

} // namespace clang::tidy::async::model

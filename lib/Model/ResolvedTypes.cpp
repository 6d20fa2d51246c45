//===--- ResolvedTypes.cpp - async-lint -----------------------------------===//

#include "ResolvedTypes.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::async::model {

const CXXRecordDecl *recordOf(QualType T) {
  return T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
}

namespace {

/// The class of a template specialization is judged by its template, as the
/// names in a list carry no template arguments.
const CXXRecordDecl *classPattern(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
  return RD->getCanonicalDecl();
}

const CXXRecordDecl *classOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return classPattern(RD);
  // A dependent use of a template (an alias template's pattern).
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    if (const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
            Spec->getTemplateName().getAsTemplateDecl()))
      return Template->getTemplatedDecl()->getCanonicalDecl();
  return nullptr;
}

} // namespace

const CXXRecordDecl *namedClass(const NamedDecl *D) {
  for (unsigned Steps = 0; D && Steps < 8; ++Steps) {
    if (const auto *Shadow = dyn_cast<UsingShadowDecl>(D)) {
      D = Shadow->getTargetDecl();
      continue;
    }
    if (const auto *Using = dyn_cast<UsingDecl>(D)) {
      if (Using->shadow_size() == 0)
        return nullptr;
      D = *Using->shadow_begin();
      continue;
    }
    if (const auto *Typedef = dyn_cast<TypedefNameDecl>(D))
      return classOf(Typedef->getUnderlyingType());
    if (const auto *Alias = dyn_cast<TypeAliasTemplateDecl>(D))
      return classOf(Alias->getTemplatedDecl()->getUnderlyingType());
    if (const auto *Template = dyn_cast<ClassTemplateDecl>(D))
      return Template->getTemplatedDecl()->getCanonicalDecl();
    if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
      return classPattern(RD);
    return nullptr;
  }
  return nullptr;
}

llvm::SmallVector<const NamedDecl *, 2> lookupQualified(llvm::StringRef Name,
                                                        ASTContext &Ctx) {
  Name.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  llvm::SmallVector<const DeclContext *, 2> Scopes = {
      Ctx.getTranslationUnitDecl()};
  llvm::SmallVector<const NamedDecl *, 2> Found;
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (Parts[I].empty())
      return {};
    DeclarationName Id(&Ctx.Idents.get(Parts[I]));
    Found.clear();
    llvm::SmallVector<const DeclContext *, 2> Next;
    for (const DeclContext *Scope : Scopes)
      for (const NamedDecl *D : Scope->lookup(Id)) {
        Found.push_back(D);
        // A scope to look into next: a namespace (through an alias or a
        // using-declaration) or a class.
        const NamedDecl *Target = D;
        if (const auto *Shadow = dyn_cast<UsingShadowDecl>(Target))
          Target = Shadow->getTargetDecl();
        if (const auto *Alias = dyn_cast<NamespaceAliasDecl>(Target))
          Target = Alias->getNamespace();
        if (const auto *NS = dyn_cast<NamespaceDecl>(Target))
          Next.push_back(NS);
        else if (const CXXRecordDecl *RD = namedClass(Target);
                 RD && RD->hasDefinition())
          Next.push_back(RD->getDefinition());
      }
    Scopes = std::move(Next);
  }
  return Found;
}

bool ResolvedTypes::names(QualType T, ASTContext &Ctx) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return false;
  if (Names.matches(canonicalName(*RD)))
    return true;
  if (!Classes || For != &Ctx) {
    Classes.emplace();
    For = &Ctx;
    for (const std::string &Name : splitList(Names.str()))
      for (const NamedDecl *D : lookupQualified(Name, Ctx))
        if (const CXXRecordDecl *Class = namedClass(D))
          Classes->insert(Class);
  }
  return Classes->contains(RD);
}

} // namespace clang::tidy::async::model

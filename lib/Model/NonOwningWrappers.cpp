//===--- NonOwningWrappers.cpp - async-lint -------------------------------===//

#include "NonOwningWrappers.h"
#include "CaptureUses.h"
#include "CoroutineModel.h"
#include "Mentions.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The class \p T names (through references and pointers), as a template
/// when it is a specialisation.
const CXXRecordDecl *classOf(QualType T) {
  T = T.getNonReferenceType();
  while (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// True when \p Record is one of \p Wrappers.
bool isWrapper(const CXXRecordDecl *Record, const NameMatcher &Wrappers) {
  if (const auto *Spec =
          dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record))
    Record = Spec->getSpecializedTemplate()->getTemplatedDecl();
  return Record && Wrappers.matches(canonicalName(*Record));
}

/// True when \p T is \p Wrapper's type, or names it as a template argument
/// (of itself, of a pointee, at any depth up to \p Depth).
bool holdsType(QualType T, const CXXRecordDecl *Wrapper, unsigned Depth) {
  const CXXRecordDecl *Record = classOf(T);
  if (!Record || Depth == 0)
    return false;
  if (Record->getCanonicalDecl() == Wrapper->getCanonicalDecl())
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
  if (!Spec)
    return false;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
    if (Arg.getKind() == TemplateArgument::Type &&
        holdsType(Arg.getAsType(), Wrapper, Depth - 1))
      return true;
  return false;
}

/// The constructions of a wrapper around a temporary lambda in \p E, not
/// inside a lambda's body.
void wrappedLambdas(
    const Stmt *E, const NameMatcher &Wrappers,
    llvm::SmallVectorImpl<
        std::pair<const CXXConstructExpr *, const LambdaExpr *>> &Found) {
  if (!E)
    return;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    for (const Expr *Init : Lambda->capture_inits())
      wrappedLambdas(Init, Wrappers, Found);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() > 0 &&
      isWrapper(Construct->getType()->getAsCXXRecordDecl(), Wrappers))
    if (const LambdaExpr *Lambda = lambdaOf(Construct->getArg(0)))
      Found.push_back({Construct, Lambda});
  for (const Stmt *Child : E->children())
    wrappedLambdas(Child, Wrappers, Found);
}

} // namespace

LifetimeFindings heldNonOwningWrappers(const Stmt &S,
                                       const NameMatcher &Wrappers,
                                       const EnclosingFunction &Encl,
                                       const ClosureLifetimeRules &R) {
  LifetimeFindings Found;
  const Expr *Value = nullptr;
  const VarDecl *Keeper = nullptr;
  if (const auto *Ret = dyn_cast<ReturnStmt>(&S)) {
    Value = Ret->getRetValue();
  } else if (const auto *Decl = dyn_cast<DeclStmt>(&S);
             Decl && Decl->isSingleDecl()) {
    Keeper = dyn_cast<VarDecl>(Decl->getSingleDecl());
    if (Keeper && Keeper->hasLocalStorage() &&
        !Keeper->getType()->isReferenceType() &&
        namesInOwnStmts(&Encl.Body, *Keeper))
      Value = Keeper->getInit();
  }
  if (!Value || Wrappers.empty())
    return Found;
  llvm::SmallVector<std::pair<const CXXConstructExpr *, const LambdaExpr *>, 1>
      Wrapped;
  wrappedLambdas(Value, Wrappers, Wrapped);
  for (auto [Construct, Lambda] : Wrapped) {
    const CXXMethodDecl *Op = capturingCoroutine(Lambda->getLambdaClass());
    const CXXRecordDecl *Wrapper = Construct->getType()->getAsCXXRecordDecl();
    if (!Op || copiesClosure(*Op) || !holdsType(Value->getType(), Wrapper, 6))
      continue;
    const Stmt *Use = R.Uses.firstCaptureUse(*Op, nullptr, true, R.A);
    if (!Use)
      continue;
    LifetimeEvidence &E = Found.emplace_back();
    E.add(Said::ClosureTemporary, Lambda->getBeginLoc());
    E.add(Said::FunctionObjectHolds,
          Keeper ? Keeper->getLocation() : S.getBeginLoc(),
          {"'" + displayName(canonicalName(*Wrapper)) +
           "', which refers to the closure and does not own it"});
    E.add(Said::TemporaryDestroyed, S.getEndLoc(),
          {std::string("the closure")});
    const auto *Ref = dyn_cast<DeclRefExpr>(Use);
    addUseStep(E, *Use,
               Ref ? "capture '" + Ref->getDecl()->getName().str() + "'"
                   : std::string("captured 'this'"),
               true);
  }
  return Found;
}

} // namespace clang::tidy::async::model

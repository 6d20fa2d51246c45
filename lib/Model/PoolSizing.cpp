//===--- PoolSizing.cpp - async-lint --------------------------------------===//

#include "PoolSizing.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "StaticLoopBounds.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

const CXXRecordDecl *canonicalRecord(QualType T) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  return RD ? RD->getCanonicalDecl() : nullptr;
}

/// The class whose objects \p FD makes: the class of a constructor, or of a
/// static member function returning one by value, pointer or smart pointer
/// (a class template whose first argument is the class).
const CXXRecordDecl *classMade(const FunctionDecl &FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  if (!Method)
    return nullptr;
  const CXXRecordDecl *Class = Method->getParent()->getCanonicalDecl();
  if (isa<CXXConstructorDecl>(Method))
    return Class;
  if (!Method->isStatic())
    return nullptr;
  QualType T = Method->getReturnType().getNonReferenceType();
  if (!T->getPointeeType().isNull())
    T = T->getPointeeType();
  const CXXRecordDecl *Made = canonicalRecord(T);
  if (Made == Class)
    return Class;
  const auto *Holder = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Holder || Holder->getTemplateArgs().size() == 0 ||
      Holder->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return canonicalRecord(Holder->getTemplateArgs()[0].getAsType()) == Class
             ? Class
             : nullptr;
}

/// The data member of \p Class that \p E names (`workers`, `this->workers`,
/// `made->workers`).
const FieldDecl *memberOf(const Expr *E, const CXXRecordDecl *Class) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(strip(E, Wrappers::Syntax));
  const auto *Field =
      Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  if (!Field || Field->getParent()->getCanonicalDecl() != Class)
    return nullptr;
  return Field;
}

/// The data member of \p Class that keeps what \p Spawn starts, found in
/// \p Body: the container of threads \p Spawn adds to (`workers.emplace_back
/// (...)`), or the container that an insertion adds \p Spawn's result to
/// (`done.push_back(std::async(...))`).
const FieldDecl *keptIn(const CallExpr &Spawn, const Stmt *Body,
                        const CXXRecordDecl *Class) {
  const FieldDecl *Found = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Insert = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Method = Insert ? Insert->getMethodDecl() : nullptr;
    if (Found || !Method || !Method->getIdentifier() ||
        !llvm::is_contained(
            {"push_back", "emplace_back", "push", "emplace", "insert"},
            Method->getName()))
      return;
    bool Inserts = Insert == &Spawn ||
                   llvm::any_of(Insert->arguments(), [&](const Expr *Arg) {
                     return strip(Arg, Wrappers::Object) == &Spawn;
                   });
    if (Inserts)
      Found = memberOf(Insert->getImplicitObjectArgument(), Class);
  });
  return Found;
}

/// True when \p Function's body, or a member function of its class that it
/// calls (shutdown(), stop()), names \p Field; \p Depth bounds the calls.
bool reaches(const FunctionDecl &Function, const FieldDecl &Field,
             unsigned Depth) {
  const FunctionDecl *Definition = Function.getDefinition();
  const Stmt *Body = Definition ? Definition->getBody() : nullptr;
  bool Found = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Found)
      return;
    if (const auto *Member = dyn_cast<MemberExpr>(&S))
      Found = Member->getMemberDecl() == &Field;
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Callee = Call ? Call->getMethodDecl() : nullptr;
    if (!Found && Depth > 0 && Callee &&
        Callee->getParent()->getCanonicalDecl() ==
            Field.getParent()->getCanonicalDecl())
      Found = reaches(*Callee, Field, Depth - 1);
  });
  return Found;
}

/// True when the workers in \p Field are joined or stopped with the object:
/// they join themselves when destroyed (a container of std::jthread), or
/// the class's own destructor reaches the member. A destructor defined in
/// another unit is taken at its word.
bool stoppedWithObject(const FieldDecl &Field) {
  const auto *Container = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Field.getType()->getAsCXXRecordDecl());
  if (Container && Container->getTemplateArgs().size() > 0 &&
      Container->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
      canonicalTypeName(Container->getTemplateArgs()[0].getAsType()) ==
          "::std::jthread")
    return true;
  const auto *Class = dyn_cast<CXXRecordDecl>(Field.getParent());
  const CXXDestructorDecl *Destructor =
      Class ? Class->getDestructor() : nullptr;
  if (!Destructor || Destructor->isImplicit() || Destructor->isDefaulted())
    return false;
  return !Destructor->isDefined() || reaches(*Destructor, Field, /*Depth=*/2);
}

} // namespace

bool sizesPool(const FunctionDecl &FD, const Stmt &Loop, ASTContext &Ctx,
               llvm::function_ref<bool(const CallExpr &)> IsSpawn) {
  const CXXRecordDecl *Class = classMade(FD);
  if (!Class || !staticallyBounded(Loop, Ctx, &FD))
    return false;
  const Stmt *Body = loopBody(Loop);
  bool Spawns = false;
  bool AllKept = true;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!AllKept || !Call || !IsSpawn(*Call))
      return;
    Spawns = true;
    const FieldDecl *Kept = keptIn(*Call, Body, Class);
    AllKept = Kept && stoppedWithObject(*Kept);
  });
  return Spawns && AllKept;
}

} // namespace clang::tidy::async::model

//===--- PerThreadGuards.cpp - async-lint ---------------------------------===//

#include "PerThreadGuards.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "SuspensionFlow.h"

namespace clang::tidy::async::model {

namespace {

/// The first mention of \p Field in \p Body.
const Stmt *fieldUseIn(const Stmt *Body, const FieldDecl &Field) {
  const Stmt *Found = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Member = dyn_cast<MemberExpr>(&S);
        Member && !Found && Member->getMemberDecl() == &Field)
      Found = Member;
  });
  return Found;
}

/// The field of 'this' that \p E names; null otherwise.
const FieldDecl *fieldOfThis(const Expr *E) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(strip(E, Wrappers::Syntax));
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(Member->getMemberDecl());
}

} // namespace

const Expr *PerThreadGuards::perThreadCapture(const Expr *Init,
                                              QualType FieldType) {
  if (const auto *Default = dyn_cast_or_null<CXXDefaultInitExpr>(
          Init ? Init->IgnoreImplicit() : nullptr))
    Init = Default->getExpr();
  if (!Init || FieldType.isNull())
    return nullptr;
  if (const Expr *Call = listedCallIn(Init, ThreadIdFunctions))
    return Call;
  if (const Expr *Call = listedCallIn(Init, PerThreadValues))
    return Call;
  if (FieldType->isReferenceType() && Bound.threadLocalOf(Init))
    return Init;
  if (FieldType->isPointerType() && Bound.addressedThreadLocal(Init))
    return Init;
  return nullptr;
}

std::optional<GuardCapture>
PerThreadGuards::captureOf(const CXXConstructorDecl &Ctor) {
  const FunctionDecl *Def = nullptr;
  if (!Ctor.isDefined(Def) || !Def->getBody())
    return std::nullopt;
  const auto *CtorDef = cast<CXXConstructorDecl>(Def);
  const CXXDestructorDecl *Dtor = CtorDef->getParent()->getDestructor();
  const FunctionDecl *DtorDef = nullptr;
  if (!Dtor || !Dtor->isDefined(DtorDef) || !DtorDef->getBody())
    return std::nullopt;
  auto Used = [&](const FieldDecl *Field,
                  const Expr *Capture) -> std::optional<GuardCapture> {
    if (!Field || !Capture)
      return std::nullopt;
    if (const Stmt *Use = fieldUseIn(DtorDef->getBody(), *Field))
      return GuardCapture{Field, Capture, Use};
    return std::nullopt;
  };
  for (const CXXCtorInitializer *Init : CtorDef->inits()) {
    const FieldDecl *Field = Init->getMember();
    if (!Field)
      continue;
    if (auto Capture =
            Used(Field, perThreadCapture(Init->getInit(), Field->getType())))
      return Capture;
  }
  std::optional<GuardCapture> Assigned;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    auto [Target, Value] = assignmentParts(&S);
    const FieldDecl *Field = Assigned ? nullptr : fieldOfThis(Target);
    if (Field)
      Assigned = Used(Field, perThreadCapture(Value, Field->getType()));
  });
  return Assigned;
}

std::optional<GuardCapture> PerThreadGuards::guardOf(const VarDecl &Var) {
  if (!Var.hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var.getType()->isReferenceType())
    return std::nullopt;
  const CXXRecordDecl *Record = Var.getType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition() || Var.getType()->isDependentType())
    return std::nullopt;
  auto Cached = [&](const CXXConstructorDecl &Ctor) {
    auto [It, New] = Captures.try_emplace(&Ctor, std::nullopt);
    if (New)
      It->second = captureOf(Ctor);
    return Captures.lookup(&Ctor);
  };
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Var.getInit() ? Var.getInit()->IgnoreImplicit() : nullptr);
  if (Construct && Construct->getConstructor() &&
      !Construct->getConstructor()->isCopyOrMoveConstructor())
    return Cached(*Construct->getConstructor());
  // Made by a function, copied or moved: what a constructor of its class
  // captured travels with the object.
  for (const CXXConstructorDecl *Ctor : Record->getDefinition()->ctors())
    if (!Ctor->isCopyOrMoveConstructor())
      if (std::optional<GuardCapture> Capture = Cached(*Ctor))
        return Capture;
  return std::nullopt;
}

std::vector<GuardAtSuspension> PerThreadGuards::atSuspensions(
    const Stmt &Body, llvm::function_ref<const SuspensionFlow &()> Flow,
    const OwnStmts *Own) {
  llvm::DenseMap<const VarDecl *, GuardCapture> Guards;
  auto Judge = [&](const VarDecl &Var) {
    if (std::optional<GuardCapture> Capture = guardOf(Var))
      Guards.try_emplace(&Var, *Capture);
  };
  auto Declares = [&](const Stmt &S) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          Judge(*Var);
  };
  // Only declarations declare guards: read from the body's own-statement
  // list, the other statements cost a class test, not a call.
  if (Own && Own->body() == &Body) {
    for (const Stmt *S : Own->all())
      if (isa<DeclStmt>(S))
        Declares(*S);
  } else {
    forEachOwnStmt(Own, &Body, Declares);
  }
  std::vector<GuardAtSuspension> Result;
  if (Guards.empty())
    return Result;
  FactTransfer T;
  auto Statement = [&](const Stmt &S, HeldFacts &Held) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (Guards.contains(dyn_cast<VarDecl>(D)))
          Held.try_emplace(D, &S);
  };
  auto Destroyed = [&](const VarDecl &Var, HeldFacts &Held) {
    Held.erase(&Var);
  };
  T.Statement = Statement;
  T.Destroyed = Destroyed;
  for (const HeldAtSuspension &Held : Flow().heldAtSuspensions(T)) {
    const auto *Var = static_cast<const VarDecl *>(Held.Key);
    Result.push_back({Var, Guards.find(Var)->second, Held.Suspension});
  }
  return Result;
}

} // namespace clang::tidy::async::model

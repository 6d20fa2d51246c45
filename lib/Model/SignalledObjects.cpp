//===--- SignalledObjects.cpp - async-lint --------------------------------===//

#include "SignalledObjects.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

const Expr *awaitTransformArg(const Expr *E) {
  E = E ? E->IgnoreImplicit() : nullptr;
  const auto *T = dyn_cast_or_null<CXXMemberCallExpr>(E);
  const IdentifierInfo *Name =
      T && T->getMethodDecl() ? T->getMethodDecl()->getIdentifier() : nullptr;
  return Name && Name->isStr("await_transform") && T->getNumArgs() == 1
             ? T->getArg(0)->IgnoreImplicit()
             : E;
}

const CallExpr *memberCallOf(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  E = E ? E->IgnoreImplicit() : nullptr;
  if (const auto *Await = dyn_cast_or_null<CoawaitExpr>(E))
    E = awaitTransformArg(Await->getCommonExpr());
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E))
    return isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) ? Op : nullptr;
  return dyn_cast_or_null<CXXMemberCallExpr>(E);
}

const Expr *derefTarget(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() == 1 &&
      (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
    return Op->getArg(0);
  if (const auto *Deref = dyn_cast_or_null<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    return Deref->getSubExpr();
  return E;
}

const Expr *syncObjectOf(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return derefTarget(Member->getImplicitObjectArgument());
  return Call.getNumArgs() ? derefTarget(awaitTransformArg(Call.getArg(0)))
                           : nullptr;
}

std::optional<MemberPath> memberPath(const Expr *E, const ValueDecl *Root) {
  MemberPath Path;
  E = strip(E, Wrappers::Object);
  // A member reached through a pointer member is another object's.
  while (const auto *Member = dyn_cast_or_null<MemberExpr>(E)) {
    if (Member->isArrow())
      return std::nullopt;
    Path.insert(Path.begin(), Member->getMemberDecl());
    E = Member->getBase()->IgnoreParenImpCasts();
  }
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  if (!Root || !Ref || Ref->getDecl() != Root)
    return std::nullopt;
  return Path;
}

MemberPath objectPath(const CallExpr &Call, const ValueDecl *Root) {
  return memberPath(syncObjectOf(Call), Root).value_or(MemberPath());
}

std::pair<const Expr *, const Stmt *> skippedWhenSet(const Stmt *S) {
  const auto *If = dyn_cast_or_null<IfStmt>(S);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() ||
      If->isConsteval())
    return {nullptr, nullptr};
  const auto *Not = dyn_cast_or_null<UnaryOperator>(
      strip(If->getCond(), Wrappers::Condition));
  if (!Not || Not->getOpcode() != UO_LNot)
    return {nullptr, nullptr};
  return {Not->getSubExpr(), If->getThen()};
}

namespace {

/// True when \p S is `Flag = true` for a flag reached from \p Sync by
/// \p Flag (not an empty path: the flag is a member of the object).
bool storesTrue(const Stmt *S, const ValueDecl *Sync, const MemberPath &Flag) {
  auto [Target, Value] = assignmentParts(S);
  const auto *Lit = dyn_cast_or_null<CXXBoolLiteralExpr>(
      Value ? Value->IgnoreParenImpCasts() : nullptr);
  std::optional<MemberPath> Path = memberPath(Target, Sync);
  return Lit && Lit->getValue() && Path && !Path->empty() && *Path == Flag;
}

} // namespace

bool setsDoneFlagLast(const CompoundStmt &Statements, const ValueDecl *Sync,
                      const MemberPath &Flag, const CallExpr &Signal,
                      llvm::function_ref<bool(const Stmt &)> IsUse,
                      const SourceManager &SM) {
  if (Flag.empty())
    return false;
  const Stmt *Store = nullptr;
  for (const Stmt *S : Statements.body()) {
    if (!SM.isBeforeInTranslationUnit(S->getBeginLoc(), Signal.getBeginLoc()))
      break;
    if (storesTrue(S, Sync, Flag))
      Store = S;
  }
  if (!Store)
    return false;
  // After the store, the signal is the only use.
  bool Last = true;
  SourceRange InSignal = Signal.getSourceRange();
  forEachOwnStmt(&Statements, [&](const Stmt &S) {
    bool After =
        SM.isBeforeInTranslationUnit(Store->getEndLoc(), S.getBeginLoc());
    bool WithinSignal =
        !SM.isBeforeInTranslationUnit(S.getBeginLoc(), InSignal.getBegin()) &&
        !SM.isBeforeInTranslationUnit(InSignal.getEnd(), S.getEndLoc());
    if (After && !WithinSignal && IsUse(S))
      Last = false;
  });
  return Last;
}

namespace {

/// True when destroying an object of type \p T calls a member in \p Names
/// (a gate holder's destructor leaves the gate: `g->leave()`).
bool destructorSignals(QualType T, const NameMatcher &Names) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  const CXXDestructorDecl *Dtor = RD && RD->hasDefinition()
                                      ? RD->getDefinition()->getDestructor()
                                      : nullptr;
  const FunctionDecl *Def = nullptr;
  if (!Dtor || !Dtor->hasBody(Def) || !Def)
    return false;
  bool Signals = false;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
    Signals = Signals || (M && Names.matches(canonicalName(*M)));
  });
  return Signals;
}

} // namespace

const CallExpr *keptAwaiterMadeBy(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *Await = E ? dyn_cast<CoawaitExpr>(E->IgnoreImplicit()) : nullptr;
  const auto *Ref =
      Await
          ? dyn_cast<DeclRefExpr>(strip(Await->getOperand(), Wrappers::Object))
          : nullptr;
  const auto *Kept = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Kept && Kept->hasLocalStorage() && Kept->getInit()
             ? dyn_cast<CXXMemberCallExpr>(Kept->getInit()->IgnoreImplicit())
             : nullptr;
}

const CallExpr *transformedAwaitOn(const Stmt *S, const ValueDecl *Object,
                                   const NameMatcher &Names) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *Await = E ? dyn_cast<CoawaitExpr>(E->IgnoreImplicit()) : nullptr;
  const auto *T = Await ? dyn_cast<CXXMemberCallExpr>(
                              Await->getCommonExpr()->IgnoreImplicit())
                        : nullptr;
  const Expr *Operand = T ? awaitTransformArg(T) : nullptr;
  const CXXRecordDecl *RD = Operand && Operand != T
                                ? Operand->getType()->getAsCXXRecordDecl()
                                : nullptr;
  if (!RD || !RD->hasDefinition() || namedDecl(derefTarget(Operand)) != Object)
    return nullptr;
  for (const CXXMethodDecl *M : RD->getDefinition()->methods())
    if (M->getOverloadedOperator() == OO_Coawait &&
        Names.matches(canonicalName(*M)))
      return T;
  return nullptr;
}

const CallExpr *holderMade(const Stmt *S, const ValueDecl *Object,
                           const NameMatcher &Names) {
  const auto *Decls = dyn_cast_or_null<DeclStmt>(S);
  const auto *Var = Decls && Decls->isSingleDecl()
                        ? dyn_cast<VarDecl>(Decls->getSingleDecl())
                        : nullptr;
  const auto *Make =
      Var && Var->getInit()
          ? dyn_cast<CXXMemberCallExpr>(strip(Var->getInit(), Wrappers::Object))
          : nullptr;
  return Make && namedDecl(syncObjectOf(*Make)) == Object &&
                 destructorSignals(Var->getType(), Names)
             ? Make
             : nullptr;
}

bool pointerLike(QualType T) {
  T = T.getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return T->isAnyPointerType();
  RD = RD->getDefinition();
  return llvm::any_of(RD->methods(),
                      [](const CXXMethodDecl *M) {
                        return M->getOverloadedOperator() == OO_Arrow;
                      }) ||
         llvm::any_of(RD->bases(), [](const CXXBaseSpecifier &B) {
           return pointerLike(B.getType());
         });
}

} // namespace clang::tidy::async::model

//===--- AwaitResult.cpp - async-lint -------------------------------------===//

#include "AwaitResult.h"
#include "CoroutineModel.h"

namespace clang::tidy::async::model {

namespace {

/// Accessors are followed this many calls deep.
constexpr unsigned MaxDepth = 3;

/// True when \p S mentions 'this' (bounded: returns of accessors are small).
bool mentionsThis(const Stmt *S, unsigned Depth = 0) {
  if (!S || Depth > 12)
    return false;
  if (isa<CXXThisExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (mentionsThis(Child, Depth + 1))
      return true;
  return false;
}

AwaitResultRef returnedRef(const CXXMethodDecl *Method, unsigned Depth);

/// Where the returned reference \p E points, in a member function of the
/// object 'this' denotes.
AwaitResultRef refOf(const Expr *E, unsigned Depth) {
  if (!E)
    return AwaitResultRef::Elsewhere;
  E = E->IgnoreParenImpCasts();
  // '*m_value' with a pointer member refers to what it points at, stored
  // elsewhere.
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref) {
    const Expr *Pointer = Deref->getSubExpr()->IgnoreParenImpCasts();
    if (isa<MemberExpr>(Pointer) && Pointer->getType()->isPointerType())
      return AwaitResultRef::Elsewhere;
  }
  // A member function of the same object: what it returns.
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
      Call && Depth < MaxDepth &&
      mentionsThis(Call->getImplicitObjectArgument())) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const FunctionDecl *Def = Method ? Method->getDefinition() : nullptr;
    if (Def && Def->getBody())
      return returnedRef(Method, Depth + 1);
  }
  return mentionsThis(E) ? AwaitResultRef::IntoAwaited
                         : AwaitResultRef::Elsewhere;
}

AwaitResultRef returnedRef(const CXXMethodDecl *Method, unsigned Depth) {
  if (!Method || !Method->getReturnType()->isReferenceType())
    return AwaitResultRef::Elsewhere;
  const FunctionDecl *Def = Method->getDefinition();
  if (!Def || !Def->getBody())
    return AwaitResultRef::Unknown;
  AwaitResultRef Found = AwaitResultRef::Elsewhere;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(&S);
        Return && Found == AwaitResultRef::Elsewhere)
      Found = refOf(Return->getRetValue(), Depth);
  });
  return Found;
}

} // namespace

AwaitResultRef awaitResultRef(const CoawaitExpr &Await) {
  const auto *Resume =
      dyn_cast_or_null<CXXMemberCallExpr>(Await.getResumeExpr());
  return Resume ? returnedRef(Resume->getMethodDecl(), 0)
                : AwaitResultRef::Elsewhere;
}

bool awaitsTemporary(const CoawaitExpr &Await) {
  const Expr *E = Await.getOperand();
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return !Temp->getExtendingDecl();
  return E->isPRValue();
}

const CoawaitExpr *awaitedPartOf(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *Await = dyn_cast<CoawaitExpr>(E))
      return Await;
    const auto *Member = dyn_cast<MemberExpr>(E);
    if (!Member || Member->isArrow() ||
        !isa<FieldDecl>(Member->getMemberDecl()))
      return nullptr;
    E = Member->getBase();
  }
  return nullptr;
}

} // namespace clang::tidy::async::model

//===--- DanglingReferenceAwaits.cpp - async-lint -------------------------===//
//
// async-dangling-reference, awaited references: a reference bound to the
// result of 'co_await' on a temporary whose awaiter hands out a reference into
// itself.
//
//===----------------------------------------------------------------------===//

#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "DanglingReferenceCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

namespace {

/// True when \p S contains 'this' (bounded: returns of accessors are small).
bool containsThis(const Stmt *S, unsigned Depth = 0) {
  if (!S || Depth > 12)
    return false;
  if (isa<CXXThisExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsThis(Child, Depth + 1))
      return true;
  return false;
}

bool returnsReferenceIntoThis(const CXXMethodDecl *Method, unsigned Depth);

/// True when the reference \p E (a returned value) may refer into the
/// object 'this' denotes or what it owns. A dereferenced pointer member
/// (`*m_value`) refers to what the pointer points at, stored elsewhere:
/// cppcoro's task<T&> keeps a T* in its promise. A reference returned by a
/// member function of the object is followed into that function's returns.
bool refersIntoThis(const Expr *E, unsigned Depth) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref) {
    const Expr *Pointer = Deref->getSubExpr()->IgnoreParenImpCasts();
    if (isa<MemberExpr>(Pointer) && Pointer->getType()->isPointerType())
      return false;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
      Call && Depth < 3 && containsThis(Call->getImplicitObjectArgument())) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const FunctionDecl *Def = Method ? Method->getDefinition() : nullptr;
    if (Def && Def->getBody())
      return returnsReferenceIntoThis(Method, Depth + 1);
  }
  return containsThis(E);
}

/// True when the method \p Method (an awaiter's await_resume, or a member
/// function it returns through) returns a reference into its own object,
/// or into something its object owns (a promise through a handle).
bool returnsReferenceIntoThis(const CXXMethodDecl *Method, unsigned Depth) {
  if (!Method || !Method->getReturnType()->isReferenceType())
    return false;
  const FunctionDecl *Def = Method->getDefinition();
  if (!Def || !Def->getBody())
    return false;
  bool Found = false;
  model::forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(&S))
      Found = Found || refersIntoThis(Return->getRetValue(), Depth);
  });
  return Found;
}

/// True when \p E (a co_await operand) is a temporary.
bool isTemporary(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return !Temp->getExtendingDecl();
  return E->isPRValue();
}

/// The co_await that initialises \p Init, looking through implicit nodes.
const CoawaitExpr *awaitOf(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit();
  return dyn_cast<CoawaitExpr>(Init->IgnoreParenImpCasts());
}

} // namespace

void DanglingReferenceCheck::checkAwaitedReferences(CheckedFunction &F) {
  const Stmt *Body = &F.Body;
  ASTContext &Ctx = F.Ctx;
  auto Dangles = [](const CoawaitExpr *Await) {
    if (!Await || !isTemporary(Await->getOperand()))
      return false;
    const auto *Resume =
        dyn_cast_or_null<CXXMemberCallExpr>(Await->getResumeExpr());
    return Resume && returnsReferenceIntoThis(Resume->getMethodDecl(), 0);
  };
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
      const CoawaitExpr *Await = awaitOf(Range->getRangeInit());
      if (!model::rangeForInitTemporariesLiveThroughLoop(Ctx.getLangOpts()) &&
          Dangles(Await))
        diag(Await->getBeginLoc(),
             "the range of this loop is a reference into the result of "
             "'co_await' on a temporary, which is destroyed before the loop "
             "starts");
      return;
    }
    const auto *DS = dyn_cast<DeclStmt>(&S);
    if (!DS)
      return;
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->getType()->isReferenceType())
        continue;
      const CoawaitExpr *Await = awaitOf(VD->getInit());
      if (!Dangles(Await))
        continue;
      const DeclRefExpr *FirstUse = nullptr;
      model::forEachOwnStmt(Body, [&](const Stmt &Inner) {
        if (const auto *Ref = dyn_cast<DeclRefExpr>(&Inner);
            Ref && Ref->getDecl() == VD && !FirstUse)
          FirstUse = Ref;
      });
      if (!FirstUse)
        continue;
      diag(VD->getLocation(), "reference %0 is bound to the result of "
                              "'co_await' on a temporary, which is destroyed "
                              "at the end of the full expression")
          << VD;
      const auto *Resume = cast<CXXMemberCallExpr>(Await->getResumeExpr());
      diag(Resume->getMethodDecl()->getLocation(),
           "%0 returns a reference into the awaited object",
           DiagnosticIDs::Note)
          << Resume->getMethodDecl();
      diag(FirstUse->getLocation(),
           "%0 is used here, after the temporary is "
           "destroyed",
           DiagnosticIDs::Note)
          << VD;
    }
  });
}

} // namespace clang::tidy::async

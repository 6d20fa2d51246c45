//===--- VisibleBodies.cpp - async-lint -----------------------------------===//

#include "VisibleBodies.h"
#include "CoroutineModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The function a call or construction names; null for a call through a
/// pointer or a virtual call that may run an override the unit does not
/// show.
const FunctionDecl *knownCallee(const Stmt &S) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    return Construct->getConstructor();
  const auto *Call = dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (!Method || !Method->isVirtual())
    return Callee;
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const auto *ME =
      Member ? dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens())
             : nullptr;
  // A qualified call, or one on an object whose dynamic type is known,
  // runs this very method.
  if (ME && (ME->hasQualifier() ||
             Method->getDevirtualizedMethod(ME->getBase(), false)))
    return Callee;
  return nullptr;
}

} // namespace

bool VisibleBodies::callVisible(const Stmt &S, unsigned Budget,
                                const SourceManager &SM) {
  const FunctionDecl *Callee = knownCallee(S);
  if (!Callee) {
    // `p->~T()` on a scalar, or a call whose callee is not a function.
    const auto *Call = dyn_cast<CallExpr>(&S);
    return Call && isa<CXXPseudoDestructorExpr>(Call->getCallee());
  }
  if (Callee->getBuiltinID() || Callee->isImplicit() || Callee->isDefaulted() ||
      SM.isInSystemHeader(Callee->getLocation()))
    return true;
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def) || !Def)
    return false;
  return SM.isInSystemHeader(Def->getLocation()) ||
         fullyVisible(*Def, Budget, SM);
}

bool VisibleBodies::fullyVisible(const FunctionDecl &Def, unsigned Budget,
                                 const SourceManager &SM) {
  if (Budget == 0 || !Def.getBody())
    return false;
  {
    const Answer &A = Seen[&Def];
    // Within a cycle, the functions already on the path are being read.
    if (A.InProgress || (A.VisibleWithin && Budget >= A.VisibleWithin))
      return true;
    if (Budget <= A.HiddenWithin)
      return false;
  }
  Seen[&Def].InProgress = true;
  bool Visible = true;
  forEachOwnStmt(Def.getBody(), [&](const Stmt &S) {
    if (Visible && (isa<CallExpr>(S) || isa<CXXConstructExpr>(S)))
      Visible = callVisible(S, Budget - 1, SM);
  });
  // The map may have grown during the recursion: look the entry up again.
  Answer &A = Seen[&Def];
  A.InProgress = false;
  // Seen within a budget, it is seen within any larger one; hidden within
  // one, within any smaller one.
  if (Visible)
    A.VisibleWithin =
        A.VisibleWithin ? std::min(A.VisibleWithin, Budget) : Budget;
  else
    A.HiddenWithin = std::max(A.HiddenWithin, Budget);
  return Visible;
}

} // namespace clang::tidy::async::model

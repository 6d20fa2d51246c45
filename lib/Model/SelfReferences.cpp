//===--- SelfReferences.cpp - async-lint ----------------------------------===//

#include "SelfReferences.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "NameMatcher.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include <deque>
#include <set>
#include <tuple>

namespace clang::tidy::async::model {

namespace {

/// The class a std::shared_ptr (\p Weak false) or std::weak_ptr (\p Weak
/// true) \p T points to; null for any other type or a dependent one.
const CXXRecordDecl *pointee(QualType T, bool Weak) {
  if (T.isNull())
    return nullptr;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() < 1 ||
      canonicalName(*Spec) != (Weak ? "::std::weak_ptr" : "::std::shared_ptr"))
    return nullptr;
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  if (Arg.getKind() != TemplateArgument::Type)
    return nullptr;
  return Arg.getAsType()->getAsCXXRecordDecl();
}

/// True when \p A and \p B are one class, or one derives from the other.
bool related(const CXXRecordDecl *A, const CXXRecordDecl *B) {
  A = A ? A->getDefinition() : nullptr;
  B = B ? B->getDefinition() : nullptr;
  if (!A || !B)
    return false;
  if (A->getCanonicalDecl() == B->getCanonicalDecl())
    return true;
  return A->isDerivedFrom(B) || B->isDerivedFrom(A);
}

} // namespace

bool isSelfPointerType(QualType T, const CXXRecordDecl &Class, bool Weak) {
  return related(pointee(T, Weak), &Class);
}

llvm::SmallVector<SelfReference, 2> selfReferences(const CXXMethodDecl &Coro,
                                                   const Stmt &Body) {
  llvm::SmallVector<SelfReference, 2> Found;
  const CXXRecordDecl &Class = *Coro.getParent();
  auto Note = [&](const VarDecl &Var) {
    for (bool Weak : {false, true})
      if (isSelfPointerType(Var.getType(), Class, Weak))
        Found.push_back({&Var, Weak});
  };
  for (const ParmVarDecl *Param : Coro.parameters())
    Note(*Param);
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    if (const auto *Declaration = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->hasLocalStorage())
          Note(*Var);
  });
  return Found;
}

const VarDecl *checkedWeakReference(const Stmt &S) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      (Method->getName() != "lock" && Method->getName() != "expired") ||
      canonicalName(*Method->getParent()) != "::std::weak_ptr")
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(
      Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

namespace {

/// One step of the walk: where it is, the suspension passed since the
/// object was last known alive (null: none), and the strong reference held.
struct WalkState {
  const CFGBlock *Block;
  const CoroutineSuspendExpr *Suspended;
  const VarDecl *Held;
};

/// Applies one element to \p S; returns the statement when it is a use that
/// runs unguarded after a suspension.
const Stmt *step(const CFGElement &Element, WalkState &S,
                 llvm::function_ref<bool(const Stmt &)> IsUse,
                 const SelfGuards &Guards, const NameMatcher *NonSuspending) {
  if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
    if (Dtor->getVarDecl() == S.Held)
      S.Held = nullptr;
    return nullptr;
  }
  auto StmtElement = Element.getAs<CFGStmt>();
  if (!StmtElement)
    return nullptr;
  const Stmt &Current = *StmtElement->getStmt();
  if (Guards.Checks(Current))
    S.Suspended = nullptr;
  // The first strong reference taken is the outermost: scopes nest, so it
  // is destroyed after any taken within its life.
  if (const auto *Declaration = dyn_cast<DeclStmt>(&Current);
      !S.Held && Declaration)
    for (const Decl *D : Declaration->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && Guards.Holds(*Var)) {
        S.Held = Var;
        break;
      }
  if (S.Held)
    return nullptr;
  if (const auto *Point = dyn_cast<CoroutineSuspendExpr>(&Current);
      Point && canSuspend(*Point, NonSuspending)) {
    S.Suspended = Point;
    return nullptr;
  }
  return S.Suspended && IsUse(Current) ? &Current : nullptr;
}

} // namespace

LateUse firstUnguardedUse(const CFG &Graph,
                          llvm::function_ref<bool(const Stmt &)> IsUse,
                          const SelfGuards &Guards,
                          const NameMatcher *NonSuspending,
                          const SourceManager &SM) {
  std::deque<WalkState> Work{{&Graph.getEntry(), nullptr, nullptr}};
  // Blocks entered, by whether a suspension is pending and what is held.
  std::set<std::tuple<unsigned, bool, const VarDecl *>> Seen;
  LateUse First;
  while (!Work.empty()) {
    WalkState S = Work.front();
    Work.pop_front();
    for (const CFGElement &Element : *S.Block) {
      const Stmt *Use = step(Element, S, IsUse, Guards, NonSuspending);
      if (Use &&
          (!First.Use || SM.isBeforeInTranslationUnit(
                             Use->getBeginLoc(), First.Use->getBeginLoc())))
        First = {Use, S.Suspended};
    }
    for (const CFGBlock *Succ : S.Block->succs())
      if (Succ &&
          Seen.insert({Succ->getBlockID(), S.Suspended != nullptr, S.Held})
              .second)
        Work.push_back({Succ, S.Suspended, S.Held});
  }
  return First;
}

} // namespace clang::tidy::async::model

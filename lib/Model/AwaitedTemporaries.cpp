//===--- AwaitedTemporaries.cpp - async-lint ------------------------------===//

#include "AwaitedTemporaries.h"
#include "AwaitResult.h"
#include "ClassNames.h"
#include "CoroutineModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The co_await that initialises \p Init, looking through implicit nodes.
const CoawaitExpr *awaitOf(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit();
  return dyn_cast<CoawaitExpr>(Init->IgnoreParenImpCasts());
}

/// What a view is built from: the argument of its converting constructor,
/// or the object of a conversion function (std::string's operator
/// string_view).
const Expr *viewSource(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
      Construct && Construct->getNumArgs() >= 1 &&
      !Construct->getConstructor()->isCopyOrMoveConstructor())
    return Construct->getArg(0);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Init);
      Call && isa_and_nonnull<CXXConversionDecl>(Call->getMethodDecl()))
    return Call->getImplicitObjectArgument();
  return nullptr;
}

/// True when \p S names \p VD or, for a structured binding, one of its
/// bindings.
bool namesVar(const Stmt &S, const VarDecl *VD) {
  const auto *Ref = dyn_cast<DeclRefExpr>(&S);
  if (!Ref)
    return false;
  if (Ref->getDecl() == VD)
    return true;
  const auto *Binding = dyn_cast<BindingDecl>(Ref->getDecl());
  return Binding && Binding->getDecomposedDecl() == VD;
}

} // namespace

const CoawaitExpr *awaitIntoTemporary(const Expr *Init) {
  const CoawaitExpr *Await = awaitOf(Init);
  return Await && awaitsTemporary(*Await) &&
                 awaitResultRef(*Await) == AwaitResultRef::IntoAwaited
             ? Await
             : nullptr;
}

const CoawaitExpr *rangeIntoAwaitedTemporary(const CXXForRangeStmt &Loop,
                                             const LangOptions &LO) {
  if (rangeForInitTemporariesLiveThroughLoop(LO))
    return nullptr;
  return awaitIntoTemporary(Loop.getRangeInit());
}

const CoawaitExpr *rangeIntoAwaitedPart(const CXXForRangeStmt &Loop,
                                        const LangOptions &LO, bool Opaque) {
  const Expr *Init = Loop.getRangeInit();
  const CoawaitExpr *Await = awaitedPartOf(Init);
  // The direct form is awaitIntoTemporary's, unless only Opaque makes it
  // one.
  bool Direct =
      Init && isa<CoawaitExpr>(Init->IgnoreImplicit()->IgnoreParenImpCasts());
  if ((!Direct || awaitResultRef(*Await) == AwaitResultRef::Unknown) &&
      !rangeForInitTemporariesLiveThroughLoop(LO) &&
      resultDiesWithTemporary(Await, Opaque))
    return Await;
  return nullptr;
}

const DeclRefExpr *firstReference(const Stmt *Body, const VarDecl *VD) {
  const DeclRefExpr *First = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &Inner) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&Inner);
        Ref && Ref->getDecl() == VD && !First)
      First = Ref;
  });
  return First;
}

llvm::SmallVector<AwaitedTemporaryHold, 2>
awaitedTemporaryHolds(const Stmt &Body, const LangOptions &LO,
                      const OwnStmts *Own) {
  llvm::SmallVector<AwaitedTemporaryHold, 2> Holds;
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
      if (const CoawaitExpr *Await = rangeIntoAwaitedTemporary(*Range, LO))
        Holds.push_back({Await});
      return;
    }
    const auto *DS = dyn_cast<DeclStmt>(&S);
    if (!DS)
      return;
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->getType()->isReferenceType())
        continue;
      const CoawaitExpr *Await = awaitIntoTemporary(VD->getInit());
      if (const DeclRefExpr *FirstUse =
              Await ? firstReference(&Body, VD) : nullptr)
        Holds.push_back({Await, VD, FirstUse});
    }
  });
  return Holds;
}

const CXXMethodDecl *awaitResumeOf(const CoawaitExpr &Await) {
  return cast<CXXMemberCallExpr>(Await.getResumeExpr())->getMethodDecl();
}

bool resultDiesWithTemporary(const CoawaitExpr *Await, bool Opaque) {
  if (!Await || !awaitsTemporary(*Await))
    return false;
  AwaitResultRef Ref = awaitResultRef(*Await);
  return Ref == AwaitResultRef::IntoAwaited ||
         (Ref == AwaitResultRef::Unknown && Opaque);
}

std::optional<AwaitedPartHold> awaitedPartHold(const VarDecl &VD,
                                               const Stmt &Body,
                                               const NameMatcher &Views,
                                               bool Opaque) {
  const Expr *Init = VD.getInit();
  AwaitBinding How = AwaitBinding::Reference;
  const CoawaitExpr *Await = nullptr;
  if (VD.getType()->isReferenceType()) {
    Await = awaitedPartOf(Init);
    bool Direct = Await && Init->IgnoreImplicit()->IgnoreParenImpCasts() ==
                               static_cast<const Expr *>(Await);
    How = isa<DecompositionDecl>(VD) ? AwaitBinding::Structured
          : Direct                   ? AwaitBinding::Reference
                                     : AwaitBinding::Member;
    // A plain reference to the whole result is awaitIntoTemporary's when
    // the body of await_resume shows where it points.
    if (How == AwaitBinding::Reference && Await &&
        awaitResultRef(*Await) != AwaitResultRef::Unknown)
      return std::nullopt;
  } else if (const CXXRecordDecl *RD = VD.getType()->getAsCXXRecordDecl();
             matchesClass(Views, RD)) {
    Await = awaitedPartOf(viewSource(Init));
    How = AwaitBinding::View;
  }
  if (!resultDiesWithTemporary(Await, Opaque))
    return std::nullopt;
  const Stmt *Use = firstOwnStmt(
      &Body, [&](const Stmt &S) { return namesVar(S, &VD); },
      VD.getASTContext().getSourceManager());
  if (!Use)
    return std::nullopt;
  return AwaitedPartHold{How, Await, Use};
}

} // namespace clang::tidy::async::model

//===--- DanglingReferenceAwaitResult.cpp - async-lint --------------------===//
//
// async-dangling-reference, parts of an awaited result: the forms of "a
// reference into the result of 'co_await' on a temporary" that
// DanglingReferenceAwaits.cpp does not see: a structured binding of the
// result, a reference to a data member of it, a view (string_view, span)
// of it, a range-for over a member of it, and, with OpaqueAwaitResults, an
// await_resume whose body is not visible.
//
//===----------------------------------------------------------------------===//

#include "../Model/AwaitResult.h"
#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "../Model/NameMatcher.h"
#include "DanglingReferenceCheck.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

namespace {

/// How a declaration binds to the awaited result, for the message.
enum class Binding { Reference, Member, Structured, View };

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

bool DanglingReferenceCheck::resultDiesWithTemporary(
    const CoawaitExpr *Await) const {
  if (!Await || !model::awaitsTemporary(*Await))
    return false;
  model::AwaitResultRef Ref = model::awaitResultRef(*Await);
  return Ref == model::AwaitResultRef::IntoAwaited ||
         (Ref == model::AwaitResultRef::Unknown && OpaqueAwaitResults);
}

void DanglingReferenceCheck::checkAwaitResultParts(CheckedFunction &F) {
  const Stmt *Body = &F.Body;
  auto IsDirect = [](const Expr *Init) {
    return Init &&
           isa<CoawaitExpr>(Init->IgnoreImplicit()->IgnoreParenImpCasts());
  };
  model::forEachOwnStmt(&F.own(), Body, [&](const Stmt &S) {
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
      const Expr *Init = Range->getRangeInit();
      const CoawaitExpr *Await = model::awaitedPartOf(Init);
      // The direct form is DanglingReferenceAwaits.cpp's, unless only the
      // option makes it a finding.
      if ((!IsDirect(Init) ||
           model::awaitResultRef(*Await) == model::AwaitResultRef::Unknown) &&
          !model::rangeForInitTemporariesLiveThroughLoop(F.Ctx.getLangOpts()) &&
          resultDiesWithTemporary(Await))
        diag(Await->getBeginLoc(),
             "the range of this loop is a reference into the result of "
             "'co_await' on a temporary, which is destroyed before the loop "
             "starts");
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          checkAwaitResultBinding(*VD, F);
  });
}

void DanglingReferenceCheck::checkAwaitResultBinding(const VarDecl &VD,
                                                     CheckedFunction &F) {
  const Expr *Init = VD.getInit();
  Binding How;
  const CoawaitExpr *Await = nullptr;
  if (VD.getType()->isReferenceType()) {
    Await = model::awaitedPartOf(Init);
    bool Direct = Await && Init->IgnoreImplicit()->IgnoreParenImpCasts() ==
                               static_cast<const Expr *>(Await);
    How = isa<DecompositionDecl>(VD) ? Binding::Structured
          : Direct                   ? Binding::Reference
                                     : Binding::Member;
    // A plain reference to the whole result is DanglingReferenceAwaits.cpp's
    // when the body of await_resume shows where it points.
    if (How == Binding::Reference && Await &&
        model::awaitResultRef(*Await) != model::AwaitResultRef::Unknown)
      return;
  } else if (const CXXRecordDecl *RD = VD.getType()->getAsCXXRecordDecl();
             RD && ViewTypes.matches(model::canonicalName(*RD))) {
    Await = model::awaitedPartOf(viewSource(Init));
    How = Binding::View;
  }
  if (!resultDiesWithTemporary(Await))
    return;
  const Stmt *Use = model::firstOwnStmt(
      &F.Body, [&](const Stmt &S) { return namesVar(S, &VD); },
      F.Ctx.getSourceManager());
  if (!Use || !reportOnce(VD.getLocation()))
    return;
  diag(VD.getLocation(),
       "%select{reference %1 is bound to|reference %1 is bound to a member "
       "of|this structured binding refers to|view %1 refers into}0 the result "
       "of 'co_await' on a temporary, destroyed at the end of the full "
       "expression")
      << static_cast<int>(How) << &VD;
  const auto *Resume = cast<CXXMemberCallExpr>(Await->getResumeExpr());
  bool Opaque = model::awaitResultRef(*Await) == model::AwaitResultRef::Unknown;
  diag(Resume->getMethodDecl()->getLocation(),
       Opaque ? "%0 returns a reference, and its body is not visible "
                "(OpaqueAwaitResults reads it as one into the awaited object)"
              : "%0 returns a reference into the awaited object",
       DiagnosticIDs::Note)
      << Resume->getMethodDecl();
  diag(Use->getBeginLoc(), "it is used here, after the temporary is destroyed",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::async

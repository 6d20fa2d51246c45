//===--- ErasedCalls.cpp - async-lint -------------------------------------===//

#include "ErasedCalls.h"
#include "Awaitables.h"
#include "CoroutineCalls.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The parameter, member or global \p Object names, whose target no
/// statement of the calling function shows; null for anything else (a
/// local is given its targets here, and one assigned another is left).
const NamedDecl *namedObject(const Expr &Object) {
  const Expr *E = Object.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    bool Local = Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var);
    return Var && !Local ? Var : nullptr;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

} // namespace

LifetimeFindings erasedCallLifetimes(const CallExpr &Call,
                                     const CXXMethodDecl &Op,
                                     const Expr &Object, const CallerOf &Caller,
                                     const CallLifetimeRules &R) {
  LifetimeFindings Found;
  const NamedDecl *Named = namedObject(Object);
  QualType Result = Op.getReturnType();
  if (!Named || Result->isReferenceType() ||
      lazinessOfEveryPromise(Result) != Laziness::Lazy)
    return Found;
  CallObject O = callObject(Call, Op, false);
  ASTContext &Ctx = Op.getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Via = "function object '" + Named->getNameAsString() + "'";
  std::string Holds =
      "a target not shown here; its type '" +
      Object.getType().getNonReferenceType().getUnqualifiedType().getAsString(
          Ctx.getPrintingPolicy()) +
      "' returns a lazy task type, so the target runs only once the task "
      "does, after the call has returned";
  for (unsigned I = 0;
       I < Op.getNumParams() && I + O.Offset < Call.getNumArgs(); ++I) {
    const ParmVarDecl *Param = Op.getParamDecl(I);
    const Expr *Arg = Call.getArg(I + O.Offset);
    if (isa<CXXDefaultArgExpr>(Arg) || !R.refersThrough(*Param) ||
        takesTask(*Param))
      continue;
    Referent Ref =
        TaskFlow::referentOf(Arg, !Param->getType()->isReferenceType());
    if (Ref.What == Referent::Kind::Other)
      continue;
    TaskFate F = Caller.Flow().fateOf(&Call);
    SourceLocation Dies =
        Caller.Flow().diesBeforeTask(Ref, &Call, F, Laziness::Lazy);
    if (Dies.isInvalid())
      continue;
    LifetimeEvidence &E = Found.emplace_back();
    bool Local = Ref.What == Referent::Kind::Local;
    std::string Position = std::to_string(I + 1);
    if (Local)
      E.add(Said::ParamLocal, Arg->getBeginLoc(), {Position, Via, Ref.Var},
            Arg->getSourceRange());
    else
      E.add(Said::ParamTemporary, Arg->getBeginLoc(), {Position, Via},
            Arg->getSourceRange());
    addLifetimeSteps(E, SM, F,
                     {"the temporary", Local ? Ref.Var : nullptr, Dies},
                     nullptr, "", true);
    E.add(Said::FunctionObjectHolds, Named->getLocation(), {Holds});
  }
  return Found;
}

} // namespace clang::tidy::async::model

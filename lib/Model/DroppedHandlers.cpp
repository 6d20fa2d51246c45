//===--- DroppedHandlers.cpp - async-lint ---------------------------------===//

#include "DroppedHandlers.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "SuspensionFlow.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The signature of \p T when it is a class of \p Wrappers whose first
/// template argument is a function type returning void
/// (`std::function<void(const T &)>`), else null.
const FunctionProtoType *voidWrapperSignature(QualType T,
                                              const NameMatcher &Wrappers) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.isNull() ? nullptr : T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      !Wrappers.matches(canonicalName(*Spec)))
    return nullptr;
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  if (Arg.getKind() != TemplateArgument::Type)
    return nullptr;
  const auto *Signature = Arg.getAsType()->getAs<FunctionProtoType>();
  return Signature && Signature->getReturnType()->isVoidType() ? Signature
                                                               : nullptr;
}

/// The lambda \p E is (through temporaries and copies).
const LambdaExpr *lambdaOf(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = E->IgnoreImplicit();
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
      return Lambda;
    const auto *Copy = dyn_cast<CXXConstructExpr>(E);
    if (!Copy || Copy->getNumArgs() != 1)
      return nullptr;
    E = Copy->getArg(0);
  }
  return nullptr;
}

/// The call operators of \p Lambda a call with \p Arity arguments may reach:
/// the operator, or each specialisation of a generic lambda's.
llvm::SmallVector<const FunctionDecl *, 2> callOperators(const LambdaExpr &L,
                                                         unsigned Arity) {
  llvm::SmallVector<const FunctionDecl *, 2> Ops;
  const CXXMethodDecl *Op = L.getCallOperator();
  if (const FunctionTemplateDecl *T =
          Op ? Op->getDescribedFunctionTemplate() : nullptr) {
    for (const FunctionDecl *Spec : T->specializations())
      Ops.push_back(Spec);
  } else if (Op) {
    Ops.push_back(Op);
  }
  llvm::erase_if(
      Ops, [&](const FunctionDecl *F) { return F->getNumParams() != Arity; });
  return Ops;
}

/// The lambda \p S converts to a void wrapper, and the wrapper's signature.
std::pair<const LambdaExpr *, const FunctionProtoType *>
conversion(const Stmt &S, const NameMatcher &Wrappers) {
  const Expr *Callable = nullptr;
  QualType Wrapper;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S);
      Construct && Construct->getNumArgs() == 1) {
    Callable = Construct->getArg(0);
    Wrapper = Construct->getType();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    Callable = Op->getArg(1);
    Wrapper = Op->getArg(0)->getType();
  }
  const LambdaExpr *Lambda = Callable ? lambdaOf(Callable) : nullptr;
  if (!Lambda)
    return {nullptr, nullptr};
  return {Lambda, voidWrapperSignature(Wrapper, Wrappers)};
}

} // namespace

LifetimeFindings droppedHandlerParameters(const OwnStmts &Own,
                                          const CallLifetimeRules &R) {
  LifetimeFindings Found;
  Own.forEach(Own.body(), [&](const Stmt &S) {
    auto [Lambda, Signature] = conversion(S, R.FunctionWrappers);
    if (!Lambda || !Signature)
      return;
    for (const FunctionDecl *Op :
         callOperators(*Lambda, Signature->getNumParams())) {
      if (!getCoroutineBody(*Op) || lazinessOfCoroutine(*Op) != Laziness::Eager)
        continue;
      for (const ParmVarDecl *Param : Op->parameters()) {
        if (!R.refersThrough(*Param))
          continue;
        const Stmt *Use =
            R.A.suspensions(*Op).firstUseAfterSuspension([&](const Stmt &U) {
              const auto *Ref = dyn_cast<DeclRefExpr>(&U);
              return Ref && Ref->getDecl() == Param;
            });
        if (!Use)
          continue;
        Found.emplace_back()
            .add(Said::StrictParameter, Param->getLocation(),
                 {Param, describeFunction(*Op)})
            .add(Said::TaskIs, S.getBeginLoc(),
                 {"dropped by each call of the '" +
                  displayName(canonicalTypeName(
                      cast<Expr>(S).getType().getNonReferenceType())) +
                  "' made here, whose arguments live only for the call"})
            .add(Said::UsedAfterSuspending, Use->getBeginLoc(), {Param});
      }
    }
  });
  return Found;
}

} // namespace clang::tidy::async::model

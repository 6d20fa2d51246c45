//===--- UnhandledRaceOutcomeInputs.cpp - async-lint ----------------------===//
//
// The members and inputs of a race over a range reached other ways than by
// name: the members of its outcome through a structured binding, and an
// input handed whole to a function that takes its result.
//
//===----------------------------------------------------------------------===//

#include "../Model/Bindings.h"
#include "../Model/CallInfo.h"
#include "../Model/Expressions.h"
#include "UnhandledRaceOutcomeCheck.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

const VarDecl *UnhandledRaceOutcomeCheck::boundOutcome(const Expr *E,
                                                       bool Index) const {
  model::BoundMember Bound = model::boundMember(E);
  if (!Bound.Member || !Outcomes.count(Bound.Whole))
    return nullptr;
  bool IsIndex =
      Bound.Member->getIdentifier() && Bound.Member->getName() == "index";
  return IsIndex == Index ? Bound.Whole : nullptr;
}

const Expr *UnhandledRaceOutcomeCheck::handedInput(const Stmt &S) const {
  const auto *Call = dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  // An operator ([], =) or a standard function (std::move, std::swap) is no
  // reader of the result; a race or a combinator given the element races or
  // joins it again rather than taking it as the winner.
  if (!Callee || isa<CXXOperatorCallExpr>(Call) || Callee->isInStdNamespace())
    return nullptr;
  std::optional<model::CallInfo> Info = model::describeCall(*Call);
  if (!Info || model::anyNameMatches(RaceFunctions, *Info) ||
      model::anyNameMatches(Lib.CombinatorFunctions, *Info))
    return nullptr;
  for (const Expr *Arg : Call->arguments()) {
    const Expr *Container = nullptr;
    if (model::constantPosition(model::strip(Arg, model::Wrappers::Object),
                                Container, *Ctx))
      return model::strip(Arg, model::Wrappers::Object);
  }
  return nullptr;
}

} // namespace clang::tidy::async

//===--- ThrowPlaces.cpp - async-lint -------------------------------------===//

#include "ThrowPlaces.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

const Stmt *firstCoroutineThrow(const FunctionDecl *Coro,
                                const ThrowPolicy &Policy, ASTContext &Ctx) {
  return Coro ? firstEscapingThrow(getUserBody(*Coro), Policy, Ctx) : nullptr;
}

ThrowPlace describeThrowPlace(const Stmt &Where) {
  if (isa<CXXThrowExpr>(Where))
    return {"an exception is thrown here"};
  if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(&Where)) {
    if (awaitedTaskParameter(*Await))
      return {"the task awaited here rethrows whatever the task handed in "
              "throws"};
    if (const ParmVarDecl *Maker = awaitedTaskMaker(*Await))
      return {"the task awaited here is made by %0, handed in by the caller; "
              "it may throw anything",
              Maker};
    return {"the awaited operation reports failure by throwing here"};
  }
  std::string Name = "this call";
  if (std::optional<CallInfo> Info = describeCall(Where))
    Name = "'" + displayName(Info->Names.front()) + "'";
  return {"%0 may throw here", nullptr, std::move(Name)};
}

} // namespace clang::tidy::async::model

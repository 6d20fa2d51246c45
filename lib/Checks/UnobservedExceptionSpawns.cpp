//===--- UnobservedExceptionSpawns.cpp - async-lint -----------------------===//
//
// async-unobserved-exception's rules for library spawns that drop the
// failure (a discarding token, no error channel); an in-house spawn whose
// body does so with the task it is handed is model/DetachedParameters.h's.
//
//===----------------------------------------------------------------------===//

#include "../Model/FailureHandlers.h"
#include "../Model/LostExceptionReports.h"
#include "../Model/LostExceptions.h"
#include "UnobservedExceptionCheck.h"

namespace clang::tidy::async {

void UnobservedExceptionCheck::checkSpawn(
    const CallExpr &Call, const std::optional<model::CallInfo> &Info,
    ASTContext &Ctx) {
  if (!model::discardingTokenSpawn(Call, Info, Lib.SpawnFunctions,
                                   DiscardingTokens, &ForwardingAdaptors))
    return;
  const Expr *Token = model::completionToken(Call);
  std::optional<model::Finding> F = model::escapingThrowOf(
      model::coroutineSpawnedBy(Call, Token), Call, Token, Policy, Reader, Ctx);
  if (!F || !reportOnce(Call.getBeginLoc()))
    return;
  auto Text = model::wrappedTokenText(Call, &ForwardingAdaptors);
  F->Message = "exceptions thrown by " + F->Message + " are lost: '" +
               model::displayName(Info->Names.front()) + "' with " +
               Text.Token + " discards them";
  if (!Text.AdaptorNote.empty())
    F->Notes.insert(F->Notes.begin(), {Token->getBeginLoc(), Text.AdaptorNote});
  F->Notes.insert(F->Notes.begin(),
                  {F->Loc, "pass a completion handler that logs or rethrows "
                           "the 'std::exception_ptr'"});
  emit(*F);
}

void UnobservedExceptionCheck::checkDroppingSpawn(
    const CallExpr &Call, const std::optional<model::CallInfo> &Info,
    ASTContext &Ctx) {
  if (!Info || !model::anyNameMatches(DiscardingSpawnFunctions, *Info))
    return;
  std::optional<model::Finding> F = model::escapingThrowOf(
      model::taskSpawnedBy(Call), Call, nullptr, Policy, Reader, Ctx);
  if (!F || !reportOnce(Call.getBeginLoc()))
    return;
  std::string Spawn = "'" + model::displayName(Info->Names.front()) + "'";
  F->Message = "exceptions thrown by " + F->Message + " are lost: " + Spawn +
               " drops them";
  F->Notes.insert(F->Notes.begin(),
                  {F->Loc, Spawn + " gives the task no error channel; catch "
                                   "the exceptions inside the coroutine"});
  emit(*F);
}

} // namespace clang::tidy::async

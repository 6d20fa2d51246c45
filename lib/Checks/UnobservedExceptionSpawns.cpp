//===--- UnobservedExceptionSpawns.cpp - async-lint -----------------------===//
//
// async-unobserved-exception's rules for spawns: a library spawn that drops
// the failure (a discarding token, no error channel) and an in-house spawn
// whose visible body does so with the task it is handed.
//
//===----------------------------------------------------------------------===//

#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Expressions.h"
#include "../Model/FailureHandlers.h"
#include "../Model/LostExceptionReports.h"
#include "../Model/LostExceptions.h"
#include "../Model/ThrowPlaces.h"
#include "UnobservedExceptionCheck.h"

namespace clang::tidy::async {

void UnobservedExceptionCheck::checkSpawn(
    const CallExpr &Call, const std::optional<model::CallInfo> &Info,
    ASTContext &Ctx) {
  if (!model::discardingTokenSpawn(Call, Info, Lib.SpawnFunctions,
                                   DiscardingTokens))
    return;
  const Expr *Token = model::completionToken(Call);
  std::optional<model::Finding> F = model::escapingThrowOf(
      model::coroutineSpawnedBy(Call, Token), Call, Token, Policy, Reader, Ctx);
  if (!F || !reportOnce(Call.getBeginLoc()))
    return;
  F->Message = "exceptions thrown by " + F->Message + " are lost: '" +
               model::displayName(Info->Names.front()) + "' with '" +
               model::displayName(model::completionTokenName(Call)) +
               "' discards them; pass a completion handler that logs or "
               "rethrows the 'std::exception_ptr'";
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
  F->Message = "exceptions thrown by " + F->Message + " are lost: '" +
               model::displayName(Info->Names.front()) +
               "' gives it no error channel and drops them; catch them "
               "inside the coroutine";
  emit(*F);
}

void UnobservedExceptionCheck::checkHandedTasks(const CallExpr &Call,
                                                ASTContext &Ctx) {
  const FunctionDecl *Callee = model::calledDefinition(Call);
  if (!Callee || Callee->isInStdNamespace())
    return;
  auto DropsFailure = [&](const CallExpr &Spawn) {
    return model::dropsFailure(Spawn, Lib.SpawnFunctions, DiscardingTokens,
                               DiscardingSpawnFunctions);
  };
  for (unsigned I = 0; I < Callee->getNumParams(); ++I) {
    const ParmVarDecl &Param = *Callee->getParamDecl(I);
    const FunctionDecl *Coro =
        model::taskCoroutine(model::argumentFor(Call, I));
    std::optional<model::DetachingSpawn> Spawn =
        Coro ? model::detachingSpawn(*Callee, Param, DropsFailure)
             : std::nullopt;
    std::optional<model::DroppingRun> Run =
        Coro && !Spawn ? Runs.of(*Callee, Param, Lib) : std::nullopt;
    const Stmt *Throw =
        Spawn || Run ? model::firstCoroutineThrow(Coro, Policy, Ctx) : nullptr;
    if (!Throw || !reportOnce(Call.getBeginLoc()))
      continue;
    emit(Spawn
             ? model::inHouseSpawnFinding(Call, *Coro, *Callee, *Spawn, *Throw,
                                          Lib.SpawnFunctions, DiscardingTokens)
             : model::runningCallFinding(Call, *Coro, *Callee, *Run, *Throw));
  }
}

} // namespace clang::tidy::async

//===--- UnobservedExceptionSpawns.cpp - async-lint -----------------------===//
//
// async-unobserved-exception's rules for spawns: a library spawn with a
// completion token that discards the failure, a spawn that gives the task no
// error channel, and an in-house spawn whose visible body does one of these
// with the task it is handed (model/DetachingSpawns.h).
//
//===----------------------------------------------------------------------===//

#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/DetachingSpawns.h"
#include "../Model/DroppedExceptions.h"
#include "../Model/EscapingThrows.h"
#include "../Model/Expressions.h"
#include "../Model/FailureHandlers.h"
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
  std::string TokenName = model::completionTokenName(Call);
  const FunctionDecl *Coro = model::coroutineSpawnedBy(Call, Token);
  if (!Coro)
    return;
  const Stmt *Throw = model::firstCoroutineThrow(Coro, Policy, Ctx);
  if (!Throw || !reportOnce(Call.getBeginLoc()))
    return;
  diag(Call.getBeginLoc(),
       "exceptions thrown by %0 are lost: %1 with '%2' discards them; pass a "
       "completion handler that logs or rethrows the 'std::exception_ptr'")
      << model::describeFunction(*Coro)
      << ("'" + model::displayName(Info->Names.front()) + "'")
      << model::displayName(TokenName) << Call.getSourceRange();
  noteThrow(*Throw);
}

void UnobservedExceptionCheck::checkDroppingSpawn(
    const CallExpr &Call, const std::optional<model::CallInfo> &Info,
    ASTContext &Ctx) {
  if (!Info || !model::anyNameMatches(DiscardingSpawnFunctions, *Info))
    return;
  const FunctionDecl *Coro = model::taskSpawnedBy(Call);
  const Stmt *Throw = model::firstCoroutineThrow(Coro, Policy, Ctx);
  if (!Throw || !reportOnce(Call.getBeginLoc()))
    return;
  diag(Call.getBeginLoc(),
       "exceptions thrown by %0 are lost: %1 gives it no error channel and "
       "drops them; catch them inside the coroutine")
      << model::describeFunction(*Coro)
      << ("'" + model::displayName(Info->Names.front()) + "'")
      << Call.getSourceRange();
  noteThrow(*Throw);
}

void UnobservedExceptionCheck::checkInHouseSpawn(const CallExpr &Call,
                                                 ASTContext &Ctx) {
  const FunctionDecl *Callee = model::calledDefinition(Call);
  if (!Callee || Callee->isInStdNamespace())
    return;
  auto DropsFailure = [&](const CallExpr &Spawn) {
    return model::dropsFailure(Spawn, Lib.SpawnFunctions, DiscardingTokens,
                               DiscardingSpawnFunctions);
  };
  for (unsigned I = 0; I < Callee->getNumParams(); ++I) {
    const FunctionDecl *Coro =
        model::taskCoroutine(model::argumentFor(Call, I));
    if (!Coro)
      continue;
    std::optional<model::DetachingSpawn> Spawn =
        model::detachingSpawn(*Callee, *Callee->getParamDecl(I), DropsFailure);
    const Stmt *Throw =
        Spawn ? model::firstCoroutineThrow(Coro, Policy, Ctx) : nullptr;
    if (!Throw || !reportOnce(Call.getBeginLoc()))
      continue;
    diag(Call.getBeginLoc(), "exceptions thrown by %0 are lost: %1 detaches it "
                             "and drops them")
        << model::describeFunction(*Coro) << model::describeFunction(*Callee)
        << Call.getSourceRange();
    noteThrow(*Throw);
    if (Spawn->HandedAt)
      diag(Spawn->HandedAt->getBeginLoc(), "%0 hands it on to %1 here",
           DiagnosticIDs::Note)
          << model::describeFunction(*Callee)
          << model::describeFunction(
                 *model::calledDefinition(*Spawn->HandedAt));
    std::optional<model::CallInfo> Info = model::describeCall(*Spawn->Spawn);
    std::string Token = model::completionTokenName(*Spawn->Spawn);
    diag(Spawn->Spawn->getBeginLoc(),
         "%0 spawns it here with %select{no error channel|'%2'}1, which drops "
         "its exceptions",
         DiagnosticIDs::Note)
        << ("'" + model::displayName(Info->Names.front()) + "'")
        << (model::discardingTokenSpawn(*Spawn->Spawn, Info, Lib.SpawnFunctions,
                                        DiscardingTokens)
                ? 1
                : 0)
        << model::displayName(Token);
  }
}

} // namespace clang::tidy::async

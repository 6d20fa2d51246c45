//===--- DetachedParameters.cpp - async-lint ------------------------------===//

#include "DetachedParameters.h"
#include "BlockingReports.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "DetachingSpawns.h"
#include "Expressions.h"
#include "FailureHandlers.h"
#include "FanOuts.h"
#include "FirstArrival.h"
#include "LostExceptionReports.h"
#include "LostExceptions.h"
#include "SummaryPlaces.h"
#include "ThrowPlaces.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// True when a parameter of type \p T holds a task of its own: by value or
/// by rvalue reference (a task the caller gives up), of a task type.
bool takesTask(QualType T) {
  QualType Held = T.getNonReferenceType();
  return !T->isLValueReferenceType() && Held->isRecordType() &&
         isTaskOrAwaitableType(Held);
}

/// True when \p Call runs on every path through \p FD's body (nothing
/// leaves the function without passing it).
bool onEveryPath(const FunctionDecl &FD, const CallExpr &Call,
                 const DetachRules &Rules) {
  const CFG *Graph = Rules.CFGOf(FD);
  return Graph && alwaysArrives(*Graph, Call);
}

/// Where \p FD detaches its parameter \p Param on every path: the spawn
/// (in \p FD, or in the one function of the unit \p FD hands it to, which
/// spawns it on every path); null otherwise.
const CallExpr *detachedOnEveryPath(const FunctionDecl &FD,
                                    const ParmVarDecl &Param,
                                    const DetachRules &Rules) {
  auto DropsFailure = [&](const CallExpr &Spawn) {
    return dropsFailure(Spawn, Rules.Spawns, Rules.DiscardingTokens,
                        Rules.DiscardingSpawns);
  };
  std::optional<DetachingSpawn> Spawn =
      detachingSpawn(FD, Param, DropsFailure, /*Depth=*/1);
  if (!Spawn)
    return nullptr;
  const CallExpr *Hand = Spawn->HandedAt ? Spawn->HandedAt : Spawn->Spawn;
  if (!onEveryPath(FD, *Hand, Rules) ||
      (Spawn->HandedAt && !onEveryPath(*Spawn->Wrapper, *Spawn->Spawn, Rules)))
    return nullptr;
  return Spawn->Spawn;
}

/// The function of another unit whose call makes the task \p Arg is (a
/// task type, no body here); null when \p Arg is no such call.
const FunctionDecl *declaredMaker(const Expr *Arg) {
  const auto *Made = dyn_cast_or_null<CallExpr>(strip(Arg, Wrappers::Object));
  const FunctionDecl *Maker = Made ? Made->getDirectCallee() : nullptr;
  return Maker && !Maker->hasBody() &&
                 isTaskOrAwaitableType(Maker->getReturnType())
             ? Maker
             : nullptr;
}

} // namespace

std::optional<Finding> handedTaskFinding(const CallExpr &Call,
                                         const DetachRules &Rules,
                                         DroppingRuns &Runs, const Library &Lib,
                                         ASTContext &Ctx) {
  const FunctionDecl *Callee = calledDefinition(Call);
  if (!Callee || Callee->isInStdNamespace())
    return std::nullopt;
  auto DropsFailure = [&](const CallExpr &Spawn) {
    return dropsFailure(Spawn, Rules.Spawns, Rules.DiscardingTokens,
                        Rules.DiscardingSpawns);
  };
  for (unsigned I = 0; I < Callee->getNumParams(); ++I) {
    const ParmVarDecl &Param = *Callee->getParamDecl(I);
    const Expr *Arg = argumentFor(Call, I);
    const FunctionDecl *Coro = taskCoroutine(Arg);
    // A coroutine of another unit: what it throws is its summary's.
    const FunctionDecl *Maker = Coro ? nullptr : declaredMaker(Arg);
    std::optional<DetachingSpawn> Spawn =
        Coro || Maker ? detachingSpawn(*Callee, Param, DropsFailure)
                      : std::nullopt;
    std::optional<DroppingRun> Run =
        Coro && !Spawn ? Runs.of(*Callee, Param, Lib) : std::nullopt;
    if (Maker && Spawn)
      if (const Summary *Thrown =
              Rules.Throws.lookup(SummaryFact::Throws, *Maker, Ctx))
        return inHouseSpawnFinding(
            Call, Thrown->What,
            throwSummaryNotes(*Thrown, Ctx.getSourceManager(),
                              Call.getBeginLoc()),
            *Callee, *Spawn, Rules.Spawns, Rules.DiscardingTokens);
    const Stmt *Throw =
        Spawn || Run ? firstCoroutineThrow(Coro, Rules.Policy, Ctx) : nullptr;
    if (!Throw)
      continue;
    return Spawn ? inHouseSpawnFinding(Call, describeFunction(*Coro),
                                       {throwNote(*Throw)}, *Callee, *Spawn,
                                       Rules.Spawns, Rules.DiscardingTokens)
                 : runningCallFinding(Call, *Coro, *Callee, *Run, *Throw);
  }
  return std::nullopt;
}

void ParameterDetaches::summarise(const FunctionDecl &FD,
                                  const DetachRules &Rules, ASTContext &Ctx) {
  // Cheapest first: every function of the unit comes here.
  SourceManager &SM = Ctx.getSourceManager();
  if (FD.getNumParams() == 0 || !Writer.judging(Ctx) || getCoroutineBody(FD) ||
      !isSummarised(FD, SM))
    return;
  Summary E;
  E.Fact = SummaryFact::Detaches;
  E.What = quotedFunctionName(FD);
  std::vector<std::string> Indexes;
  for (unsigned I = 0; I < FD.getNumParams(); ++I) {
    const ParmVarDecl &Param = *FD.getParamDecl(I);
    const CallExpr *Spawn = takesTask(Param.getType())
                                ? detachedOnEveryPath(FD, Param, Rules)
                                : nullptr;
    SummaryStep Step;
    if (!Spawn || !placeStep(Spawn->getBeginLoc(), SM, Step))
      continue;
    Step.Caller = E.What;
    Step.Callee = spawnNote(*Spawn, Rules.Spawns, Rules.DiscardingTokens);
    Indexes.push_back(std::to_string(I));
    E.Steps.push_back(std::move(Step));
  }
  Writer.addPerParameter(std::move(E), Indexes, FD, Ctx);
}

std::optional<Finding> ParameterDetaches::judge(const CallExpr &Call,
                                                const DetachRules &Rules,
                                                ASTContext &Ctx) {
  // Cheapest first: every call of the unit comes here. A callee with a
  // body here is judged by it (handedTaskFinding), not by a summary.
  if (!Reader.active() || Call.getNumArgs() == 0 ||
      isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  const FunctionDecl *Callee = staticCallee(Call);
  if (!Callee || Callee->hasBody())
    return std::nullopt;
  SourceManager &SM = Ctx.getSourceManager();
  for (unsigned I = 0; I < Call.getNumArgs() && I < Callee->getNumParams();
       ++I) {
    // Asked only where a finding could follow: a task made by a call of a
    // coroutine (seen here, or of another unit), for a task parameter.
    if (!takesTask(Callee->getParamDecl(I)->getType()))
      continue;
    const Expr *Arg = Call.getArg(I);
    const FunctionDecl *Coro = taskCoroutine(Arg);
    const FunctionDecl *Maker = Coro ? nullptr : declaredMaker(Arg);
    if (!Coro && !Maker)
      continue;
    const Summary *S = lookup(*Callee, Ctx);
    // Both keys are asked together, so that the driver's first pass records
    // the throws key its second pass reads.
    const Summary *Thrown =
        Maker ? Rules.Throws.lookup(SummaryFact::Throws, *Maker, Ctx) : nullptr;
    const SummaryStep *Step = S ? parameterStep(*S, I) : nullptr;
    const Stmt *Throw =
        Step && Coro ? firstCoroutineThrow(Coro, Rules.Policy, Ctx) : nullptr;
    if (!Step || (!Throw && !Thrown))
      continue;
    Finding F{Call.getBeginLoc(),
              Call.getSourceRange(),
              "exceptions thrown by " +
                  (Throw ? describeFunction(*Coro) : Thrown->What) +
                  " are lost: " + S->What + " detaches it and drops them",
              {}};
    if (Throw)
      F.Notes.push_back(throwNote(*Throw));
    else
      F.Notes = throwSummaryNotes(*Thrown, SM, F.Loc);
    for (PlacedNote &N : summaryStepNotes(
             *S, *Step, SM, F.Loc,
             [](const SummaryStep &At) { return At.Caller + ": " + At.Callee; },
             [](const SummaryStep &At, llvm::StringRef Where) {
               return At.Caller + " detached it at " + Where.str() +
                      " (summary): " + At.Callee;
             }))
      F.Notes.push_back(std::move(N));
    return F;
  }
  return std::nullopt;
}

std::optional<DetachedHandOff>
DetachedHandOffs::handOff(const CallExpr &TaskCall, const Stmt &CallerBody,
                          ASTContext &Ctx) {
  std::optional<DetachedHandOff> Found;
  if (!active())
    return Found;
  forEachOwnStmt(&CallerBody, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (Found || !Call || Call == &TaskCall || isa<CXXOperatorCallExpr>(Call))
      return;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (strip(Call->getArg(I), Wrappers::Object) != &TaskCall)
        continue;
      const FunctionDecl *Callee = staticCallee(*Call);
      const Summary *Record =
          Callee && I < Callee->getNumParams() ? lookup(*Callee, Ctx) : nullptr;
      if (const SummaryStep *Spawn =
              Record ? parameterStep(*Record, I) : nullptr)
        Found = DetachedHandOff{Call, Record, Spawn};
      return;
    }
  });
  return Found;
}

} // namespace clang::tidy::async::model

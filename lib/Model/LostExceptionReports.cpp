//===--- LostExceptionReports.cpp - async-lint ----------------------------===//

#include "LostExceptionReports.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "EscapingThrows.h"
#include "Expressions.h"
#include "FailureHandlers.h"
#include "FanOuts.h"
#include "LostExceptions.h"
#include "SummaryFiles.h"
#include "SummaryPlaces.h"
#include "ThrowPlaces.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// \p Call's first name, quoted as warnings show it.
std::string quotedCallName(const CallExpr &Call) {
  std::optional<CallInfo> Info = describeCall(Call);
  return Info ? "'" + displayName(Info->Names.front()) + "'" : "this call";
}

} // namespace

PlacedNote throwNote(const Stmt &Where) {
  ThrowPlace Place = describeThrowPlace(Where);
  std::string Argument =
      Place.Maker ? "'" + Place.Maker->getNameAsString() + "'" : Place.Name;
  std::string Text = Place.Text.str();
  if (size_t At = Text.find("%0"); At != std::string::npos)
    Text.replace(At, 2, Argument);
  return {Where.getBeginLoc(), std::move(Text)};
}

std::optional<Summary> throwSummary(const FunctionDecl &Coro, const Stmt &Throw,
                                    std::string Key, const SourceManager &SM) {
  if (describeThrowPlace(Throw).Maker)
    return std::nullopt;
  Summary E;
  E.Fact = SummaryFact::Throws;
  E.Key = std::move(Key);
  E.What = describeFunction(Coro);
  SummaryStep Step;
  Step.Caller = E.What;
  Step.Callee = throwNote(Throw).Text;
  if (!placeStep(Throw.getBeginLoc(), SM, Step))
    return std::nullopt;
  E.Steps.push_back(std::move(Step));
  return E;
}

std::vector<Summary>
throwChains(const FunctionDecl &Coro, const std::string &Key,
            const ThrowPolicy &Policy,
            llvm::function_ref<std::string(const FunctionDecl &)> KeyOf,
            ASTContext &Ctx) {
  std::vector<Summary> Chains;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const CoroutineSuspendExpr *Await :
       escapingDeclaredAwaits(getUserBody(Coro), Policy, Ctx)) {
    const FunctionDecl *Callee = declaredCoroutineOf(*Await);
    std::string Through = KeyOf(*Callee);
    if (Through.empty() || !judgedBySummary(*Callee, SM) ||
        llvm::any_of(Chains,
                     [&](const Summary &C) { return C.Through == Through; }))
      continue;
    SummaryStep Step;
    Step.Caller = describeFunction(Coro);
    Step.Callee = "what '" + displayName(canonicalName(*Callee)) +
                  "' throws escapes the await here";
    if (!placeStep(Await->getBeginLoc(), SM, Step))
      continue;
    Chains.push_back({SummaryFact::Throws,
                      Key,
                      describeFunction(Coro),
                      "-",
                      {Step},
                      Through});
  }
  return Chains;
}

std::vector<PlacedNote> throwSummaryNotes(const Summary &S, SourceManager &SM,
                                          SourceLocation CallLoc) {
  return summaryNotes(
      S, SM, CallLoc, [](const SummaryStep &Step, bool) { return Step.Callee; },
      [](const SummaryStep &Step, llvm::StringRef Where, bool) {
        return Step.Callee + " (in " + Step.Caller + " at " + Where.str() +
               ", summary)";
      });
}

const FunctionDecl *declaredTaskMaker(const CallExpr &Call, const Expr *Token) {
  llvm::SmallVector<const Expr *, 4> Made;
  for (const Expr *Arg : Call.arguments())
    if (Arg != Token)
      Made.push_back(Arg);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Made.push_back(Member->getImplicitObjectArgument());
  for (const Expr *E : Made) {
    const auto *Maker = dyn_cast_or_null<CallExpr>(strip(E, Wrappers::Object));
    const FunctionDecl *Callee = Maker ? Maker->getDirectCallee() : nullptr;
    if (Callee && !Callee->hasBody() &&
        isTaskOrAwaitableType(Callee->getReturnType()))
      return Callee;
  }
  return nullptr;
}

std::optional<Finding> escapingThrowOf(const FunctionDecl *Coro,
                                       const CallExpr &Call, const Expr *Token,
                                       const ThrowPolicy &Policy,
                                       SummaryReader &Reader, ASTContext &Ctx) {
  Finding F{Call.getBeginLoc(), Call.getSourceRange(), "", {}};
  if (Coro) {
    const Stmt *Throw = firstCoroutineThrow(Coro, Policy, Ctx);
    if (!Throw)
      return std::nullopt;
    F.Message = describeFunction(*Coro);
    F.Notes.push_back(throwNote(*Throw));
    return F;
  }
  // A coroutine another unit defines: its summary says whether (and where)
  // its exception escapes.
  const FunctionDecl *Maker =
      Reader.active() ? declaredTaskMaker(Call, Token) : nullptr;
  const Summary *S =
      Maker ? Reader.lookup(SummaryFact::Throws, *Maker, Ctx) : nullptr;
  if (!S)
    return std::nullopt;
  F.Message = S->What;
  F.Notes = throwSummaryNotes(*S, Ctx.getSourceManager(), F.Loc);
  return F;
}

std::optional<Finding>
ignoredFailureFinding(const LambdaExpr &Handler, const Expr &Arg,
                      const CallExpr &Call, ResolvedTypes &FailureTypes,
                      const ThrowPolicy &Policy, const HandlerLists &Lists,
                      ASTContext &Ctx) {
  QualType Type;
  const ParmVarDecl *Failure = ignoredFailure(Handler, FailureTypes, Type, Ctx);
  // A recovery step: called only on failure, its result replaces it. A
  // handler that never returns stops the run at the failure.
  if (!Failure || neverReturns(Handler) ||
      (returnsValue(Handler) && givenToRecovery(Call, Arg, Lists.Recovery)))
    return std::nullopt;
  // A coroutine seen to throw nothing sends no failure; a Try also carries
  // the value, so ignoring it is reported only when the coroutine can throw.
  // A coroutine that runs a task handed in by its caller (or made by a
  // function handed in) hands this handler whatever that task throws.
  const FunctionDecl *Coro = handledCoroutine(Call, Arg, Lists.Forwarding, Ctx);
  ThrowPolicy Own = Policy;
  Own.AwaitedParameters = true;
  const Stmt *Throw = firstCoroutineThrow(Coro, Own, Ctx);
  if ((Coro && !Throw) || (!Coro && carriesValue(Type)))
    return std::nullopt;
  std::string Callee = "the call";
  if (std::optional<CallInfo> Info = describeCall(Call))
    Callee = "'" + displayName(Info->Names.front()) + "'";
  std::string Ignores =
      "this completion handler ignores the failure it receives";
  // The warning is at the handler's parameter; the call and the fix in a note.
  Finding F{Failure->getBeginLoc(),
            Failure->getSourceRange(),
            Ignores,
            {{Call.getBeginLoc(), "the handler is given to " + Callee +
                                      " here; log the failure or rethrow it"}}};
  if (Throw) {
    F.Message = "exceptions thrown by " + describeFunction(*Coro) +
                " are lost: " + Ignores;
    F.Notes.push_back(throwNote(*Throw));
  }
  return F;
}

std::optional<Finding> threadFinding(const CXXConstructExpr &Construct,
                                     const ThrowPolicy &Policy,
                                     ASTContext &Ctx) {
  const Stmt *Body = threadFunctionBody(Construct);
  const Stmt *Throw = Body ? firstEscapingThrow(Body, Policy, Ctx) : nullptr;
  if (!Throw)
    return std::nullopt;
  return Finding{Construct.getArg(0)->getBeginLoc(),
                 {},
                 "an exception escaping this thread function calls "
                 "'std::terminate'; catch it inside the function and hand it "
                 "on",
                 {throwNote(*Throw)}};
}

std::string spawnNote(const CallExpr &Spawn, const NameMatcher &Spawns,
                      const NameMatcher &DiscardingTokens) {
  std::optional<CallInfo> Info = describeCall(Spawn);
  std::string With = discardingTokenSpawn(Spawn, Info, Spawns, DiscardingTokens)
                         ? "'" + displayName(completionTokenName(Spawn)) + "'"
                         : "no error channel";
  return quotedCallName(Spawn) + " spawns it here with " + With +
         ", which drops its exceptions";
}

Finding inHouseSpawnFinding(const CallExpr &Call, const std::string &Coro,
                            std::vector<PlacedNote> Thrown,
                            const FunctionDecl &Callee,
                            const DetachingSpawn &Spawn,
                            const NameMatcher &Spawns,
                            const NameMatcher &DiscardingTokens) {
  Finding F{Call.getBeginLoc(), Call.getSourceRange(),
            "exceptions thrown by " + Coro + " are lost: " +
                describeFunction(Callee) + " detaches it and drops them",
            std::move(Thrown)};
  if (Spawn.HandedAt)
    F.Notes.push_back(
        {Spawn.HandedAt->getBeginLoc(),
         describeFunction(Callee) + " hands it on to " +
             describeFunction(*calledDefinition(*Spawn.HandedAt)) + " here"});
  F.Notes.push_back({Spawn.Spawn->getBeginLoc(),
                     spawnNote(*Spawn.Spawn, Spawns, DiscardingTokens)});
  return F;
}

Finding runningCallFinding(const CallExpr &Call, const FunctionDecl &Coro,
                           const FunctionDecl &Callee, const DroppingRun &Run,
                           const Stmt &Throw) {
  std::string Name = "'" + displayName(canonicalName(Callee)) + "'";
  Finding F{Call.getBeginLoc(),
            Call.getSourceRange(),
            "exceptions thrown by " + describeFunction(Coro) +
                " are lost: " + Name +
                (Run.HandedAt ? " runs it in a coroutine whose promise "
                                "discards them"
                              : " awaits it, and its promise discards them"),
            {{Call.getBeginLoc(),
              "catch the exceptions inside " + describeFunction(Coro)},
             throwNote(Throw)}};
  if (const CallExpr *At = Run.HandedAt)
    // A called lambda: at the lambda, not at its parentheses.
    F.Notes.push_back(
        {isa<CXXOperatorCallExpr>(At) ? At->getArg(0)->getBeginLoc()
                                      : At->getBeginLoc(),
         "the task is handed to " + describeFunction(*Run.Runner) + " here"});
  F.Notes.push_back({Run.Swallow->getLocation(),
                     "'unhandled_exception' drops the exception"});
  return F;
}

} // namespace clang::tidy::async::model

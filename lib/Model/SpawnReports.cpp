//===--- SpawnReports.cpp - async-lint ------------------------------------===//

#include "SpawnReports.h"
#include "BlockingReports.h"
#include "CallInfo.h"
#include "ConcurrencyLimits.h"
#include "CoroutineModel.h"
#include "NameMatcher.h"
#include "StaticLoopBounds.h"
#include "SummaryFiles.h"
#include "SummaryPlaces.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// \p Call's first name, quoted as warnings show it; \p Otherwise when it
/// has none. A lambda's call operator has no name a reader knows
/// ('(anonymous)::operator()'): the call is named by the variable that holds
/// the lambda, or as "the lambda's call".
std::string quotedCall(const Stmt &Call, llvm::StringRef Otherwise) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
    if (const auto *Method =
            dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
        Method && Method->getParent()->isLambda() && Op->getNumArgs() > 0) {
      const auto *Ref =
          dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
      return Ref ? "'" + Ref->getDecl()->getNameAsString() + "'"
                 : std::string("the lambda's call");
    }
  if (std::optional<CallInfo> Info = describeCall(Call))
    return "'" + displayName(Info->Names.front()) + "'";
  return Otherwise.str();
}

} // namespace

bool limitsSpawns(const Stmt &Body, const NameMatcher &LimiterFunctions,
                  const NameMatcher &LimiterTypes) {
  bool Limited = false;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    std::optional<CallInfo> Info =
        Call && !Limited ? describeCall(*Call) : std::nullopt;
    if (!Info)
      return;
    Limited = anyNameMatches(LimiterFunctions, *Info);
    if (!Info->ObjectType.isNull())
      if (const CXXRecordDecl *RD =
              Info->ObjectType.getNonReferenceType()->getAsCXXRecordDecl())
        Limited |= LimiterTypes.matches(canonicalName(*RD));
  });
  return Limited;
}

void summariseSpawns(SummaryWriter &Writer, const FunctionDecl &FD,
                     const Stmt &Body, const CallExpr &Spawn,
                     const NameMatcher &LimiterFunctions,
                     const NameMatcher &LimiterTypes, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!isSummarised(FD, SM) ||
      limitsSpawns(Body, LimiterFunctions, LimiterTypes))
    return;
  Summary E;
  E.Key = Writer.keyOf(FD, Ctx);
  E.What = quotedCall(Spawn, "a spawn");
  SummaryStep Step;
  Step.Caller = quotedFunctionName(FD);
  Step.Callee = E.What;
  if (!placeStep(Spawn.getBeginLoc(), SM, Step))
    return;
  E.Steps.push_back(std::move(Step));
  Writer.add(std::move(E));
}

llvm::SmallPtrSet<const Stmt *, 16>
callsInUnlimitedLoops(const OwnStmts &Own, ASTContext &Ctx,
                      const NameMatcher &LimiterFunctions,
                      const NameMatcher &LimiterTypes) {
  llvm::SmallPtrSet<const Stmt *, 16> Calls;
  for (const Stmt *S : Own.all())
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S) &&
        !staticallyBounded(*S, Ctx) &&
        !limitsConcurrency(*S, LimiterFunctions, LimiterTypes))
      Own.forEach(loopBody(*S), [&](const Stmt &Inner) {
        if (isa<CallExpr>(Inner))
          Calls.insert(&Inner);
      });
  return Calls;
}

const Summary *spawnsOnEveryCall(SummaryReader &Reader, const CallExpr &Call,
                                 ASTContext &Ctx) {
  const FunctionDecl *Callee = Reader.active() ? staticCallee(Call) : nullptr;
  return Callee ? Reader.lookup(SummaryFact::Spawns, *Callee, Ctx) : nullptr;
}

std::vector<PlacedNote> spawnSummaryNotes(const Summary &S, SourceManager &SM,
                                          SourceLocation CallLoc) {
  return summaryNotes(
      S, SM, CallLoc,
      [](const SummaryStep &Step, bool) {
        return Step.Caller + " calls " + Step.Callee +
               " here, which starts a task on every call";
      },
      [](const SummaryStep &Step, llvm::StringRef Where, bool) {
        return Step.Caller + " called " + Step.Callee + " at " + Where.str() +
               ", which starts a task on every call (summary)";
      });
}

Finding loopSpawnFinding(const CallExpr &Spawn, const Stmt &Loop, bool Paced,
                         const std::string &What,
                         std::vector<PlacedNote> Notes) {
  Finding F{Spawn.getBeginLoc(), Spawn.getSourceRange(),
            (What.empty() ? quotedCall(Spawn, "this call") : What) +
                " starts a task on every iteration of an unbounded loop " +
                (Paced ? "paced only by what it awaits"
                       : "that waits for none of them"),
            std::move(Notes)};
  F.Notes.push_back(
      {Loop.getBeginLoc(),
       Paced ? "the loop has no static bound; each iteration suspends before "
               "spawning, but nothing waits for the spawned tasks; limit how "
               "many run at once (await a semaphore or a bounded channel "
               "before spawning)"
             : "the loop has no static bound, and some path through it comes "
               "back to the spawn without suspending; limit how many run at "
               "once (await a semaphore or a bounded channel before "
               "spawning) or await them in batches"});
  return F;
}

Finding fanOutFinding(const FanOut &F) {
  return Finding{
      F.Combine->getBeginLoc(),
      {},
      quotedCall(*F.Combine, "this call") + " runs every task in '" +
          F.Container->getNameAsString() +
          "' at once, one per iteration of an unbounded loop",
      {{F.Add->getBeginLoc(), "a task is added here on every iteration"},
       {F.Loop->getBeginLoc(), "the loop has no static bound; process the "
                               "tasks in batches or behind a semaphore"}}};
}

Finding transformedFanOutFinding(const TransformedFanOut &F) {
  return Finding{
      F.Combine->getBeginLoc(),
      {},
      quotedCall(*F.Combine, "this call") +
          " runs a task per element of a range of runtime size, all at once",
      {{F.Made->getBeginLoc(), "a task is made here for every element"},
       {F.Input->getBeginLoc(),
        "the range has no static bound; process the tasks in batches or "
        "behind a semaphore"}}};
}

Finding parallelForEachFinding(const Expr &Call, const std::string &Name,
                               const Expr &Range) {
  return Finding{Call.getBeginLoc(),
                 Call.getSourceRange(),
                 "'" + displayName(Name) +
                     "' starts a task for every element of a range of "
                     "runtime size, all at once",
                 {{Range.getBeginLoc(),
                   "the range has no static bound; pass a concurrency limit "
                   "or process the range in batches"}}};
}

std::vector<Finding> recursionFindings(
    const FunctionDecl &FD,
    llvm::ArrayRef<std::pair<const CallExpr *, const Expr *>> Spawns) {
  std::vector<Finding> Found;
  const FunctionDecl *Self = FD.getCanonicalDecl();
  for (auto [Call, What] : Spawns) {
    const auto *Inner = dyn_cast<CallExpr>(What->IgnoreImplicit());
    const FunctionDecl *Callee = Inner ? Inner->getDirectCallee() : nullptr;
    if (!Callee || Callee->getCanonicalDecl() != Self || Inner == Call)
      continue;
    Found.push_back({Call->getBeginLoc(),
                     Call->getSourceRange(),
                     describeFunction(FD) +
                         " spawns itself: every run starts another, with no "
                         "bound on how many run at once",
                     {}});
  }
  return Found;
}

} // namespace clang::tidy::async::model

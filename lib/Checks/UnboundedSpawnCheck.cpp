//===--- UnboundedSpawnCheck.cpp - async-lint -----------------------------===//

#include "UnboundedSpawnCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/ConcurrencyLimits.h"
#include "../Model/ConstantConditions.h"
#include "../Model/CoroutineModel.h"
#include "../Model/ExistingTasks.h"
#include "../Model/JoinedBatches.h"
#include "../Model/PoolSizing.h"
#include "../Model/SpawnReports.h"
#include "../Model/SpawnSites.h"
#include "../Model/StaticLoopBounds.h"
#include "SummaryOptions.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

constexpr llvm::StringLiteral StrictModeOpt = "StrictMode";
constexpr llvm::StringLiteral LimiterFunctionsOpt = "LimiterFunctions";
constexpr llvm::StringLiteral SpawnLikeFunctionsOpt = "SpawnLikeFunctions";
constexpr llvm::StringLiteral ParallelForEachFunctionsOpt =
    "ParallelForEachFunctions";
constexpr llvm::StringLiteral TransformFunctionsOpt = "TransformFunctions";
constexpr llvm::StringLiteral TransformViewsOpt = "TransformViews";
constexpr llvm::StringLiteral WaitAllFunctionsOpt = "WaitAllFunctions";
constexpr llvm::StringLiteral UnitLocalOpt = "UnitLocalFunctions";

UnboundedSpawnCheck::UnboundedSpawnCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      StrictMode(Options.get(StrictModeOpt, false)),
      LimiterFunctions(
          Options.get(LimiterFunctionsOpt, model::DefaultLimiterFunctions)),
      SpawnLikeFunctions(
          Options.get(SpawnLikeFunctionsOpt, model::DefaultSpawnLikeFunctions)),
      ParallelForEachFunctions(Options.get(
          ParallelForEachFunctionsOpt, model::DefaultParallelForEachFunctions)),
      FanOutLists{LimiterFunctions,
                  Lib.Limiters,
                  Lib.CombinatorFunctions,
                  &Lib.SpawnFunctions,
                  &SpawnLikeFunctions,
                  &Transforms,
                  Options.get(UnitLocalOpt, true)},
      TransformFunctions(
          Options.get(TransformFunctionsOpt, model::DefaultTransformFunctions)),
      TransformViews(
          Options.get(TransformViewsOpt, model::DefaultTransformViews)),
      Transforms{TransformFunctions, TransformViews, Lib.CombinatorFunctions,
                 LimiterFunctions, Lib.Limiters},
      Writer(Options.getLocalOrGlobal(SummaryOutputOpt, "").str(),
             model::SummaryFact::Spawns),
      Reader(Options.getLocalOrGlobal(SummaryDirectoryOpt, "").str(), &Writer),
      WaitAll(Options.get(WaitAllFunctionsOpt, model::DefaultWaitAllFunctions)),
      Joins(model::untimedJoins(Lib.JoinMembers, WaitAll)) {}

void UnboundedSpawnCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, StrictModeOpt, StrictMode);
  Options.store(Opts, LimiterFunctionsOpt, LimiterFunctions.str());
  Options.store(Opts, SpawnLikeFunctionsOpt, SpawnLikeFunctions.str());
  Options.store(Opts, ParallelForEachFunctionsOpt,
                ParallelForEachFunctions.str());
  Options.store(Opts, TransformFunctionsOpt, TransformFunctions.str());
  Options.store(Opts, TransformViewsOpt, TransformViews.str());
  Options.store(Opts, WaitAllFunctionsOpt, WaitAll.str());
  Options.store(Opts, UnitLocalOpt, FanOutLists.UnitLocalFunctions);
  Options.store(Opts, SummaryOutputOpt, Writer.directory());
  Options.store(Opts, SummaryDirectoryOpt, Reader.directory());
}

void UnboundedSpawnCheck::startTranslationUnit() {
  FansOut.clear();
  TaskOrAwaitable.clear();
  EagerTasks.clear();
  Writer.flush();
  Reader.startUnit(Facts.session().summaryIndexes());
}

void UnboundedSpawnCheck::emit(const model::Finding &F) {
  diag(F.Loc, "%0") << F.Message << F.Range;
  for (const model::PlacedNote &N : F.Notes)
    diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Text;
}

const Expr *UnboundedSpawnCheck::spawned(const CallExpr &Call,
                                         const CheckedFunction &F) {
  return model::spawnedBy(Call, Lib.SpawnFunctions, SpawnLikeFunctions,
                          &F.own(), &EagerTasks);
}

void UnboundedSpawnCheck::checkLoop(CheckedFunction &F, const Stmt &Loop) {
  const FunctionDecl &FD = F.Decl;
  ASTContext &Ctx = F.Ctx;
  if (model::staticallyBounded(Loop, Ctx) ||
      model::neverRepeats(Loop, Lib.AlwaysFalseFunctions, Ctx))
    return;
  const CallExpr *Spawn = model::firstSpawnIn(Loop, F.own(), SpawnCalls,
                                              Lib.AlwaysFalseFunctions, Ctx);
  // A batch of a size the callers fix, joined whole after the loop.
  if (!Spawn || model::spawnsGivenTasks(Loop, F.own(), SpawnCalls) ||
      model::limitsConcurrency(Loop, LimiterFunctions, Lib.Limiters) ||
      (model::countFixedByCallers(Loop, Ctx, FanOutLists.UnitLocalFunctions,
                                  &FD) &&
       model::joinedAfter(Loop, F.own(), SpawnCalls, Joins,
                          Lib.CombinatorFunctions, Ctx)) ||
      model::sizesPool(FD, Loop, Ctx, [&](const CallExpr &Call) {
        return spawned(Call, F) || SummarisedSpawns.count(&Call);
      }))
    return;
  bool Paced = !suspensionsOf(FD, Ctx).repeatsWithoutSuspending(*Spawn);
  if (Paced && !StrictMode)
    return;
  // A call of a function another unit defines, whose summary says it
  // spawns on every call: reported at the call, noted at the spawn.
  if (const model::Summary *S = SummarisedSpawns.lookup(Spawn))
    return emit(model::loopSpawnFinding(
        *Spawn, Loop, Paced, S->Steps.front().Caller,
        model::spawnSummaryNotes(*S, Ctx.getSourceManager(),
                                 Spawn->getBeginLoc())));
  emit(model::loopSpawnFinding(*Spawn, Loop, Paced, "", {}));
}

void UnboundedSpawnCheck::checkFunction(CheckedFunction &F) {
  // Every call asked once what it spawns (or, another unit's function, what
  // its summary says); a function without a spawn has nothing to judge.
  Spawns.clear();
  SpawnCalls.clear();
  SummarisedSpawns.clear();
  auto Askable = Reader.active()
                     ? model::callsInUnlimitedLoops(
                           F.own(), F.Ctx, LimiterFunctions, Lib.Limiters)
                     : llvm::SmallPtrSet<const Stmt *, 16>();
  for (const Expr *Site : F.events().calls()) {
    const auto *Call = dyn_cast<CallExpr>(Site);
    const Expr *What = Call ? spawned(*Call, F) : nullptr;
    // Waited for where it is made: over before the next one starts.
    if (What && model::joinedInPlace(*Call, F.Ctx, Joins))
      continue;
    if (What) {
      Spawns.push_back({Call, What});
      SpawnCalls.insert(Call);
    } else if (const model::Summary *Summary =
                   Call && Askable.contains(Call) &&
                           (StrictMode || suspensionsOf(F.Decl, F.Ctx)
                                              .repeatsWithoutSuspending(*Call))
                       ? model::spawnsOnEveryCall(Reader, *Call, F.Ctx)
                       : nullptr) {
      SummarisedSpawns[Call] = Summary;
    }
  }
  for (auto [Call, Summary] : SummarisedSpawns)
    SpawnCalls.insert(Call);
  if (!SpawnCalls.empty())
    for (const Stmt *Loop : F.events().loops())
      checkLoop(F, *Loop);
  checkFanOut(F);
  checkParallelForEach(F);
  if (F.isCoroutine())
    for (const model::Finding &Self : model::recursionFindings(F.Decl, Spawns))
      emit(Self);
  // Spawning on every call, without a limit: what a loop of another unit
  // that calls this function would be reported for.
  if (Writer.judging(F.Ctx) && !Spawns.empty())
    model::summariseSpawns(Writer, F.Decl, F.Body, *Spawns.front().first,
                           LimiterFunctions, Lib.Limiters, F.Ctx);
}

void UnboundedSpawnCheck::checkFanOut(CheckedFunction &Fn) {
  for (const model::FanOut &F :
       model::fanOuts(&Fn.Body, Fn.Ctx, FanOutLists, &Fn.own()))
    emit(model::fanOutFinding(F));
  for (const model::TransformedFanOut &F :
       model::transformedFanOuts(&Fn.Body, Fn.Ctx, Transforms, &Fn.own()))
    emit(model::transformedFanOutFinding(F));
}

bool UnboundedSpawnCheck::isTaskOrAwaitable(QualType T) {
  const Type *Key = T.getCanonicalType().getTypePtrOrNull();
  auto [It, New] = TaskOrAwaitable.try_emplace(Key, false);
  if (New)
    It->second = model::isTaskOrAwaitableType(T);
  return It->second;
}

void UnboundedSpawnCheck::checkParallelForEach(CheckedFunction &F) {
  for (const Expr *Site : F.events().calls()) {
    const Stmt &S = *Site;
    if (isa<CXXOperatorCallExpr>(S))
      continue;
    llvm::SmallVector<const Expr *, 4> Args;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Args.append(Call->arg_begin(), Call->arg_end());
    else
      Args.append(cast<CXXConstructExpr>(S).arg_begin(),
                  cast<CXXConstructExpr>(S).arg_end());
    const auto &E = cast<Expr>(S);
    // A helper that makes no task may spawn one per element itself.
    bool Task = E.getType()->isRecordType() && isTaskOrAwaitable(E.getType());
    if (Args.size() < 2)
      continue;
    auto [Range, Callable] = model::rangeAndCallable(Args, F.Ctx, Lib.Limiters);
    if (!Range || model::fixedSizeRange(Range, F.Ctx))
      continue;
    // What it makes is awaited, returned or spawned; an eager result starts
    // anyway.
    using K = model::TaskFate::Kind;
    K Fate = Task ? F.flow().fateOf(&E).What : K::Awaited;
    if (model::lazinessOf(E.getType()) != model::Laziness::Eager &&
        Fate != K::Awaited && Fate != K::AwaitedLater && Fate != K::Escapes)
      continue;
    std::optional<model::CallInfo> Info = model::describeCall(S);
    if (!Info)
      continue;
    // Listed, by the function's name or the class it constructs; or a
    // helper whose body shows that it starts them all at once.
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(Info->Callee);
    bool Listed =
        Task && (model::anyNameMatches(ParallelForEachFunctions, *Info) ||
                 (Ctor && ParallelForEachFunctions.matches(
                              model::canonicalName(*Ctor->getParent()))));
    if (!Listed &&
        (Ctor || !isa<CallExpr>(S) ||
         !FansOut.fansOut(*Info->Callee, Callable, F.Ctx, FanOutLists)))
      continue;
    std::string Name =
        Ctor ? model::canonicalName(*Ctor->getParent()) : Info->Names.front();
    emit(model::parallelForEachFinding(E, Name, *Range));
  }
}

} // namespace clang::tidy::async

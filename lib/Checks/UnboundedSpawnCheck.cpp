//===--- UnboundedSpawnCheck.cpp - async-lint -----------------------------===//

#include "UnboundedSpawnCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/ConcurrencyLimits.h"
#include "../Model/CoroutineModel.h"
#include "../Model/PoolSizing.h"
#include "../Model/SpawnSites.h"
#include "../Model/StaticLoopBounds.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral StrictModeOpt = "StrictMode";
constexpr llvm::StringLiteral LimiterFunctionsOpt = "LimiterFunctions";
constexpr llvm::StringLiteral SpawnLikeFunctionsOpt = "SpawnLikeFunctions";
constexpr llvm::StringLiteral ParallelForEachFunctionsOpt =
    "ParallelForEachFunctions";

constexpr llvm::StringLiteral DefaultLimiterFunctions =
    "acquire;async_acquire;try_acquire;co_acquire;acquire_slot;"
    "folly::coro::Semaphore::co_wait;::coro::semaphore::acquire;"
    "async_simple::coro::CountingSemaphore::acquire";
constexpr llvm::StringLiteral DefaultSpawnLikeFunctions = "::std::async";
constexpr llvm::StringLiteral DefaultParallelForEachFunctions =
    "seastar::parallel_for_each;seastar::coroutine::parallel_for_each;"
    "parallel_for_each";

} // namespace

UnboundedSpawnCheck::UnboundedSpawnCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      StrictMode(Options.get(StrictModeOpt, false)),
      LimiterFunctions(
          Options.get(LimiterFunctionsOpt, DefaultLimiterFunctions)),
      SpawnLikeFunctions(
          Options.get(SpawnLikeFunctionsOpt, DefaultSpawnLikeFunctions)),
      ParallelForEachFunctions(Options.get(ParallelForEachFunctionsOpt,
                                           DefaultParallelForEachFunctions)),
      FanOutLists{LimiterFunctions, Lib.Limiters, Lib.CombinatorFunctions} {}

void UnboundedSpawnCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, StrictModeOpt, StrictMode);
  Options.store(Opts, LimiterFunctionsOpt, LimiterFunctions.str());
  Options.store(Opts, SpawnLikeFunctionsOpt, SpawnLikeFunctions.str());
  Options.store(Opts, ParallelForEachFunctionsOpt,
                ParallelForEachFunctions.str());
}

void UnboundedSpawnCheck::startTranslationUnit() {
  FansOut.clear();
  TaskOrAwaitable.clear();
}

const Expr *UnboundedSpawnCheck::spawned(const CallExpr &Call) const {
  return model::spawnedBy(Call, Lib.SpawnFunctions, SpawnLikeFunctions);
}

const CallExpr *
UnboundedSpawnCheck::firstSpawn(const Stmt &Loop,
                                const model::OwnStmts &Own) const {
  const Stmt *Body = model::loopBody(Loop);
  llvm::SmallVector<const CallExpr *, 2> InLoop;
  Own.forEach(Body, [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S);
        Call && SpawnCalls.contains(Call))
      InLoop.push_back(Call);
  });
  if (InLoop.empty())
    return nullptr;
  // A spawn in a nested loop is that loop's.
  llvm::SmallPtrSet<const Stmt *, 8> Nested;
  Own.forEach(Body, [&](const Stmt &S) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
      Own.forEach(model::loopBody(S),
                  [&](const Stmt &Inner) { Nested.insert(&Inner); });
  });
  for (const CallExpr *Call : InLoop)
    if (!Nested.contains(Call))
      return Call;
  return nullptr;
}

void UnboundedSpawnCheck::checkLoop(CheckedFunction &F, const Stmt &Loop) {
  const FunctionDecl &FD = F.Decl;
  ASTContext &Ctx = F.Ctx;
  if (model::staticallyBounded(Loop, Ctx))
    return;
  const CallExpr *Spawn = firstSpawn(Loop, F.own());
  if (!Spawn ||
      model::limitsConcurrency(Loop, LimiterFunctions, Lib.Limiters) ||
      model::sizesPool(FD, Loop, Ctx, [&](const CallExpr &Call) {
        return spawned(Call) != nullptr;
      }))
    return;
  bool Paced = !suspensionsOf(FD, Ctx).repeatsWithoutSuspending(*Spawn);
  if (Paced && !StrictMode)
    return;
  std::string What = "this call";
  if (std::optional<model::CallInfo> Info = model::describeCall(*Spawn))
    What = "'" + model::displayName(Info->Names.front()) + "'";
  if (Paced)
    diag(Spawn->getBeginLoc(),
         "%0 starts a task on every iteration of a loop without a bound, "
         "paced only by what the loop awaits; limit how many run at once "
         "(await a semaphore or a bounded channel before spawning)")
        << What << Spawn->getSourceRange();
  else
    diag(Spawn->getBeginLoc(),
         "%0 starts a task on every iteration of a loop without a bound, "
         "and the loop does not wait for any of them; limit how many run "
         "at once (await a semaphore or a bounded channel before "
         "spawning) or await them in batches")
        << What << Spawn->getSourceRange();
  diag(Loop.getBeginLoc(),
       Paced ? "the loop has no static bound; each iteration suspends before "
               "spawning, but nothing waits for the spawned tasks"
             : "the loop has no static bound, and some path through it comes "
               "back to the spawn without suspending",
       DiagnosticIDs::Note);
}

void UnboundedSpawnCheck::checkRecursion(const FunctionDecl &FD) {
  const FunctionDecl *Self = FD.getCanonicalDecl();
  for (auto [Call, What] : Spawns) {
    const auto *Inner = dyn_cast<CallExpr>(What->IgnoreImplicit());
    const FunctionDecl *Callee = Inner ? Inner->getDirectCallee() : nullptr;
    if (!Callee || Callee->getCanonicalDecl() != Self || Inner == Call)
      continue;
    diag(Call->getBeginLoc(),
         "%0 spawns itself: every run starts another, with no bound on how "
         "many run at once")
        << model::describeFunction(FD) << Call->getSourceRange();
  }
}

void UnboundedSpawnCheck::checkFunction(CheckedFunction &F) {
  // Every call asked once what it spawns; a function without a spawn (most
  // of them) has no loop or recursion to judge.
  Spawns.clear();
  SpawnCalls.clear();
  F.forEachStmt([&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      if (const Expr *What = spawned(*Call)) {
        Spawns.push_back({Call, What});
        SpawnCalls.insert(Call);
      }
  });
  if (!Spawns.empty())
    F.forEachStmt([&](const Stmt &S) {
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
        checkLoop(F, S);
    });
  checkFanOut(F);
  checkParallelForEach(F);
  if (F.isCoroutine() && !Spawns.empty())
    checkRecursion(F.Decl);
}

void UnboundedSpawnCheck::checkFanOut(CheckedFunction &Fn) {
  for (const model::FanOut &F :
       model::fanOuts(&Fn.Body, Fn.Ctx, FanOutLists, &Fn.own())) {
    std::string Name = "this call";
    if (std::optional<model::CallInfo> Info = model::describeCall(*F.Combine))
      Name = "'" + model::displayName(Info->Names.front()) + "'";
    diag(F.Combine->getBeginLoc(),
         "%0 runs every task in %1 at once, one per iteration of a loop "
         "without a bound, with no limit on how many run together; "
         "process them in batches or behind a semaphore")
        << Name << F.Container;
    diag(F.Add->getBeginLoc(), "a task is added here on every iteration",
         DiagnosticIDs::Note);
    diag(F.Loop->getBeginLoc(), "the loop has no static bound",
         DiagnosticIDs::Note);
  }
}

bool UnboundedSpawnCheck::isTaskOrAwaitable(QualType T) {
  const Type *Key = T.getCanonicalType().getTypePtrOrNull();
  auto [It, New] = TaskOrAwaitable.try_emplace(Key, false);
  if (New)
    It->second = model::isTaskOrAwaitableType(T);
  return It->second;
}

void UnboundedSpawnCheck::checkParallelForEach(CheckedFunction &F) {
  F.forEachStmt([&](const Stmt &S) {
    if (!isa<CallExpr, CXXConstructExpr>(S) || isa<CXXOperatorCallExpr>(S))
      return;
    llvm::SmallVector<const Expr *, 4> Args;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Args.append(Call->arg_begin(), Call->arg_end());
    else
      Args.append(cast<CXXConstructExpr>(S).arg_begin(),
                  cast<CXXConstructExpr>(S).arg_end());
    const auto &E = cast<Expr>(S);
    if (Args.size() < 2 || !E.getType()->isRecordType() ||
        !isTaskOrAwaitable(E.getType()))
      return;
    auto [Range, Callable] = model::rangeAndCallable(Args, F.Ctx, Lib.Limiters);
    if (!Range || model::fixedSizeRange(Range, F.Ctx))
      return;
    // What it makes is awaited, returned or spawned; an eager result starts
    // anyway.
    using K = model::TaskFate::Kind;
    model::TaskFate Fate = F.flow().fateOf(&E);
    if (model::lazinessOf(E.getType()) != model::Laziness::Eager &&
        Fate.What != K::Awaited && Fate.What != K::AwaitedLater &&
        Fate.What != K::Escapes)
      return;
    std::optional<model::CallInfo> Info = model::describeCall(S);
    if (!Info)
      return;
    // Listed, by the function's name or the class it constructs; or a
    // helper whose body shows that it starts them all at once.
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(Info->Callee);
    bool Listed = model::anyNameMatches(ParallelForEachFunctions, *Info) ||
                  (Ctor && ParallelForEachFunctions.matches(
                               model::canonicalName(*Ctor->getParent())));
    if (!Listed &&
        (Ctor || !isa<CallExpr>(S) ||
         !FansOut.fansOut(*Info->Callee, Callable, F.Ctx, FanOutLists)))
      return;
    std::string Name =
        Ctor ? model::canonicalName(*Ctor->getParent()) : Info->Names.front();
    diag(S.getBeginLoc(),
         "%0 starts a task for every element of a range of runtime size, "
         "all at once, with no limit on how many run together; pass a "
         "concurrency limit or process the range in batches")
        << ("'" + model::displayName(Name) + "'") << E.getSourceRange();
    diag(Range->getBeginLoc(), "the range has no static bound",
         DiagnosticIDs::Note);
  });
}

} // namespace clang::tidy::async

//===--- BlockingCallCheck.cpp - async-lint -------------------------------===//

#include "BlockingCallCheck.h"
#include "../Model/BlockingCatalog.h"
#include "../Model/CoroutineModel.h"
#include "../Model/NoExecutor.h"
#include "../Model/SingleThreadContext.h"
#include "../Model/SummaryPlaces.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/WithColor.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral CategoriesOpt = "Categories";
constexpr llvm::StringLiteral BlockingFunctionsOpt = "BlockingFunctions";
constexpr llvm::StringLiteral AllowedFunctionsOpt = "AllowedFunctions";
constexpr llvm::StringLiteral AwaitableMembersOpt = "AwaitableBlockingMembers";
constexpr llvm::StringLiteral BlockingStreamsOpt = "BlockingStreams";
constexpr llvm::StringLiteral MaxCallDepthOpt = "MaxCallDepth";
constexpr llvm::StringLiteral WouldBlockErrorsOpt = "WouldBlockErrors";
// Read local first, then global: the driver sets them for every check.
constexpr llvm::StringLiteral SummaryOutputOpt = "SummaryOutput";
constexpr llvm::StringLiteral SummaryDirectoryOpt = "SummaryDirectory";
/// How summaries name the category of the user's BlockingFunctions.
constexpr llvm::StringLiteral CustomCategoryKey = "custom";
constexpr llvm::StringLiteral DefaultWouldBlockErrors =
    "EAGAIN;EWOULDBLOCK;EINPROGRESS";

std::string defaultCategories() {
  std::vector<std::string> Keys;
  for (const model::BlockingCategory &C : model::blockingCategories())
    if (C.EnabledByDefault)
      Keys.push_back(C.Key.str());
  return model::joinList(Keys);
}

/// How notes name a function on the call path.
std::string quotedName(const FunctionDecl &FD) {
  if (model::isLambdaCallOperator(FD))
    return "a lambda";
  return "'" + model::displayName(model::canonicalName(FD)) + "'";
}

SourceLocation diagnosticLocation(const Stmt &S) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S))
    return Member->getExprLoc();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S))
    if (Op->getOperator() != OO_Call && Op->getOperator() != OO_Subscript)
      return Op->getOperatorLoc();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    return Construct->getLocation();
  return S.getBeginLoc();
}

/// The option \p Opt of the check \p CheckName, read as
/// OptionsView::getLocalOrGlobal does, before the check is constructed.
std::string optionBeforeCheck(StringRef CheckName, ClangTidyContext *Context,
                              StringRef Opt) {
  const ClangTidyOptions::OptionMap &Map = Context->getOptions().CheckOptions;
  auto It = Map.find((CheckName + "." + Opt).str());
  if (It == Map.end())
    It = Map.find(Opt);
  return It == Map.end() ? std::string() : It->getValue().Value;
}

/// How a warning names a blocking category, and what it advises.
std::pair<llvm::StringRef, llvm::StringRef> labelAndAdvice(unsigned Category) {
  if (Category == model::BlockingCall::Custom)
    return {"a blocking call", model::CustomBlockingAdvice};
  const model::BlockingCategory &C = model::blockingCategories()[Category];
  return {C.Label, C.Advice};
}

} // namespace

BlockingCallCheck::BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
    // Writing summaries, every function is judged (the coroutines for
    // findings, every function for the summary).
    : AsyncCheck(Name, Context,
                 optionBeforeCheck(Name, Context, SummaryOutputOpt).empty()
                     ? Judges::Coroutines
                     : Judges::Functions,
                 /*Templates=*/true),
      CategoriesOption(Options.get(CategoriesOpt, defaultCategories())),
      BlockingFunctions(Options.get(BlockingFunctionsOpt, "")),
      AllowedFunctions(Options.get(AllowedFunctionsOpt, "")),
      AwaitableBlockingMembers(Options.get(
          AwaitableMembersOpt, model::DefaultAwaitableBlockingMembers)),
      BlockingStreams(
          Options.get(BlockingStreamsOpt, model::DefaultBlockingStreams)),
      WouldBlockErrors(model::splitList(
          Options.get(WouldBlockErrorsOpt, DefaultWouldBlockErrors))),
      MaxCallDepth(Options.get<unsigned>(MaxCallDepthOpt, 3)),
      SummaryOutput(Options.getLocalOrGlobal(SummaryOutputOpt, "")),
      SummaryDirectory(Options.getLocalOrGlobal(SummaryDirectoryOpt, "")),
      Lists{CategoryNames,    CategoryEnabled,          BlockingFunctions,
            AllowedFunctions, AwaitableBlockingMembers, BlockingStreams},
      IO(WouldBlockErrors), Reaches(Lists, IO) {
  CircularWaitEnabled = Context->isCheckEnabled("async-circular-wait");
  std::vector<std::string> Enabled = model::splitList(CategoriesOption);
  for (const model::BlockingCategory &C : model::blockingCategories()) {
    CategoryNames.emplace_back(
        Options.getLocalOrGlobal(C.OptionName, C.DefaultNames));
    CategoryEnabled.push_back(llvm::is_contained(Enabled, C.Key.str()));
  }
}

BlockingCallCheck::~BlockingCallCheck() { writeSummary(); }

void BlockingCallCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, CategoriesOpt, CategoriesOption);
  for (auto [C, Names] :
       llvm::zip_equal(model::blockingCategories(), CategoryNames))
    Options.store(Opts, C.OptionName, Names.str());
  Options.store(Opts, BlockingFunctionsOpt, BlockingFunctions.str());
  Options.store(Opts, AllowedFunctionsOpt, AllowedFunctions.str());
  Options.store(Opts, AwaitableMembersOpt, AwaitableBlockingMembers.str());
  Options.store(Opts, BlockingStreamsOpt, BlockingStreams.str());
  Options.store(Opts, MaxCallDepthOpt, MaxCallDepth);
  Options.store(Opts, WouldBlockErrorsOpt, model::joinList(WouldBlockErrors));
  Options.store(Opts, SummaryOutputOpt, SummaryOutput);
  Options.store(Opts, SummaryDirectoryOpt, SummaryDirectory);
}

void BlockingCallCheck::startTranslationUnit() {
  Reaches.clear();
  IO.clear();
  SyncWaitStarted.clear();
  CircularWaits.reset();
  writeSummary();
  Names.reset();
  NamesContext = nullptr;
}

ASTNameGenerator &BlockingCallCheck::names(ASTContext &Ctx) {
  if (!Names || NamesContext != &Ctx) {
    Names = std::make_unique<ASTNameGenerator>(Ctx);
    NamesContext = &Ctx;
  }
  return *Names;
}

void BlockingCallCheck::summarise(const FunctionDecl &FD, ASTContext &Ctx) {
  SourceManager &SM = Ctx.getSourceManager();
  if (SummarisedUnit.empty())
    SummarisedUnit = model::mainFilePath(SM);
  if (SummarisedUnit.empty() || MaxCallDepth == 0 ||
      !model::isSummarised(FD, SM) || model::isAllowedBlocking(FD, Lists))
    return;
  std::optional<model::BlockingPath> R;
  withQueries(Ctx, [&](const model::BlockingQueries &Q) {
    R = Reaches.reachOf(FD, MaxCallDepth, Ctx, Q);
  });
  // Only what blocks whatever the arguments: a condition on an argument
  // would need the caller's facts about it, which a summary cannot hold.
  if (!R || R->When.Param >= 0)
    return;
  model::BlockingSummary E;
  E.Key = model::summaryKey(FD, names(Ctx));
  E.Leaf = R->Leaf.Name;
  E.Category = R->Leaf.Category == model::BlockingCall::Custom
                   ? CustomCategoryKey.str()
                   : model::blockingCategories()[R->Leaf.Category].Key.str();
  // The path as the notes of a visible call show it (report()).
  const FunctionDecl *Step = &FD;
  for (unsigned Guard = 0; Step && Guard <= MaxCallDepth; ++Guard) {
    const model::BlockingPath *P = Reaches.found(Step);
    if (!P)
      break;
    model::SummaryStep S;
    S.Caller = quotedName(*Step);
    S.Callee = P->Via ? quotedName(*P->Via) : P->Leaf.Name;
    if (!model::placeStep(diagnosticLocation(*P->Site), SM, S))
      return;
    E.Steps.push_back(std::move(S));
    Step = P->Via;
  }
  if (!E.Key.empty() && !E.Steps.empty())
    Summarised.push_back(std::move(E));
}

void BlockingCallCheck::writeSummary() {
  if (SummaryOutput.empty() || SummarisedUnit.empty())
    return;
  if (llvm::Error Err = model::writeSummaryFile(
          SummaryOutput, SummarisedUnit,
          model::formatSummaries(SummarisedUnit, Summarised)))
    llvm::WithColor::warning(llvm::errs(), "async-lint")
        << "cannot write the summary of '" << SummarisedUnit
        << "': " << llvm::toString(std::move(Err)) << "\n";
  SummarisedUnit.clear();
  Summarised.clear();
}

std::optional<unsigned>
BlockingCallCheck::enabledCategory(llvm::StringRef Key) const {
  if (Key == CustomCategoryKey)
    return model::BlockingCall::Custom;
  for (auto [I, C] : llvm::enumerate(model::blockingCategories()))
    if (C.Key == Key && CategoryEnabled[I])
      return unsigned(I);
  return std::nullopt;
}

const model::BlockingSummary *
BlockingCallCheck::summarisedCallee(const Stmt &S, ASTContext &Ctx) {
  if (SummaryDirectory.empty())
    return nullptr;
  // Only a function this unit cannot see into: a body here is the truth.
  const FunctionDecl *Callee = model::staticCallee(S);
  if (!Callee || !model::judgedBySummary(*Callee, Ctx.getSourceManager()) ||
      model::isAllowedBlocking(*Callee, Lists))
    return nullptr;
  if (!Summaries)
    Summaries = model::summariesOf(SummaryDirectory);
  const model::BlockingSummary *Found =
      Summaries->find(model::summaryKey(*Callee, names(Ctx)));
  // The call is one more function boundary than the summary's path.
  if (!Found || Found->Steps.size() + 1 > MaxCallDepth)
    return nullptr;
  return Found;
}

void BlockingCallCheck::reportSummarised(const FunctionDecl &Coro,
                                         const Stmt &Site,
                                         const model::BlockingSummary &Summary,
                                         unsigned Category) {
  SourceLocation Loc = diagnosticLocation(Site);
  if (!reportOnce(Loc))
    return;
  auto [Label, Advice] = labelAndAdvice(Category);
  diag(Loc, "call to %0 blocks the executor thread inside %1: it reaches %2 "
            "(%3); %4")
      << Summary.Steps.front().Caller << model::describeFunction(Coro)
      << Summary.Leaf << Label << Advice << Site.getSourceRange();
  // The notes are in the other unit's files: loaded here to show them.
  SourceManager &SM = Coro.getASTContext().getSourceManager();
  for (size_t I = 0; I < Summary.Steps.size(); ++I) {
    const model::SummaryStep &S = Summary.Steps[I];
    bool Last = I + 1 == Summary.Steps.size();
    std::string Where =
        S.File + ":" + std::to_string(S.Line) + ":" + std::to_string(S.Column);
    SourceLocation At = model::locationOf(S, SM);
    // A file changed or gone since the summary was written: the note says
    // where the call was, at the call of this unit.
    if (At.isInvalid())
      diag(Loc,
           Last ? "%0 called %1 at %2, which blocks (summary)"
                : "%0 called %1 at %2 (summary)",
           DiagnosticIDs::Note)
          << S.Caller << S.Callee << Where;
    else
      diag(At, Last ? "%0 calls %1 here, which blocks" : "%0 calls %1 here",
           DiagnosticIDs::Note)
          << S.Caller << S.Callee;
  }
}

bool BlockingCallCheck::leftToCircularWait(const Stmt &Site, ASTContext &Ctx) {
  if (!CircularWaitEnabled || !isa<CXXMemberCallExpr>(Site))
    return false;
  if (!CircularWaits) {
    // async-circular-wait's default lists (its options may differ: then the
    // two checks may disagree on a configured context).
    model::NameMatcher Types(model::DefaultContextTypes),
        Runs(model::DefaultContextRunMembers),
        Queries(model::DefaultContextQueryMembers),
        HandOffs(model::DefaultContextHandOffs),
        Executors(model::DefaultExecutorQueries),
        Futures(model::DefaultFutureTokens);
    model::SingleThreadKnowledge Know{
        Types, Runs, Queries, HandOffs, Executors, Futures, Lib.JoinMembers};
    CircularWaits.emplace();
    for (const model::OwnContextWait &W :
         model::ownContextWaitsInUnit(Ctx, Know))
      CircularWaits->insert(W.Wait);
  }
  return CircularWaits->contains(&Site);
}

bool BlockingCallCheck::mayRunOnExecutor(const FunctionDecl &Coro,
                                         const Stmt &Site, ASTContext &Ctx) {
  if (!SyncWaitStarted.startedOnlyBySyncWait(Coro, Lib.SyncWaitFunctions))
    return true;
  return suspensionsOf(Coro, Ctx).mayRunAfterSuspension(Site);
}

void BlockingCallCheck::report(const FunctionDecl &Coro, const Stmt &Site,
                               const FunctionDecl *Via,
                               const model::BlockingCall &Leaf) {
  if (!Via && leftToCircularWait(Site, Coro.getASTContext()))
    return;
  SourceLocation Loc = diagnosticLocation(Site);
  if (!reportOnce(Loc))
    return;
  auto [Label, Advice] = labelAndAdvice(Leaf.Category);
  std::string Where = model::describeFunction(Coro);
  if (!Via) {
    diag(Loc, "%0 blocks the executor thread inside %1 (%2); %3")
        << Leaf.Name << Where << Label << Advice << Site.getSourceRange();
    return;
  }
  diag(Loc, "call to %0 blocks the executor thread inside %1: it reaches %2 "
            "(%3); %4")
      << quotedName(*Via) << Where << Leaf.Name << Label << Advice
      << Site.getSourceRange();
  // One note per step of the call path, down to the blocking call.
  const FunctionDecl *Step = Via;
  for (unsigned Guard = 0; Step && Guard <= MaxCallDepth; ++Guard) {
    const model::BlockingPath *Found = Reaches.found(Step);
    if (!Found)
      break;
    const model::BlockingPath &R = *Found;
    if (R.Via)
      diag(diagnosticLocation(*R.Site), "%0 calls %1 here", DiagnosticIDs::Note)
          << quotedName(*Step) << quotedName(*R.Via);
    else
      diag(diagnosticLocation(*R.Site), "%0 calls %1 here, which blocks",
           DiagnosticIDs::Note)
          << quotedName(*Step) << R.Leaf.Name;
    Step = R.Via;
  }
}

void BlockingCallCheck::withQueries(
    ASTContext &Ctx,
    llvm::function_ref<void(const model::BlockingQueries &)> Use) {
  // Named: BlockingQueries holds function_refs to them.
  auto FactsAt = [&](const FunctionDecl &F, const Expr *Object,
                     const Stmt *At) {
    return Facts.factsAt(F, Object, At, Ctx);
  };
  auto PathFactsOf = [&](const FunctionDecl &F) -> const model::PathFacts & {
    return Facts.of(F, Ctx);
  };
  auto Suspensions =
      [&](const FunctionDecl &F) -> const model::SuspensionFlow & {
    return suspensionsOf(F, Ctx);
  };
  Use(model::BlockingQueries{FactsAt, PathFactsOf, Suspensions});
}

void BlockingCallCheck::checkSummarisedCall(const CheckedFunction &F,
                                            const Stmt &S) {
  // A callee defined in another unit, whose summary says it blocks whatever
  // the arguments (under this unit's categories).
  const model::BlockingSummary *Summary = summarisedCallee(S, F.Ctx);
  if (!Summary)
    return;
  std::optional<unsigned> Category = enabledCategory(Summary->Category);
  if (Category && mayRunOnExecutor(F.Decl, S, F.Ctx) &&
      !model::noExecutorBranch(F.Body, S, Lib.CurrentExecutorAwaitables, F.Ctx))
    reportSummarised(F.Decl, S, *Summary, *Category);
}

void BlockingCallCheck::checkFunction(CheckedFunction &F) {
  if (!SummaryOutput.empty()) {
    summarise(F.Decl, F.Ctx);
    // Judging every function for the summary: findings in coroutines only.
    if (!F.isCoroutine())
      return;
  }
  withQueries(F.Ctx,
              [&](const model::BlockingQueries &Q) { checkCoroutine(F, Q); });
}

void BlockingCallCheck::checkCoroutine(CheckedFunction &F,
                                       const model::BlockingQueries &Q) {
  const FunctionDecl *Coro = &F.Decl;
  ASTContext &Ctx = F.Ctx;
  // Whether the site blocks here: not when what it blocks on is ready, nor
  // when it runs on a thread that is no executor's, nor when it blocks only
  // on an argument of this eager coroutine before it first suspends (that
  // runs in the caller, and is judged at each call).
  auto Blocks = [&](const Stmt &S, const model::BlockingPath &R) {
    std::optional<model::BlockingCondition> When =
        Reaches.blocksThrough(*Coro, S, R, Ctx, Q);
    return When &&
           !(When->Param >= 0 &&
             model::BlockingReach::runsInCaller(*Coro, S, Q)) &&
           mayRunOnExecutor(*Coro, S, Ctx) &&
           !model::noExecutorBranch(F.Body, S, Lib.CurrentExecutorAwaitables,
                                    Ctx);
  };
  F.forEachStmt([&](const Stmt &S) {
    if (std::optional<model::BlockingCall> B =
            model::classifyBlocking(S, Lists, &F.own())) {
      if (Blocks(S, model::BlockingPath{&S, nullptr, *B, 1}))
        report(*Coro, S, nullptr, *B);
      return;
    }
    if (MaxCallDepth == 0)
      return;
    if (const FunctionDecl *Callee =
            Reaches.descendInto(S, Ctx.getSourceManager())) {
      if (std::optional<model::BlockingPath> R =
              Reaches.reachOf(*Callee, MaxCallDepth, Ctx, Q))
        if (Blocks(S,
                   model::BlockingPath{&S, Callee, R->Leaf, R->Depth, R->When}))
          report(*Coro, S, Callee, R->Leaf);
      return;
    }
    checkSummarisedCall(F, S);
  });
}

} // namespace clang::tidy::async

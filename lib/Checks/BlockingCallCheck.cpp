//===--- BlockingCallCheck.cpp - async-lint -------------------------------===//

#include "BlockingCallCheck.h"
#include "../Model/BlockingCatalog.h"
#include "../Model/CoroutineModel.h"
#include "../Model/NoExecutor.h"
#include "../Model/SummaryPlaces.h"
#include "../Model/SummaryRecords.h"
#include "SummaryOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral CategoriesOpt = "Categories";
constexpr llvm::StringLiteral BlockingFunctionsOpt = "BlockingFunctions";
constexpr llvm::StringLiteral AllowedFunctionsOpt = "AllowedFunctions";
constexpr llvm::StringLiteral AwaitableMembersOpt = "AwaitableBlockingMembers";
constexpr llvm::StringLiteral BlockingStreamsOpt = "BlockingStreams";
constexpr llvm::StringLiteral MaxCallDepthOpt = "MaxCallDepth";
constexpr llvm::StringLiteral WouldBlockErrorsOpt = "WouldBlockErrors";
constexpr llvm::StringLiteral DefaultWouldBlockErrors =
    "EAGAIN;EWOULDBLOCK;EINPROGRESS";

} // namespace

BlockingCallCheck::BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
    // Writing summaries, every function is judged (for the summary).
    : AsyncCheck(Name, Context,
                 optionBeforeCheck(Name, Context, SummaryOutputOpt).empty()
                     ? Judges::Coroutines
                     : Judges::Functions,
                 /*Templates=*/true),
      CategoriesOption(
          Options.get(CategoriesOpt, model::defaultBlockingCategories())),
      BlockingFunctions(Options.get(BlockingFunctionsOpt, "")),
      AllowedFunctions(Options.get(AllowedFunctionsOpt, "")),
      AwaitableBlockingMembers(Options.get(
          AwaitableMembersOpt, model::DefaultAwaitableBlockingMembers)),
      BlockingStreams(
          Options.get(BlockingStreamsOpt, model::DefaultBlockingStreams)),
      WouldBlockErrors(model::splitList(
          Options.get(WouldBlockErrorsOpt, DefaultWouldBlockErrors))),
      MaxCallDepth(Options.get<unsigned>(MaxCallDepthOpt, 3)),
      Writer(Options.getLocalOrGlobal(SummaryOutputOpt, "").str(),
             model::SummaryFact::Blocks),
      Reader(Options.getLocalOrGlobal(SummaryDirectoryOpt, "").str(), &Writer),
      Lists{CategoryNames,    CategoryEnabled,          BlockingFunctions,
            AllowedFunctions, AwaitableBlockingMembers, BlockingStreams,
            &ListMemo},
      IO(WouldBlockErrors), Reaches(Lists, IO, MaxCallDepth),
      SummaryReaches(Lists, IO, MaxCallDepth) {
  CircularWaitEnabled = Context->isCheckEnabled("async-circular-wait");
  std::vector<std::string> Enabled = model::splitList(CategoriesOption);
  for (const model::BlockingCategory &C : model::blockingCategories()) {
    CategoryNames.emplace_back(
        Options.getLocalOrGlobal(C.OptionName, C.DefaultNames));
    CategoryEnabled.push_back(llvm::is_contained(Enabled, C.Key.str()));
  }
}

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
  Options.store(Opts, SummaryOutputOpt, Writer.directory());
  Options.store(Opts, SummaryDirectoryOpt, Reader.directory());
}

void BlockingCallCheck::startTranslationUnit() {
  Reaches.clear();
  SummaryReaches.clear();
  IO.clear();
  PlainStarts.clear();
  CircularWaits.clear();
  Writer.flush();
  Reader.startUnit(Facts.session().summaryIndexes());
}

void BlockingCallCheck::summarise(const FunctionDecl &FD, ASTContext &Ctx) {
  SourceManager &SM = Ctx.getSourceManager();
  if (!Writer.judging(Ctx) || MaxCallDepth == 0 ||
      !model::isSummarised(FD, SM) || model::isAllowedBlocking(FD, Lists))
    return;
  std::optional<model::BlockingPath> R;
  withQueries(Ctx, /*ForFinding=*/false, [&](const model::BlockingQueries &Q) {
    R = SummaryReaches.reachOf(FD, MaxCallDepth, Ctx, Q);
  });
  auto KeyOf = [&](const FunctionDecl &F) { return Writer.keyOf(F, Ctx); };
  for (model::Summary &E : model::blockingRecords(
           FD, R, KeyOf(FD), MaxCallDepth, {SummaryReaches, Lists, SM, KeyOf}))
    Writer.add(std::move(E));
}

bool BlockingCallCheck::mayRunOnExecutor(const FunctionDecl &Coro,
                                         const Stmt &Site, ASTContext &Ctx) {
  // Before the first await that can suspend and is not known ready there.
  return !PlainStarts.runsOnPlainThread(Coro, Site, Lib.SyncWaitFunctions,
                                        Facts.session(), Facts.libraryId());
}

void BlockingCallCheck::report(const FunctionDecl &Coro, const Stmt &Site,
                               std::string Via, const std::string &Leaf,
                               unsigned Category,
                               const std::vector<model::PlacedNote> &Notes) {
  if (Via.empty() && CircularWaitEnabled && isa<CXXMemberCallExpr>(Site) &&
      CircularWaits.contains(Site, Coro.getASTContext(), Lib.JoinMembers))
    return;
  SourceLocation Loc = model::blockingSiteLocation(Site);
  if (!reportOnce(Loc))
    return;
  // The warning names the call; why it blocks and the fix are notes.
  diag(Loc, "%select{|call to }0%1 blocks the executor thread inside %2")
      << !Via.empty() << (Via.empty() ? Leaf : Via)
      << model::describeFunction(Coro) << Site.getSourceRange();
  if (Via.empty())
    diag(Loc, "this call blocks %0", DiagnosticIDs::Note)
        << model::blockingReason(Category);
  // One note per step of the call path, down to the blocking call.
  for (const model::PlacedNote &N : Notes)
    diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Text;
}

void BlockingCallCheck::withQueries(
    ASTContext &Ctx, bool ForFinding,
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
  auto Summarised = [&](const Stmt &S) {
    const FunctionDecl *Callee = model::staticCallee(S);
    return model::summarisedBlockingPath(
        S, Callee,
        Callee && !model::isAllowedBlocking(*Callee, Lists)
            ? Reader.lookup(model::SummaryFact::Blocks, *Callee, Ctx,
                            ForFinding)
            : nullptr,
        CategoryEnabled);
  };
  Use(model::BlockingQueries{FactsAt, PathFactsOf, Suspensions, Summarised});
}

void BlockingCallCheck::checkFunction(CheckedFunction &F) {
  if (Writer.enabled()) {
    summarise(F.Decl, F.Ctx);
    // Judging every function for the summary: findings in coroutines only.
    if (!F.isCoroutine())
      return;
  }
  withQueries(F.Ctx, /*ForFinding=*/true,
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
  F.forEachCall([&](const Stmt &S) {
    if (std::optional<model::BlockingCall> B =
            Reaches.classify(S, Ctx, Q, &F.own())) {
      if (Blocks(S, model::BlockingPath{&S, nullptr, *B, 1}))
        report(*Coro, S, "", B->Name, B->Category, {});
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
          report(*Coro, S, model::quotedFunctionName(*Callee), R->Leaf.Name,
                 R->Leaf.Category,
                 model::blockingPathNotes(*Callee, Reaches, MaxCallDepth,
                                          Ctx.getSourceManager()));
      return;
    }
    // A function of another unit: one more boundary than its summary's path.
    if (std::optional<model::BlockingPath> R = Q.Summarised(S);
        R && R->Depth <= MaxCallDepth && Blocks(S, *R))
      report(*Coro, S, R->Summarised->Steps.front().Caller, R->Leaf.Name,
             R->Leaf.Category,
             model::blockingSummaryNotes(*R->Summarised, Ctx.getSourceManager(),
                                         model::blockingSiteLocation(S),
                                         R->Leaf.Category));
  });
}

} // namespace clang::tidy::async

//===--- BlockingCallCheck.cpp - async-lint -------------------------------===//

#include "BlockingCallCheck.h"
#include "../Model/BlockingCatalog.h"
#include "../Model/CoroutineModel.h"
#include "../Model/NoExecutor.h"
#include "../Model/SingleThreadContext.h"
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

} // namespace

BlockingCallCheck::BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines, /*Templates=*/true),
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
}

void BlockingCallCheck::startTranslationUnit() {
  Reaches.clear();
  IO.clear();
  SyncWaitStarted.clear();
  CircularWaits.reset();
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
  llvm::StringRef Label = "a blocking call";
  llvm::StringRef Advice = model::CustomBlockingAdvice;
  if (Leaf.Category != model::BlockingCall::Custom) {
    Label = model::blockingCategories()[Leaf.Category].Label;
    Advice = model::blockingCategories()[Leaf.Category].Advice;
  }
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

void BlockingCallCheck::checkFunction(CheckedFunction &F) {
  const FunctionDecl *Coro = &F.Decl;
  ASTContext &Ctx = F.Ctx;
  auto FactsAt = [&](const FunctionDecl &FD, const Expr *Object,
                     const Stmt *At) {
    return Facts.factsAt(FD, Object, At, Ctx);
  };
  auto PathFactsOf = [&](const FunctionDecl &FD) -> const model::PathFacts & {
    return Facts.of(FD, Ctx);
  };
  auto Suspensions =
      [&](const FunctionDecl &FD) -> const model::SuspensionFlow & {
    return suspensionsOf(FD, Ctx);
  };
  model::BlockingQueries Q{FactsAt, PathFactsOf, Suspensions};
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
            model::classifyBlocking(S, Lists)) {
      if (Blocks(S, model::BlockingPath{&S, nullptr, *B, 1}))
        report(*Coro, S, nullptr, *B);
      return;
    }
    if (MaxCallDepth == 0)
      return;
    if (const FunctionDecl *Callee =
            Reaches.descendInto(S, Ctx.getSourceManager()))
      if (std::optional<model::BlockingPath> R =
              Reaches.reachOf(*Callee, MaxCallDepth, Ctx, Q))
        if (Blocks(S,
                   model::BlockingPath{&S, Callee, R->Leaf, R->Depth, R->When}))
          report(*Coro, S, Callee, R->Leaf);
  });
}

} // namespace clang::tidy::async

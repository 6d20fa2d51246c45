//===--- BlockingCallCheck.cpp - async-lint -------------------------------===//

#include "BlockingCallCheck.h"
#include "../Model/Awaitables.h"
#include "../Model/BlockingCatalog.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "../Model/NoExecutor.h"
#include "../Model/PathFacts.h"
#include "../Model/SingleThreadContext.h"
#include "../Model/TaskFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

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

/// Lock tags (std::defer_lock, std::try_to_lock, std::adopt_lock) make a
/// lock constructor not wait.
bool hasLockTagArgument(const CXXConstructExpr &Construct) {
  for (const Expr *Arg : Construct.arguments()) {
    const auto *RD = Arg->getType()->getAsCXXRecordDecl();
    if (!RD)
      continue;
    std::string Name = model::canonicalName(*RD);
    if (Name == "::std::defer_lock_t" || Name == "::std::try_to_lock_t" ||
        Name == "::std::adopt_lock_t")
      return true;
  }
  return false;
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
      MaxCallDepth(Options.get<unsigned>(MaxCallDepthOpt, 3)) {
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
  WouldBlockTested.clear();
  SyncWaitStarted.clear();
  AsyncMembers.clear();
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

bool BlockingCallCheck::isAllowed(const NamedDecl &D) const {
  return !AllowedFunctions.empty() &&
         AllowedFunctions.matches(model::canonicalName(D));
}

bool BlockingCallCheck::expectsWouldBlock(const FunctionDecl &FD,
                                          ASTContext &Ctx) {
  auto [It, New] = WouldBlockTested.try_emplace(&FD, false);
  if (!New || WouldBlockErrors.empty())
    return It->second;
  bool Found = false;
  const SourceManager &SM = Ctx.getSourceManager();
  model::forEachOwnStmt(model::getUserBody(FD), [&](const Stmt &S) {
    const auto *Literal = dyn_cast<IntegerLiteral>(&S);
    if (Found || !Literal || !Literal->getLocation().isMacroID())
      return;
    StringRef Macro = Lexer::getImmediateMacroName(Literal->getLocation(), SM,
                                                   Ctx.getLangOpts());
    Found = llvm::is_contained(WouldBlockErrors, Macro.str());
  });
  WouldBlockTested[&FD] = Found;
  return Found;
}

/// The members of the object that \p E mentions (m_fd, this->m_socket).
static void ownMembers(const Stmt *E,
                       llvm::SmallPtrSetImpl<const ValueDecl *> &Out) {
  model::forEachOwnStmt(E, [&](const Stmt &S) {
    if (const auto *Member = dyn_cast<MemberExpr>(&S);
        Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      Out.insert(Member->getMemberDecl());
  });
}

bool BlockingCallCheck::onAsyncMember(const FunctionDecl &FD,
                                      const CallExpr &Call) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  const CXXRecordDecl *Class = Method ? Method->getParent() : nullptr;
  if (!Class || Class->isLambda())
    return false;
  auto [It, New] = AsyncMembers.try_emplace(Class);
  if (New) {
    llvm::SmallPtrSet<const ValueDecl *, 8> Found;
    for (const CXXMethodDecl *M : Class->methods()) {
      const FunctionDecl *Def = nullptr;
      if (!M->hasBody(Def))
        continue;
      model::forEachOwnStmt(model::getUserBody(*Def), [&](const Stmt &S) {
        const auto *Async = dyn_cast<CallExpr>(&S);
        if (!Async || !(model::isTaskType(Async->getType()) ||
                        model::isAwaitableType(Async->getType())))
          return;
        for (const Expr *Arg : Async->arguments())
          ownMembers(Arg, Found);
      });
    }
    AsyncMembers[Class].insert(Found.begin(), Found.end());
  }
  const llvm::DenseSet<const ValueDecl *> &Async = AsyncMembers[Class];
  llvm::SmallPtrSet<const ValueDecl *, 4> Used;
  for (const Expr *Arg : Call.arguments())
    ownMembers(Arg, Used);
  return llvm::any_of(Used,
                      [&](const ValueDecl *D) { return Async.contains(D); });
}

bool BlockingCallCheck::startedOnlyBySyncWait(const FunctionDecl &Coro) {
  auto [It, New] = SyncWaitStarted.try_emplace(&Coro, false);
  if (!New)
    return It->second;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coro);
  if (!Method || !Method->getParent()->isLambda())
    return false;
  const auto *Outer =
      dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext());
  if (!Outer || model::isCoroutine(*Outer))
    return false;
  // The local the lambda is stored in, and how it is used.
  const VarDecl *Holder = nullptr;
  unsigned Mentions = 0, SyncWaited = 0;
  model::forEachOwnStmt(model::getUserBody(*Outer), [&](const Stmt &S) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (const LambdaExpr *L = model::lambdaOf(VD->getInit());
              L && L->getLambdaClass() == Method->getParent())
            Holder = VD;
  });
  if (!Holder)
    return false;
  model::forEachOwnStmt(model::getUserBody(*Outer), [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        Ref && Ref->getDecl() == Holder)
      ++Mentions;
    const CallExpr *Call = model::callOfListed(S, Lib.SyncWaitFunctions);
    if (!Call)
      return;
    for (const Expr *Arg : Call->arguments()) {
      const auto *Start = dyn_cast<CXXOperatorCallExpr>(
          model::strip(Arg, model::Wrappers::Object));
      if (Start && Start->getOperator() == OO_Call &&
          model::referencedVariable(Start->getArg(0)) == Holder)
        ++SyncWaited;
    }
  });
  bool Only = Mentions > 0 && Mentions == SyncWaited;
  SyncWaitStarted[&Coro] = Only;
  return Only;
}

bool BlockingCallCheck::mayRunOnExecutor(const FunctionDecl &Coro,
                                         const Stmt &Site, ASTContext &Ctx) {
  if (!startedOnlyBySyncWait(Coro))
    return true;
  return suspensionsOf(Coro, Ctx).mayRunAfterSuspension(Site);
}

std::optional<BlockingCallCheck::Condition>
BlockingCallCheck::blocksUnless(const FunctionDecl &FD, const Stmt &S,
                                const Expr *Object, unsigned Needs,
                                ASTContext &Ctx) {
  if (Facts.factsAt(FD, Object, &S, Ctx) & Needs)
    return std::nullopt;
  auto OwnParam = [&](const VarDecl *VD) -> const ParmVarDecl * {
    const auto *Param = dyn_cast_or_null<ParmVarDecl>(VD);
    return Param && Param->getDeclContext() == &FD ? Param : nullptr;
  };
  if (const ParmVarDecl *Param = OwnParam(model::referencedVariable(Object)))
    return Condition{int(Param->getFunctionScopeIndex()), Needs};
  // An element of a parameter: ready when the whole parameter is.
  if (Needs == model::PathFacts::Ready)
    if (const ParmVarDecl *Param =
            OwnParam(Facts.of(FD, Ctx).containerOf(Object)))
      return Condition{int(Param->getFunctionScopeIndex()),
                       model::PathFacts::AllReady};
  return Condition{};
}

std::optional<BlockingCallCheck::Condition>
BlockingCallCheck::blocksThrough(const FunctionDecl &FD, const Stmt &S,
                                 const Reach &R, const Blocking &Leaf,
                                 ASTContext &Ctx) {
  if (R.Via == nullptr) {
    // A system call in a function that handles EAGAIN is made on a
    // non-blocking descriptor.
    if (Leaf.Category != Custom &&
        model::blockingCategories()[Leaf.Category].Key == "io" &&
        !isa<CXXMemberCallExpr>(S) &&
        (expectsWouldBlock(FD, Ctx) ||
         (isa<CallExpr>(S) && onAsyncMember(FD, cast<CallExpr>(S)))))
      return std::nullopt;
    // A get() (or wait) of the result category blocks only while its object
    // is not ready.
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
    if (Leaf.Category == Custom || !Member ||
        model::blockingCategories()[Leaf.Category].Key != "result")
      return Condition{};
    return blocksUnless(FD, S, Member->getImplicitObjectArgument(),
                        model::PathFacts::Ready, Ctx);
  }
  if (R.When.Param < 0)
    return Condition{};
  const Expr *Arg = model::argumentFor(S, unsigned(R.When.Param));
  if (!Arg)
    return Condition{};
  return blocksUnless(FD, S, Arg, R.When.Needs, Ctx);
}

bool BlockingCallCheck::runsInCaller(const FunctionDecl &Coro, const Stmt &Site,
                                     ASTContext &Ctx) {
  return model::lazinessOfCoroutine(Coro) == model::Laziness::Eager &&
         !suspensionsOf(Coro, Ctx).mayRunAfterSuspension(Site);
}

std::optional<BlockingCallCheck::Blocking>
BlockingCallCheck::classify(const Stmt &S) const {
  std::optional<model::CallInfo> Call = model::describeCall(S);
  if (!Call)
    return std::nullopt;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S);
      Construct && hasLockTagArgument(*Construct))
    return std::nullopt;

  for (const std::string &Name : Call->Names)
    if (AllowedFunctions.matches(Name))
      return std::nullopt;

  llvm::ArrayRef<model::BlockingCategory> Categories =
      model::blockingCategories();
  for (unsigned I = 0; I < Categories.size(); ++I) {
    if (!CategoryEnabled[I])
      continue;
    for (const std::string &Name : Call->Names)
      if (CategoryNames[I].matches(Name))
        return Blocking{"'" + model::displayName(Name) + "'", I};
  }
  for (const std::string &Name : Call->Names)
    if (BlockingFunctions.matches(Name))
      return Blocking{"'" + model::displayName(Name) + "'", Custom};

  auto CategoryIndex = [&](llvm::StringRef Key) -> std::optional<unsigned> {
    for (unsigned I = 0; I < Categories.size(); ++I)
      if (Categories[I].Key == Key && CategoryEnabled[I])
        return I;
    return std::nullopt;
  };

  // Reading a blocking stream: std::cin >> x, std::getline(std::cin, s),
  // std::cin.get().
  const VarDecl *Stream = Call->ObjectVar ? Call->ObjectVar : Call->FirstArgVar;
  if (Stream && !BlockingStreams.empty())
    if (llvm::StringRef Match =
            BlockingStreams.match(model::canonicalName(*Stream));
        !Match.empty())
      if (std::optional<unsigned> IO = CategoryIndex("io"))
        return Blocking{"reading '" + model::displayName(Match) + "'", *IO};

  // The blocking get()/wait() of a type that is itself awaitable.
  const FunctionDecl *Callee = Call->Callee;
  if (!Call->ObjectType.isNull() && Callee->getDeclName().isIdentifier() &&
      AwaitableBlockingMembers.matches("::" + Callee->getName().str()) &&
      model::isAwaitableType(Call->ObjectType))
    if (std::optional<unsigned> Result = CategoryIndex("result"))
      return Blocking{"'" + model::displayName(Call->Names.back()) + "'",
                      *Result};
  return std::nullopt;
}

const FunctionDecl *
BlockingCallCheck::descendInto(const Stmt &S, const SourceManager &SM) const {
  const FunctionDecl *Def = model::calledDefinition(S);
  // An eager coroutine runs in its caller until it first suspends.
  if (!Def || Def->isImplicit() || SM.isInSystemHeader(Def->getLocation()) ||
      isAllowed(*Def) ||
      (model::isCoroutine(*Def) &&
       model::lazinessOfCoroutine(*Def) != model::Laziness::Eager))
    return nullptr;
  return Def;
}

std::optional<BlockingCallCheck::Reach>
BlockingCallCheck::reachOf(const FunctionDecl &FD, unsigned Budget,
                           ASTContext &Ctx) {
  {
    const Memo &M = Reaches[&FD];
    if (M.InProgress)
      return std::nullopt;
    if (M.Found)
      return M.Found->Depth <= Budget ? M.Found : std::nullopt;
    if (M.SearchedBudget >= Budget)
      return std::nullopt;
  }
  Reaches[&FD].InProgress = true;

  std::optional<Reach> Best;
  // Prefers a call that blocks whatever the arguments, then the shortest.
  auto Better = [&](const Reach &R) {
    bool Always = R.When.Param < 0, BestAlways = Best && Best->When.Param < 0;
    return !Best || (Always && !BestAlways) ||
           (Always == BestAlways && R.Depth < Best->Depth);
  };
  // In a coroutine, only what runs before it first suspends runs in the
  // caller.
  bool Coroutine = model::isCoroutine(FD);
  auto Consider = [&](Reach R) {
    if (Coroutine && !runsInCaller(FD, *R.Site, Ctx))
      return;
    if (std::optional<Condition> When =
            blocksThrough(FD, *R.Site, R, R.Leaf, Ctx)) {
      R.When = *When;
      if (Better(R))
        Best = std::move(R);
    }
  };
  model::forEachOwnStmt(model::getUserBody(FD), [&](const Stmt &S) {
    if (Best && Best->Depth == 1 && Best->When.Param < 0)
      return;
    if (std::optional<Blocking> B = classify(S))
      return Consider(Reach{&S, nullptr, std::move(*B), 1});
    if (Budget <= 1)
      return;
    const FunctionDecl *Callee = descendInto(S, Ctx.getSourceManager());
    if (!Callee)
      return;
    if (std::optional<Reach> Inner = reachOf(*Callee, Budget - 1, Ctx))
      Consider(Reach{&S, Callee, Inner->Leaf, Inner->Depth + 1, Inner->When});
  });

  // The map may have grown during the recursion: look the entry up again.
  Memo &M = Reaches[&FD];
  M.InProgress = false;
  if (Best)
    M.Found = Best;
  else
    M.SearchedBudget = std::max(M.SearchedBudget, Budget);
  return Best;
}

void BlockingCallCheck::report(const FunctionDecl &Coro, const Stmt &Site,
                               const FunctionDecl *Via, const Blocking &Leaf) {
  if (!Via && leftToCircularWait(Site, Coro.getASTContext()))
    return;
  SourceLocation Loc = diagnosticLocation(Site);
  if (!reportOnce(Loc))
    return;
  llvm::StringRef Label = "a blocking call";
  llvm::StringRef Advice = model::CustomBlockingAdvice;
  if (Leaf.Category != Custom) {
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
    auto It = Reaches.find(Step);
    if (It == Reaches.end() || !It->second.Found)
      break;
    const Reach &R = *It->second.Found;
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
  // Whether the site blocks here: not when what it blocks on is ready, nor
  // when it runs on a thread that is no executor's, nor when it blocks only
  // on an argument of this eager coroutine before it first suspends (that
  // runs in the caller, and is judged at each call).
  auto Blocks = [&](const Stmt &S, const Reach &R) {
    std::optional<Condition> When = blocksThrough(*Coro, S, R, R.Leaf, Ctx);
    return When && !(When->Param >= 0 && runsInCaller(*Coro, S, Ctx)) &&
           mayRunOnExecutor(*Coro, S, Ctx) &&
           !model::noExecutorBranch(F.Body, S, Lib.CurrentExecutorAwaitables,
                                    Ctx);
  };
  F.forEachStmt([&](const Stmt &S) {
    if (std::optional<Blocking> B = classify(S)) {
      if (Blocks(S, Reach{&S, nullptr, *B, 1}))
        report(*Coro, S, nullptr, *B);
      return;
    }
    if (MaxCallDepth == 0)
      return;
    if (const FunctionDecl *Callee = descendInto(S, Ctx.getSourceManager()))
      if (std::optional<Reach> R = reachOf(*Callee, MaxCallDepth, Ctx))
        if (Blocks(S, Reach{&S, Callee, R->Leaf, R->Depth, R->When}))
          report(*Coro, S, Callee, R->Leaf);
  });
}

} // namespace clang::tidy::async

//===--- WorkNeverRunCheck.cpp - async-lint -------------------------------===//

#include "WorkNeverRunCheck.h"
#include "../Model/CoroutineModel.h"
#include "../Model/EarlyRunners.h"
#include "SummaryOptions.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral IgnoredFunctionsOpt = "IgnoredFunctions";
constexpr llvm::StringLiteral LibrariesOpt = "Libraries";
/// The list options, in the order of model::ContextList.
constexpr llvm::StringLiteral ListOpts[model::NumContextLists] = {
    "ContextTypes",    "HandOffFunctions", "RunFunctions", "ExecutorAccessors",
    "IoObjectTypes",   "ContextMakers",    "ModeMakers",   "ManualModes",
    "InvokeFunctions", "AwaitedHandOffs",  "TaskStarters"};
constexpr llvm::StringLiteral OutOfWorkRunsOpt = "OutOfWorkRuns";
constexpr llvm::StringLiteral ThreadTypesOpt = "ThreadTypes";

std::string allLibraries() {
  std::vector<std::string> Names;
  for (llvm::StringRef Name : model::contextPresetLibraries())
    Names.push_back(Name.str());
  return model::joinList(Names);
}

} // namespace

WorkNeverRunCheck::WorkNeverRunCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions, /*Templates=*/false,
                 /*StoresLibrary=*/false),
      IgnoredFunctions(Options.get(IgnoredFunctionsOpt, "")),
      Libraries(readLibraries()), Knowledge(readKnowledge()),
      ExtraOutOfWorkRuns(Options.get(OutOfWorkRunsOpt, "")),
      ExtraThreadTypes(Options.get(ThreadTypesOpt, "")),
      Runners{model::NameMatcher(model::outOfWorkRunsPreset(Libraries) + ";" +
                                 ExtraOutOfWorkRuns),
              model::NameMatcher(model::threadTypesPreset() + ";" +
                                 ExtraThreadTypes)},
      Leaves(Options.getLocalOrGlobal(SummaryOutputOpt, "").str(),
             Options.getLocalOrGlobal(SummaryDirectoryOpt, "").str()) {}

std::vector<std::string> WorkNeverRunCheck::readLibraries() {
  std::vector<std::string> Wanted =
      model::splitList(Options.get(LibrariesOpt, allLibraries()));
  llvm::ArrayRef<llvm::StringLiteral> Known = model::contextPresetLibraries();
  for (const std::string &Name : Wanted)
    if (!llvm::is_contained(Known, Name))
      configurationDiag("unknown library '%0' in option '%1'; known: %2")
          << Name << LibrariesOpt << allLibraries();
  return Wanted;
}

model::ContextKnowledge WorkNeverRunCheck::readKnowledge() {
  model::NameMatcher model::ContextKnowledge::*Fields[] = {
      &model::ContextKnowledge::ContextTypes,
      &model::ContextKnowledge::HandOffFunctions,
      &model::ContextKnowledge::RunFunctions,
      &model::ContextKnowledge::ExecutorAccessors,
      &model::ContextKnowledge::IoObjectTypes,
      &model::ContextKnowledge::ContextMakers,
      &model::ContextKnowledge::ModeMakers,
      &model::ContextKnowledge::ManualModes,
      &model::ContextKnowledge::InvokeFunctions,
      &model::ContextKnowledge::AwaitedHandOffs,
      &model::ContextKnowledge::TaskStarters};
  model::ContextKnowledge K;
  for (unsigned I = 0; I != model::NumContextLists; ++I) {
    Extra[I] = Options.get(ListOpts[I], "");
    std::string Preset =
        model::contextPreset(static_cast<model::ContextList>(I), Libraries);
    K.*Fields[I] = model::NameMatcher(Preset + ";" + Extra[I]);
  }
  return K;
}

void WorkNeverRunCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, IgnoredFunctionsOpt, IgnoredFunctions.str());
  Options.store(Opts, LibrariesOpt, model::joinList(Libraries));
  for (unsigned I = 0; I != model::NumContextLists; ++I)
    Options.store(Opts, ListOpts[I], Extra[I]);
  Options.store(Opts, OutOfWorkRunsOpt, ExtraOutOfWorkRuns);
  Options.store(Opts, ThreadTypesOpt, ExtraThreadTypes);
  Options.store(Opts, SummaryOutputOpt, Leaves.output());
  Options.store(Opts, SummaryDirectoryOpt, Leaves.directory());
}

void WorkNeverRunCheck::checkFunction(CheckedFunction &F) {
  if (IgnoredFunctions.matches(model::canonicalName(F.Decl)))
    return;
  ASTContext &Ctx = F.Decl.getASTContext();
  auto Left = [&](const FunctionDecl &Callee, unsigned Index) {
    return Leaves.left(Callee, Index, Ctx);
  };
  std::vector<model::ContextUses> All = model::contextUsesOf(
      F.Body, Knowledge, &F.own(), Leaves.summarised(F.Decl, Knowledge, Ctx),
      Leaves.active() ? model::LeftContexts(Left) : nullptr);
  Leaves.summarise(F.Decl, All, Ctx);
  // A context handed on only to a thread that runs it before it has work.
  for (const model::ContextUses &U : All)
    if (U.Escape && !U.Parameter)
      if (std::optional<model::EarlyRunner> R =
              model::earlyRunner(F.Body, U, Knowledge, Runners, &F.own()))
        reportEarlyRun(U, *R);
  if (llvm::all_of(All, [](const model::ContextUses &U) {
        return U.Parameter || U.Escape || U.HandOffs.empty();
      }))
    return;
  const CFG *Graph = Facts.session().cfg(F.Decl);
  if (!Graph)
    return;
  for (const model::ContextUses &U : All) {
    // A context handed on is someone else's to run; one given to the
    // function is its caller's.
    if (U.Escape || U.Parameter)
      continue;
    auto IsRun = [&U](const Stmt &S) { return U.Runs.contains(&S); };
    // One finding per context: at the first hand-off some path leaves unrun.
    for (const Expr *HandOff : U.HandOffs) {
      model::ScopeEndPaths Paths =
          model::pathsToScopeEnd(*Graph, *U.Context, HandOff, IsRun);
      // A call that waits for the work (sync_wait) returns only if some
      // other thread runs the context: any run after it is doubtful.
      if (!Paths.Known || Paths.Unused.empty() ||
          (U.Blocking.contains(HandOff) && !Paths.Uses.empty()))
        continue;
      report(U, *HandOff, Paths);
      break;
    }
  }
}

void WorkNeverRunCheck::report(const model::ContextUses &U, const Expr &HandOff,
                               const model::ScopeEndPaths &Paths) {
  if (!reportOnce(HandOff.getBeginLoc()))
    return;
  const VarDecl *Ctx = U.Context;
  bool Never = Paths.Uses.empty();
  bool Blocks = U.Blocking.contains(&HandOff);
  diag(HandOff.getBeginLoc(),
       Blocks  ? "work handed to %0 never runs: nothing runs %0, and this call "
                 "waits for that work forever"
       : Never ? "work handed to %0 never runs: nothing runs %0 before it is "
                 "destroyed"
               : "work handed to %0 may never run: on some path %0 is "
                 "destroyed without being run")
      << Ctx << HandOff.getSourceRange();
  if (const Expr *Inside = U.InLambda.lookup(&HandOff))
    diag(Inside->getBeginLoc(),
         "the %select{lambda called|coroutine started}1 there hands the work "
         "to %0 here",
         DiagnosticIDs::Note)
        << Ctx << Blocks;

  // A pointer's context may outlive it (concurrencpp's runtime keeps its
  // executors to shut them down), but nothing can run it any more. A
  // context waited for forever is never destroyed.
  for (SourceLocation Where :
       Blocks ? ArrayRef<SourceLocation>() : Paths.Unused)
    diag(Where,
         Never ? "%0%select{|, the only handle on the context,}1 is "
                 "destroyed here without having been run; the work handed to "
                 "it is destroyed unrun"
               : "on this path %0%select{|, the only handle on the context,}1 "
                 "is destroyed without having been run",
         DiagnosticIDs::Note)
        << Ctx << U.ThroughPointer;
  if (!Never)
    diag(Paths.Uses.front()->getBeginLoc(), "%0 is run here on other paths",
         DiagnosticIDs::Note)
        << Ctx;
  for (const model::PlacedNote &N :
       model::ContextLeaves::notes(U, Ctx->getASTContext().getSourceManager()))
    diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Text;
  diag(Ctx->getLocation(),
       "%0 is a local %select{context|pointer that owns the context}1: run "
       "it before it goes out of scope, or hand it to code that runs it",
       DiagnosticIDs::Note)
      << Ctx << U.ThroughPointer;
}

void WorkNeverRunCheck::reportEarlyRun(const model::ContextUses &U,
                                       const model::EarlyRunner &R) {
  if (!reportOnce(R.HandOff->getBeginLoc()))
    return;
  const VarDecl *Ctx = U.Context;
  diag(R.HandOff->getBeginLoc(),
       "work handed to %0 may never run: the thread running %0 started "
       "before it had work, and may have returned")
      << Ctx << R.HandOff->getSourceRange();
  diag(R.Run->getExprLoc(),
       "this run returns as soon as %0 has no work; nothing was handed to %0 "
       "before the thread started",
       DiagnosticIDs::Note)
      << Ctx;
  diag(Ctx->getLocation(),
       "keep %0 running with a work guard made before the thread starts, or "
       "hand %0 its work first",
       DiagnosticIDs::Note)
      << Ctx;
}

} // namespace clang::tidy::async

//===--- AsyncCheck.cpp - async-lint --------------------------------------===//

#include "AsyncCheck.h"
#include "../Model/Awaitables.h"
#include "../Model/CallerLambdas.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Matchers.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

/// Options of the unit's analysis session; read as every check's own first,
/// then as global ones (docs/configuration.md).
constexpr llvm::StringLiteral MaxCFGBlocksOption = "MaxCFGBlocks";
constexpr llvm::StringLiteral AnalysisStatsOption = "AnalysisStats";

/// The shared lists, each read as the check's own option first, then as a
/// global one.
model::Library readLibrary(const ClangTidyCheck::OptionsView &Options,
                           bool Configurable) {
  if (!Configurable)
    return model::Library();
  return model::Library([&](StringRef Name, StringRef Default) -> std::string {
    return Options.getLocalOrGlobal(Name, Default).str();
  });
}

} // namespace

UnitFacts::UnitFacts(const model::Library &Lib) : Lib(Lib) {}

void UnitFacts::share(std::shared_ptr<model::AnalysisSession> Shared) {
  Session = std::move(Shared);
  Id = Session->addLibrary(Lib);
}

const model::PathFacts &UnitFacts::of(const FunctionDecl &FD, ASTContext &) {
  return Session->pathFacts(FD, Id);
}

unsigned UnitFacts::factsAt(const FunctionDecl &FD, const Expr *Object,
                            const Stmt *At, ASTContext &) {
  return Session->factsAt(FD, Object, At, Id);
}

const model::SuspensionFlow &UnitFacts::suspensions(const FunctionDecl &FD) {
  return Session->suspensionFlow(FD, Id);
}

const model::TaskFlow &UnitFacts::flow(const FunctionDecl &FD) {
  return Session->taskFlow(FD, Id);
}

bool CheckedFunction::isCoroutine() const {
  return model::getCoroutineBody(Decl) != nullptr;
}

void CheckedFunction::forEachStmt(
    llvm::function_ref<void(const Stmt &)> Visit) const {
  own().forEach(&Body, Visit);
}

const model::OwnStmts &CheckedFunction::own() const {
  return Facts.session().ownStmts(Decl);
}

const model::FunctionEvents &CheckedFunction::events() const {
  return Facts.session().events(Decl);
}

void CheckedFunction::forEachCall(
    llvm::function_ref<void(const Stmt &)> Visit) const {
  for (const Expr *Call : events().calls())
    Visit(*Call);
}

void CheckedFunction::forEachLocal(
    llvm::function_ref<void(const VarDecl &, const DeclStmt &)> Visit) const {
  for (auto [Var, DS] : events().locals())
    Visit(*Var, *DS);
}

const model::TaskFlow &CheckedFunction::flow() { return Facts.flow(Decl); }

const model::SuspensionFlow &CheckedFunction::suspensions() {
  return Facts.suspensions(Decl);
}

const model::PathFacts &CheckedFunction::facts() { return Facts.of(Decl, Ctx); }

bool CheckedFunction::maySuspend() const {
  const model::NameMatcher &NonSuspending =
      Facts.session().library(Facts.libraryId()).NonSuspendingAwaitables;
  return llvm::any_of(events().suspensions(),
                      [&](const CoroutineSuspendExpr *S) {
                        return model::canSuspend(*S, &NonSuspending);
                      });
}

const model::SuspensionFlow &
AsyncCheck::suspensionsOf(const FunctionDecl &Function, ASTContext &) const {
  return const_cast<UnitFacts &>(Facts).suspensions(Function);
}

const Stmt *AsyncCheck::firstUseAfterSuspension(
    const FunctionDecl &Coro, ASTContext &Ctx,
    llvm::function_ref<bool(const Stmt &)> IsUse, bool FromStart) const {
  if (FromStart)
    return model::firstOwnStmt(model::getUserBody(Coro), IsUse,
                               Ctx.getSourceManager());
  return suspensionsOf(Coro, Ctx).firstUseAfterSuspension(IsUse);
}

AsyncCheck::AsyncCheck(StringRef Name, ClangTidyContext *Context, Judges What,
                       bool Templates, bool StoresLibrary)
    : ClangTidyCheck(Name, Context), Lib(readLibrary(Options, StoresLibrary)),
      Facts(Lib), What(What), Templates(Templates),
      StoresLibrary(StoresLibrary),
      MaxCFGBlocks(Options.getLocalOrGlobal(
          MaxCFGBlocksOption, model::AnalysisSession::DefaultMaxCFGBlocks)),
      AnalysisStats(Options.getLocalOrGlobal(AnalysisStatsOption, false)) {
  useSession(std::make_shared<model::AnalysisSession>());
}

void AsyncCheck::useSession(std::shared_ptr<model::AnalysisSession> Session) {
  // One budget for the unit: the smallest any of its checks asks for.
  Session->setMaxCFGBlocks(std::min(Session->maxCFGBlocks(), MaxCFGBlocks));
  if (AnalysisStats)
    Session->setStatsStream(&llvm::errs());
  Facts.share(std::move(Session));
}

void AsyncCheck::registerMatchers(MatchFinder *Finder) {
  if (What == Judges::Coroutines)
    Finder->addMatcher(functionDecl(model::isCoroutineDefinition()).bind("fn"),
                       this);
  else
    Finder->addMatcher(functionDecl(model::hasUserBody()).bind("fn"), this);
}

void AsyncCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!FD || FD->isInvalidDecl() || (!Templates && FD->isDependentContext()))
    return;
  const Stmt *Body = model::getUserBody(*FD);
  if (!Body)
    return;
  model::AnalysisSession &Session = Facts.session();
  Session.enterUnit(*Result.Context);
  Session.judging(*FD);
  if (!Session.withinBudget(*FD))
    return;
  CheckedFunction F(*FD, *Body, *Result.Context, Lib, Facts);
  Judging = FD;
  JudgingSources = &Result.Context->getSourceManager();
  checkFunction(F);
  noteBridge();
  Judging = nullptr;
}

DiagnosticBuilder AsyncCheck::diag(SourceLocation Loc, StringRef Description,
                                   DiagnosticIDs::Level Level) {
  if (Level == DiagnosticIDs::Note)
    return ClangTidyCheck::diag(Loc, Description, Level);
  noteBridge();
  if (Judging)
    if (const CXXRecordDecl *Lambda =
            model::callerLambdaCalledAt(*Judging, Loc, *JudgingSources)) {
      BridgeCall = Loc;
      Bridge = Judging;
      return ClangTidyCheck::diag(Lambda->getLocation(), Description, Level);
    }
  return ClangTidyCheck::diag(Loc, Description, Level);
}

DiagnosticBuilder AsyncCheck::diag(StringRef Description,
                                   DiagnosticIDs::Level Level) {
  if (Level != DiagnosticIDs::Note)
    noteBridge();
  return ClangTidyCheck::diag(Description, Level);
}

void AsyncCheck::noteBridge() {
  if (!Bridge)
    return;
  const FunctionDecl *Template = Bridge;
  Bridge = nullptr;
  ClangTidyCheck::diag(BridgeCall,
                       "'%0', a template in another file, calls the lambda "
                       "here",
                       DiagnosticIDs::Note)
      << Template->getQualifiedNameAsString();
}

void AsyncCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  storeCheckOptions(Opts);
  if (StoresLibrary)
    Lib.forEachList([&](StringRef Name, StringRef Value) {
      Options.store(Opts, Name, Value);
    });
}

void AsyncCheck::onStartOfTranslationUnit() {
  Facts.session().startUnit();
  Reported.clear();
  startTranslationUnit();
}

void AsyncCheck::onEndOfTranslationUnit() {
  // The first check to end the unit frees its analyses (and prints its
  // statistics); the others find it ended.
  noteBridge();
  endTranslationUnit();
  Facts.session().endUnit(getCurrentMainFile());
}

bool AsyncCheck::reportOnce(SourceLocation Loc) {
  return Loc.isValid() && Reported.insert(Loc.getRawEncoding()).second;
}

void AsyncCheck::emitOnce(const model::Finding &F) {
  if (!reportOnce(F.Loc))
    return;
  diag(F.Loc, "%0") << F.Message << F.Range;
  for (const model::PlacedNote &N : F.Notes)
    diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Text;
}

} // namespace clang::tidy::async

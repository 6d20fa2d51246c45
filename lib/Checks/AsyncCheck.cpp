//===--- AsyncCheck.cpp - async-lint --------------------------------------===//

#include "AsyncCheck.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Matchers.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <map>

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

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

/// The suspension flows of the functions of the translation unit being
/// checked, shared by the checks (which may differ in what never suspends);
/// emptied when a unit starts, before any check runs.
std::map<std::pair<const FunctionDecl *, std::string>,
         std::unique_ptr<model::SuspensionFlow>> &
sharedSuspensionFlows() {
  static thread_local std::map<std::pair<const FunctionDecl *, std::string>,
                               std::unique_ptr<model::SuspensionFlow>>
      Flows;
  return Flows;
}

/// The flow of \p Function under \p Lib's list of what never suspends.
const model::SuspensionFlow &sharedFlow(const FunctionDecl &Function,
                                        ASTContext &Ctx,
                                        const model::Library &Lib) {
  std::unique_ptr<model::SuspensionFlow> &Flow =
      sharedSuspensionFlows()[{&Function, Lib.NonSuspendingAwaitables.str()}];
  if (!Flow)
    Flow = std::make_unique<model::SuspensionFlow>(
        Function, Ctx, &Lib.NonSuspendingAwaitables);
  return *Flow;
}

} // namespace

bool CheckedFunction::isCoroutine() const {
  return model::getCoroutineBody(Decl) != nullptr;
}

void CheckedFunction::forEachStmt(
    llvm::function_ref<void(const Stmt &)> Visit) const {
  model::forEachOwnStmt(&Body, Visit);
}

void CheckedFunction::forEachLocal(
    llvm::function_ref<void(const VarDecl &, const DeclStmt &)> Visit) const {
  forEachStmt([&](const Stmt &S) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const clang::Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          Visit(*VD, *DS);
  });
}

const model::TaskFlow &CheckedFunction::flow() {
  if (!Flow)
    Flow = std::make_unique<model::TaskFlow>(Decl, Lib, Ctx);
  return *Flow;
}

const model::SuspensionFlow &CheckedFunction::suspensions() {
  return sharedFlow(Decl, Ctx, Lib);
}

const model::PathFacts &CheckedFunction::facts() {
  return FactsCache.of(Decl, Ctx);
}

const model::SuspensionFlow &
AsyncCheck::suspensionsOf(const FunctionDecl &Function, ASTContext &Ctx) const {
  return sharedFlow(Function, Ctx, Lib);
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
      Facts(Lib.Readiness), What(What), Templates(Templates),
      StoresLibrary(StoresLibrary) {}

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
  CheckedFunction F(*FD, *Body, *Result.Context, Lib, Facts);
  checkFunction(F);
}

void AsyncCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  storeCheckOptions(Opts);
  if (StoresLibrary)
    Lib.forEachList([&](StringRef Name, StringRef Value) {
      Options.store(Opts, Name, Value);
    });
}

void AsyncCheck::onStartOfTranslationUnit() {
  sharedSuspensionFlows().clear();
  Reported.clear();
  Facts.clear();
  startTranslationUnit();
}

void AsyncCheck::onEndOfTranslationUnit() { sharedSuspensionFlows().clear(); }

bool AsyncCheck::reportOnce(SourceLocation Loc) {
  return Loc.isValid() && Reported.insert(Loc.getRawEncoding()).second;
}

} // namespace clang::tidy::async

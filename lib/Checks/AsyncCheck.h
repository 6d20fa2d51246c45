//===--- AsyncCheck.h - async-lint ------------------------------*- C++ -*-===//
//
// The frame every async-lint check shares, so that a check's file holds its
// rule and nothing else: which functions it judges (one matcher, one entry
// guard), the shared library lists read as options, the model's per-function
// analyses asked of the unit's AnalysisSession (shared by every check of the
// unit, handed over by the module's check factories), and report-once.
//
// A check derives from AsyncCheck, says what it judges in its constructor,
// and implements checkFunction; its own options are read in its constructor
// and stored in storeCheckOptions.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_CHECKS_ASYNCCHECK_H
#define ASYNC_LINT_CHECKS_ASYNCCHECK_H

#include "../Model/AnalysisSession.h"
#include "../Model/Library.h"
#include "../Model/PathFacts.h"
#include "../Model/PlacedNotes.h"
#include "../Model/SuspensionFlow.h"
#include "../Model/TaskFlow.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::async {

/// What the unit's analysis session knows, as a check asks it: under the
/// check's library configuration.
class UnitFacts {
public:
  explicit UnitFacts(const model::Library &Lib);

  /// Uses \p Shared, the session of the unit's checks, from now on.
  void share(std::shared_ptr<model::AnalysisSession> Shared);
  model::AnalysisSession &session() const { return *Session; }
  /// The session's id of this check's library configuration.
  model::AnalysisSession::LibraryId libraryId() const { return Id; }

  /// The path facts of \p FD.
  const model::PathFacts &of(const FunctionDecl &FD, ASTContext &Ctx);
  /// What is known of \p Object when \p At runs in \p FD (PathFacts bits);
  /// in a lambda, a captured variable is judged where the lambda is created.
  unsigned factsAt(const FunctionDecl &FD, const Expr *Object, const Stmt *At,
                   ASTContext &Ctx);
  const model::SuspensionFlow &suspensions(const FunctionDecl &FD);
  const model::TaskFlow &flow(const FunctionDecl &FD);

private:
  const model::Library &Lib;
  std::shared_ptr<model::AnalysisSession> Session;
  model::AnalysisSession::LibraryId Id = 0;
};

/// One function a check judges, and what the model knows of it. The task
/// flow and the path facts are built the first time any check asks, once
/// per unit (AnalysisSession).
class CheckedFunction {
public:
  CheckedFunction(const FunctionDecl &Decl, const Stmt &Body, ASTContext &Ctx,
                  const model::Library &, UnitFacts &Facts)
      : Decl(Decl), Body(Body), Ctx(Ctx), Facts(Facts) {}

  /// The function (a lambda's call operator for a lambda).
  const FunctionDecl &Decl;
  /// The body as written (a coroutine's user body, not the promise frame).
  const Stmt &Body;
  ASTContext &Ctx;

  /// True when the body is a coroutine body.
  bool isCoroutine() const;
  /// Calls \p Visit for every statement that runs as part of this function
  /// (model::forEachOwnStmt): not the bodies of lambdas or local classes.
  void forEachStmt(llvm::function_ref<void(const Stmt &)> Visit) const;
  /// The own statements of the body, walked once per unit (AnalysisSession):
  /// own().forEach(S, ...) is forEachOwnStmt(S, ...) for a part S of it.
  const model::OwnStmts &own() const;
  /// The calls, suspensions, loops, lambdas and locals of the own
  /// statements, sorted once per function (model::FunctionEvents): a check
  /// that asks about one kind walks its list, not the body.
  const model::FunctionEvents &events() const;
  /// Calls \p Visit for each call and construction of the own statements
  /// (events().calls()), in walk order.
  void forEachCall(llvm::function_ref<void(const Stmt &)> Visit) const;
  /// Calls \p Visit for every variable declared by a statement of this
  /// function (not its parameters), with the declaration statement.
  void forEachLocal(
      llvm::function_ref<void(const VarDecl &, const DeclStmt &)> Visit) const;
  /// What becomes of the tasks this function creates.
  const model::TaskFlow &flow();
  /// Which results are ready and which handles are empty, along each path.
  const model::PathFacts &facts();
  /// The suspension points and what may hold at each (one CFG per function
  /// and translation unit, shared by every check).
  const model::SuspensionFlow &suspensions();
  /// True when a suspension of the own statements can suspend (canSuspend):
  /// whenever suspensions().points() is not empty, told without the CFG.
  bool maySuspend() const;

private:
  UnitFacts &Facts;
};

/// The base of every async-lint check.
class AsyncCheck : public ClangTidyCheck {
public:
  /// The functions a check is given.
  enum class Judges {
    /// Coroutine definitions (functions and lambdas).
    Coroutines,
    /// Every function definition with a body.
    Functions,
  };

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const final {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) final;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) final;
  void onStartOfTranslationUnit() final;
  void onEndOfTranslationUnit() final;

  /// Shares \p Session with the other checks of the unit (the module's
  /// check factories call it); without it a check analyses alone.
  void useSession(std::shared_ptr<model::AnalysisSession> Session);

  /// Reports as ClangTidyCheck::diag does, with one exception: a warning at
  /// a call, in a function made from a template, of a lambda written in
  /// another file (a library's generic bridge calling the lambda its caller
  /// handed in) is reported at that lambda, in the caller's code, and the
  /// bridge's line follows the check's own notes as a note.
  DiagnosticBuilder diag(SourceLocation Loc, StringRef Description,
                         DiagnosticIDs::Level Level = DiagnosticIDs::Warning);
  DiagnosticBuilder diag(StringRef Description,
                         DiagnosticIDs::Level Level = DiagnosticIDs::Warning);
  /// A note: diag(Loc, Text, DiagnosticIDs::Note).
  DiagnosticBuilder note(SourceLocation Loc, StringRef Text) {
    return diag(Loc, Text, DiagnosticIDs::Note);
  }

protected:
  /// \p Templates: also judge the patterns of templates (where types are
  /// still dependent); by default only their instantiations are judged.
  /// \p StoresLibrary: the check reads the shared library lists and shows
  /// them in its options (-dump-config).
  AsyncCheck(StringRef Name, ClangTidyContext *Context, Judges What,
             bool Templates = false, bool StoresLibrary = true);

  /// Judges one function: a valid definition of the kind the check judges.
  virtual void checkFunction(CheckedFunction &F) = 0;
  /// Stores the check's own options (the library lists are stored here).
  virtual void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {}
  /// Forgets what the check remembered of the previous translation unit.
  virtual void startTranslationUnit() {}
  /// Called when the translation unit has been judged, before the session
  /// frees its analyses (a check writes what it gathered of the unit).
  virtual void endTranslationUnit() {}

  /// True the first time a finding is reported at \p Loc in this
  /// translation unit; false for an invalid location or a second time.
  bool reportOnce(SourceLocation Loc);
  /// Shows \p F, a finding the model composed, with its notes, unless a
  /// finding was reported at its place already (reportOnce).
  void emitOnce(const model::Finding &F);

  /// The suspension flow of any function with a body (a callee, a lambda's
  /// call operator), shared with every check as CheckedFunction's is.
  const model::SuspensionFlow &suspensionsOf(const FunctionDecl &Function,
                                             ASTContext &Ctx) const;
  /// The first statement of \p Coro's body satisfying \p IsUse that may run
  /// after it has suspended; with \p FromStart (a lazy coroutine, suspended
  /// before its body runs), the first at all, found without a CFG.
  const Stmt *
  firstUseAfterSuspension(const FunctionDecl &Coro, ASTContext &Ctx,
                          llvm::function_ref<bool(const Stmt &)> IsUse,
                          bool FromStart) const;

  /// The shared lists of what coroutine libraries are made of.
  const model::Library Lib;
  /// The analyses of every function judged or asked about (helpers,
  /// callees), shared by the checks of the unit.
  UnitFacts Facts;

private:
  const Judges What;
  const bool Templates;
  const bool StoresLibrary;
  /// The options MaxCFGBlocks and AnalysisStats (of the unit's session).
  const unsigned MaxCFGBlocks;
  const bool AnalysisStats;
  llvm::DenseSet<unsigned> Reported;
  /// The function checkFunction is judging, while it does.
  const FunctionDecl *Judging = nullptr;
  const SourceManager *JudgingSources = nullptr;
  /// The bridge's call a warning moved away from, still to be noted.
  SourceLocation BridgeCall;
  const FunctionDecl *Bridge = nullptr;
  /// Adds the note at BridgeCall to the last warning, once.
  void noteBridge();
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_ASYNCCHECK_H

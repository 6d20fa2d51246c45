//===--- AsyncLintCompilerPlugin.cpp - async-lint -------------------------===//
//
// The compiler plugin: `clang++-22 -fplugin=libAsyncLintCompilerPlugin.so`
// runs the async-* checks inside the compile, on the AST the compiler has
// built, and reports their findings through the compiler's own diagnostics. The
// checks come from lib/; clang-tidy's library does the rest (options, NOLINT,
// header filter), as in clang-tidy.
//
//===----------------------------------------------------------------------===//

#include "AsyncLint.h"
#include "CompilerFindings.h"
#include "PluginOptions.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Frontend/MultiplexConsumer.h"

using namespace clang;
using namespace clang::tidy;

namespace async_lint {

namespace {

/// What the checks report to: clang-tidy's context and the consumer that
/// collects, filters and sorts their findings. A base of FindingsConsumer,
/// so that it outlives the checks.
struct CheckState {
  std::unique_ptr<ClangTidyContext> Context;
  std::unique_ptr<ClangTidyDiagnosticConsumer> Collector;
  std::unique_ptr<DiagnosticsEngine> Engine;
};

/// Runs the checks at the end of the unit, before code generation, and hands
/// their findings to the compiler.
class FindingsConsumer : private CheckState, public MultiplexConsumer {
public:
  FindingsConsumer(CheckState State, std::unique_ptr<ASTConsumer> Checks,
                   CompilerInstance &Compiler, bool FollowWerror)
      : CheckState(std::move(State)), MultiplexConsumer(std::move(Checks)),
        Compiler(Compiler), FollowWerror(FollowWerror) {}

  void HandleTranslationUnit(ASTContext &AST) override {
    // A unit that does not compile is not checked: the compiler's errors
    // come first, and the checks would only add noise to them.
    if (Compiler.getDiagnostics().hasErrorOccurred())
      return;
    MultiplexConsumer::HandleTranslationUnit(AST);
    // Freed here, so that code generation, which comes next, reuses the
    // memory of the checks' map of every node's parents.
    AST.getParentMapContext().clear();
    Collector->EndSourceFile();
    reportFindings(Collector->take(), Compiler.getDiagnostics(),
                   Compiler.getSourceManager(), FollowWerror);
  }

private:
  CompilerInstance &Compiler;
  const bool FollowWerror;
};

class AsyncLintAction : public PluginASTAction {
public:
  // Before the main action, so that the checks' memory is given back before
  // code generation reaches the compile's peak (after it, the checks would
  // add theirs on top: 8% more peak memory on a Boost example). The
  // checks only read the AST; test/compiler-plugin/same-object.test shows
  // that the object file does not change.
  ActionType getActionType() override { return AddBeforeMainAction; }

  bool ParseArgs(const CompilerInstance &Compiler,
                 const std::vector<std::string> &Args) override {
    Options = parsePluginOptions(Compiler, Args);
    return Options.has_value();
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    CheckState State;
    State.Context = std::make_unique<ClangTidyContext>(
        std::move(Options->Provider),
        /*AllowEnablingAnalyzerAlphaCheckers=*/false,
        /*EnableModuleHeadersParsing=*/false,
        /*ExperimentalCustomChecks=*/false);
    State.Collector =
        std::make_unique<ClangTidyDiagnosticConsumer>(*State.Context);
    auto DiagOpts = std::make_unique<DiagnosticOptions>();
    State.Engine = std::make_unique<DiagnosticsEngine>(
        DiagnosticIDs::create(), *DiagOpts, State.Collector.get(),
        /*ShouldOwnClient=*/false);
    State.Context->setDiagnosticsEngine(std::move(DiagOpts),
                                        State.Engine.get());
    std::unique_ptr<ASTConsumer> Checks =
        ClangTidyASTConsumerFactory(*State.Context)
            .createASTConsumer(Compiler, File);
    State.Collector->BeginSourceFile(Compiler.getLangOpts(),
                                     &Compiler.getPreprocessor());
    return std::make_unique<FindingsConsumer>(
        std::move(State), std::move(Checks), Compiler, Options->FollowWerror);
  }

private:
  std::optional<PluginOptions> Options;
};

struct HostVersionCheck {
  HostVersionCheck() { requireHostLLVM("compiler plugin", "clang", "clang"); }
};

// Before the registration below: in another LLVM's clang the plugin stops
// here instead of registering into a registry of another layout.
const HostVersionCheck CheckHostVersion;

FrontendPluginRegistry::Add<AsyncLintAction>
    Registration("async-lint", "the async-lint checks for C++ coroutines");

} // namespace

} // namespace async_lint

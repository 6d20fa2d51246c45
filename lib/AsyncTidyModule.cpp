//===--- AsyncTidyModule.cpp - async-lint ---------------------------------===//
//
// The clang-tidy module 'async': every async-lint check is registered here,
// once, and the plugin, the driver and async-lint-clangd all link it. The
// factories hand the checks of one unit one analysis session.
//
//===----------------------------------------------------------------------===//

#include "Checks/BlockingCallCheck.h"
#include "Checks/BusyLoopCheck.h"
#include "Checks/CircularWaitCheck.h"
#include "Checks/DanglingReferenceCheck.h"
#include "Checks/DiscardedAwaitableCheck.h"
#include "Checks/LambdaCaptureLifetimeCheck.h"
#include "Checks/LockAcrossSuspendCheck.h"
#include "Checks/ThreadAffinityCheck.h"
#include "Checks/UnboundedSpawnCheck.h"
#include "Checks/UnhandledRaceOutcomeCheck.h"
#include "Checks/UnobservedExceptionCheck.h"
#include "Checks/WorkNeverRunCheck.h"
#include "Model/Summaries.h"
#include "clang-tidy/ClangTidyModule.h"
#include <map>
#include <mutex>

namespace clang::tidy::async {

namespace {

/// The analysis session of each ClangTidyContext. A context analyses one
/// unit at a time, and its checks are made for that unit: clang-tidy makes
/// them per file (one context for the run, files one after the other), the
/// driver per unit, the compiler plugin per compile, and clangd per AST
/// build, each build with its own context but all from one set of factories
/// for the process, on several threads at once: hence the lock. A session
/// lives as long as a check holds it; the map holds none. The sessions share
/// the summary directories read, which outlive them.
class Sessions {
public:
  std::shared_ptr<model::AnalysisSession> of(ClangTidyContext *Context) {
    std::lock_guard<std::mutex> Lock(Mutex);
    for (auto It = ByContext.begin(); It != ByContext.end();)
      It = It->second.expired() ? ByContext.erase(It) : std::next(It);
    std::weak_ptr<model::AnalysisSession> &Slot = ByContext[Context];
    std::shared_ptr<model::AnalysisSession> Session = Slot.lock();
    if (!Session) {
      Session = std::make_shared<model::AnalysisSession>();
      Session->shareSummaryIndexes(Indexes);
      Slot = Session;
    }
    return Session;
  }

private:
  std::mutex Mutex;
  std::map<ClangTidyContext *, std::weak_ptr<model::AnalysisSession>> ByContext;
  std::shared_ptr<model::SummaryIndexes> Indexes =
      std::make_shared<model::SummaryIndexes>();
};

/// Registers async checks so that each is handed its unit's session.
class SessionFactories {
public:
  explicit SessionFactories(ClangTidyCheckFactories &Factories)
      : Factories(Factories) {}

  template <typename CheckType> void registerCheck(llvm::StringRef Name) {
    // The factories own the sessions' map; copies of them (clangd filters
    // its set per build) share it.
    Factories.registerCheckFactory(
        Name, [Shared = Shared](llvm::StringRef CheckName,
                                ClangTidyContext *Context) {
          auto Check = std::make_unique<CheckType>(CheckName, Context);
          Check->useSession(Shared->of(Context));
          return Check;
        });
  }

private:
  ClangTidyCheckFactories &Factories;
  std::shared_ptr<Sessions> Shared = std::make_shared<Sessions>();
};

} // namespace

class AsyncModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &All) override {
    SessionFactories Factories(All);
    Factories.registerCheck<BlockingCallCheck>("async-blocking-call");
    Factories.registerCheck<BusyLoopCheck>("async-busy-loop");
    Factories.registerCheck<CircularWaitCheck>("async-circular-wait");
    Factories.registerCheck<DanglingReferenceCheck>("async-dangling-reference");
    Factories.registerCheck<DiscardedAwaitableCheck>(
        "async-discarded-awaitable");
    Factories.registerCheck<LambdaCaptureLifetimeCheck>(
        "async-lambda-capture-lifetime");
    Factories.registerCheck<LockAcrossSuspendCheck>(
        "async-lock-across-suspend");
    Factories.registerCheck<ThreadAffinityCheck>("async-thread-affinity");
    Factories.registerCheck<UnboundedSpawnCheck>("async-unbounded-spawn");
    Factories.registerCheck<UnhandledRaceOutcomeCheck>(
        "async-unhandled-race-outcome");
    Factories.registerCheck<UnobservedExceptionCheck>(
        "async-unobserved-exception");
    Factories.registerCheck<WorkNeverRunCheck>("async-work-never-run");
  }
};

} // namespace clang::tidy::async

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<async::AsyncModule>
    AsyncModuleRegistration("async-module",
                            "Checks for the pitfalls of C++20 coroutines.");

// Statically linked front ends reference this symbol so that the linker keeps
// the registration above (as clang-tidy's ClangTidyForceLinker.h does).
volatile int AsyncLintModuleAnchorSource = 0;

} // namespace clang::tidy

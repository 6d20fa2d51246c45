//===--- AsyncTidyModule.cpp - async-lint ---------------------------------===//
//
// The clang-tidy module 'async': every async-lint check is registered here,
// once, and the plugin, the driver and async-lint-clangd all link it.
//
//===----------------------------------------------------------------------===//

#include "Checks/BlockingCallCheck.h"
#include "Checks/BusyLoopCheck.h"
#include "Checks/DanglingReferenceCheck.h"
#include "Checks/DiscardedAwaitableCheck.h"
#include "Checks/LambdaCaptureLifetimeCheck.h"
#include "Checks/LockAcrossSuspendCheck.h"
#include "Checks/ThreadAffinityCheck.h"
#include "Checks/UnboundedSpawnCheck.h"
#include "Checks/UnhandledRaceOutcomeCheck.h"
#include "Checks/UnobservedExceptionCheck.h"
#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy::async {

class AsyncModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<BlockingCallCheck>("async-blocking-call");
    Factories.registerCheck<BusyLoopCheck>("async-busy-loop");
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

//===--- BlockingCallCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H
#define ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H

#include "../Model/BlockingReach.h"
#include "../Model/NameMatcher.h"
#include "../Model/SyncWaitStarts.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace clang::tidy::async {

/// Finds calls that block the thread inside the body of a coroutine.
///
/// The facts are the model's: which calls block (BlockingCalls), through
/// which callees and under which condition (BlockingReach), on which
/// descriptors they do not (NonBlockingIO), and which coroutine lambdas only
/// a sync-wait runs (SyncWaitStarts).
class BlockingCallCheck : public AsyncCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  /// True when \p Site, in \p Coro, may run on an executor thread: not when
  /// \p Coro is a lambda only a sync-wait runs and \p Site runs before it
  /// first suspends.
  bool mayRunOnExecutor(const FunctionDecl &Coro, const Stmt &Site,
                        ASTContext &Ctx);
  /// True when \p Site is a wait that async-circular-wait reports as a
  /// certain deadlock (a coroutine blocking the only thread of its context
  /// on work for that context): the stronger claim is made there, once.
  bool leftToCircularWait(const Stmt &Site, ASTContext &Ctx);
  void report(const FunctionDecl &Coro, const Stmt &Site,
              const FunctionDecl *Via, const model::BlockingCall &Leaf);

  std::vector<model::NameMatcher> CategoryNames;
  std::vector<bool> CategoryEnabled;
  std::string CategoriesOption;
  model::NameMatcher BlockingFunctions;
  model::NameMatcher AllowedFunctions;
  model::NameMatcher AwaitableBlockingMembers;
  model::NameMatcher BlockingStreams;
  std::vector<std::string> WouldBlockErrors;
  unsigned MaxCallDepth;
  /// Whether async-circular-wait runs, and the waits it reports in this
  /// unit (computed when first asked).
  bool CircularWaitEnabled = false;
  std::optional<llvm::DenseSet<const Stmt *>> CircularWaits;

  const model::BlockingLists Lists;
  model::NonBlockingIO IO;
  model::SyncWaitStarts SyncWaitStarted;
  model::BlockingReach Reaches;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H

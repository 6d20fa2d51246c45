//===--- BlockingCallCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H
#define ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H

#include "../Model/BlockingReports.h"
#include "../Model/EagerPrefix.h"
#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds calls that block the thread inside the body of a coroutine.
///
/// Facts: BlockingCalls, BlockingReach, NonBlockingIO, EagerPrefix and,
/// across units, Summaries (SummaryOutput writes, SummaryDirectory reads).
class BlockingCallCheck : public AsyncCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;
  /// Writes the unit's summary (SummaryOutput) once the unit is judged.
  void endTranslationUnit() override { Writer.flush(); }

private:
  /// Adds \p FD to the unit's summary when it blocks whatever the
  /// arguments (SummaryOutput).
  void summarise(const FunctionDecl &FD, ASTContext &Ctx);
  /// False when \p Site runs before \p Coro first suspends and that runs on
  /// a plain thread only (a sync-wait's lambda, an eager call from main).
  bool mayRunOnExecutor(const FunctionDecl &Coro, const Stmt &Site,
                        ASTContext &Ctx);
  /// Reports \p Site in \p Coro: it blocks itself (\p Via null) or calls
  /// \p Via, which reaches \p Leaf; \p Notes show the path.
  void report(const FunctionDecl &Coro, const Stmt &Site, std::string Via,
              const std::string &Leaf, unsigned Category,
              const std::vector<model::PlacedNote> &Notes);
  /// Calls \p Use with the unit's analyses as the blocking search asks them
  /// (\p ForFinding: the summaries' keys it asks are the unit's uses).
  void withQueries(ASTContext &Ctx, bool ForFinding,
                   llvm::function_ref<void(const model::BlockingQueries &)>);
  /// Judges the coroutine \p F (checkFunction, once the queries are made).
  void checkCoroutine(CheckedFunction &F, const model::BlockingQueries &Q);

  std::vector<model::NameMatcher> CategoryNames;
  std::vector<bool> CategoryEnabled;
  std::string CategoriesOption;
  model::NameMatcher BlockingFunctions;
  model::NameMatcher AllowedFunctions;
  model::NameMatcher AwaitableBlockingMembers;
  model::NameMatcher BlockingStreams;
  std::vector<std::string> WouldBlockErrors;
  unsigned MaxCallDepth;
  /// Where this unit's summary is written (SummaryOutput) and other units'
  /// are read (SummaryDirectory).
  model::SummaryWriter Writer;
  model::SummaryReader Reader;
  /// Whether async-circular-wait runs, and the waits it reports as certain
  /// deadlocks: the stronger claim is made there, once.
  bool CircularWaitEnabled = false;
  model::CertainOwnContextWaits CircularWaits;

  model::BlockingListMemo ListMemo;
  const model::BlockingLists Lists;
  model::NonBlockingIO IO;
  model::PlainThreadStarts PlainStarts;
  model::BlockingReach Reaches;
  /// The search for the unit's own summary, apart (it records no uses).
  model::BlockingReach SummaryReaches;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H

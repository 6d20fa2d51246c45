//===--- BlockingCallCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H
#define ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H

#include "../Model/BlockingReach.h"
#include "../Model/NameMatcher.h"
#include "../Model/Summaries.h"
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
/// a sync-wait runs (SyncWaitStarts). Across units, through summaries
/// (Summaries): with SummaryOutput the check writes which functions of the
/// unit block, with SummaryDirectory it reads what the other units wrote.
class BlockingCallCheck : public AsyncCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);
  /// Writes the last unit's summary (SummaryOutput).
  ~BlockingCallCheck() override;

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;
  /// Writes the unit's summary (SummaryOutput) once the unit is judged.
  void endTranslationUnit() override { writeSummary(); }
  /// Adds \p FD to the unit's summary when it blocks whatever the
  /// arguments (SummaryOutput).
  void summarise(const FunctionDecl &FD, ASTContext &Ctx);
  /// Writes the summary of the unit judged last, if any.
  void writeSummary();

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
  /// Calls \p Use with the unit's analyses as the blocking search asks them.
  void
  withQueries(ASTContext &Ctx,
              llvm::function_ref<void(const model::BlockingQueries &)> Use);
  /// Judges the coroutine \p F (checkFunction, once the queries are made).
  void checkCoroutine(CheckedFunction &F, const model::BlockingQueries &Q);
  /// Reports \p S of \p F when its callee is defined in another unit whose
  /// summary says it blocks (SummaryDirectory).
  void checkSummarisedCall(const CheckedFunction &F, const Stmt &S);
  /// The category a summary names by \p Key, when this unit reports it.
  std::optional<unsigned> enabledCategory(llvm::StringRef Key) const;
  /// The summary another unit wrote of \p S's callee, when this unit only
  /// declares it and it blocks whatever the arguments, within the budget.
  const model::BlockingSummary *summarisedCallee(const Stmt &S,
                                                 ASTContext &Ctx);
  /// Reports \p Site, whose callee blocks as \p Summary says, with notes in
  /// the files of the other unit.
  void reportSummarised(const FunctionDecl &Coro, const Stmt &Site,
                        const model::BlockingSummary &Summary,
                        unsigned Category);
  /// The unit's mangler (made when first asked).
  ASTNameGenerator &names(ASTContext &Ctx);

  std::vector<model::NameMatcher> CategoryNames;
  std::vector<bool> CategoryEnabled;
  std::string CategoriesOption;
  model::NameMatcher BlockingFunctions;
  model::NameMatcher AllowedFunctions;
  model::NameMatcher AwaitableBlockingMembers;
  model::NameMatcher BlockingStreams;
  std::vector<std::string> WouldBlockErrors;
  unsigned MaxCallDepth;
  /// The directory this unit's summary is written to, and the one other
  /// units' summaries are read from (empty: none).
  std::string SummaryOutput;
  std::string SummaryDirectory;
  std::shared_ptr<const model::SummaryIndex> Summaries;
  /// The unit being summarised (its main file, absolute; empty before its
  /// first function) and what its functions block on so far. A check ends
  /// no unit (AsyncCheck does), so the summary is written when the next
  /// unit starts or the check is destroyed, with every function judged.
  std::string SummarisedUnit;
  std::vector<model::BlockingSummary> Summarised;
  /// The keys the unit's calls asked the summaries for (SummaryOutput).
  model::SummaryUses Asked;
  std::unique_ptr<ASTNameGenerator> Names;
  ASTContext *NamesContext = nullptr;
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

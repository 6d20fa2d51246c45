//===--- SummaryFlow.h - async-lint -----------------------------*- C++ -*-===//
//
// --summaries in one pass when cold, and only the callers when warm. The
// first pass runs every check on every unit while the units write their
// summaries and the keys they asked for (`<hash>.uses`), reading none (a
// directory being written is never read: that would make results depend
// on timing). Only the units that asked for a key some summary defines are
// analysed a second time, reading the directory; their second result
// replaces the first. A second-pass result is cached under the digest of
// the records of the keys its unit asked for, so that an edit re-checks
// the edited unit and the units that call into what changed, no other
// (docs/summaries.md, "How they flow").
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_SUMMARYFLOW_H
#define ASYNC_LINT_DRIVER_SUMMARYFLOW_H

#include "Analysis.h"
#include "llvm/Support/FileSystem.h"
#include <utility>

namespace async_lint {

/// The files \p Unit wrote into the summary directory \p Dir (its summary
/// and uses files, whatever the checks writing them call them after the
/// unit's hash), by name, with their text.
std::vector<std::pair<std::string, std::string>>
unitSummaryFiles(llvm::StringRef Dir, llvm::StringRef Unit);

/// The files \p Unit wrote into \p Dir so far, by name, with the identity
/// of each (a file rewritten since is a new one: writers rename a fresh
/// file over the old).
using UnitFileIds =
    std::vector<std::pair<std::string, llvm::sys::fs::UniqueID>>;
UnitFileIds unitSummaryFileIds(llvm::StringRef Dir, llvm::StringRef Unit);

/// Removes the files of \p Before that the unit's analysis since did not
/// write again, so that a unit that now writes fewer leaves no stale one
/// behind. (Removing them before the analysis would not do: a shard's unit
/// may be read by another shard meanwhile; docs/summaries.md, "Shards".)
void removeStaleSummaryFiles(llvm::StringRef Dir, const UnitFileIds &Before);

/// Makes \p Unit's files in \p Dir those of \p Files (a replayed result):
/// rewrites what differs, removes what it no longer writes.
void restoreUnitSummaryFiles(
    llvm::StringRef Dir, llvm::StringRef Unit,
    llvm::ArrayRef<std::pair<std::string, std::string>> Files);

/// The whole run with --summaries (\p SummarizeOnly: the first pass alone,
/// `async-lint summarize`). Fails only when the configuration does.
llvm::Expected<RunResult> analyseWithSummaries(CommandLine &CL, Inputs &In,
                                               bool SummarizeOnly);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_SUMMARYFLOW_H

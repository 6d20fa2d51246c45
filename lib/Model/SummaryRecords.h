//===--- SummaryRecords.h - async-lint --------------------------*- C++ -*-===//
//
// What async-blocking-call and async-unobserved-exception write of one
// function of the unit (its record, or else its chains to functions of
// other units: docs/summaries.md, "Chains"), and the blocking path of a call
// of a function of another unit, from its record, for the search through
// the bodies the unit sees.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SUMMARYRECORDS_H
#define ASYNC_LINT_MODEL_SUMMARYRECORDS_H

#include "BlockingReports.h"
#include "EscapingThrows.h"

namespace clang::tidy::async::model {

/// The `blocks` record of \p FD, keyed \p Key, when \p R (what the search
/// found for it) blocks whatever the arguments; else its chains
/// (blockingChains). \p Q's Reaches is the search that found \p R.
std::vector<Summary> blockingRecords(const FunctionDecl &FD,
                                     const std::optional<BlockingPath> &R,
                                     std::string Key, unsigned MaxCallDepth,
                                     const BlockingChainQueries &Q);

/// The path of the call \p S of \p Callee, a function of another unit whose
/// `blocks` record is \p Found (null: none), when \p Enabled (in
/// blockingCategories()'s order) enables its category.
std::optional<BlockingPath>
summarisedBlockingPath(const Stmt &S, const FunctionDecl *Callee,
                       const Summary *Found, const std::vector<bool> &Enabled);

/// The `throws` record of the coroutine \p Coro, keyed \p Key, when an
/// exception escapes its body here; else its chains (throwChains).
std::vector<Summary>
throwRecords(const FunctionDecl &Coro, const std::string &Key,
             const ThrowPolicy &Policy,
             llvm::function_ref<std::string(const FunctionDecl &)> KeyOf,
             ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SUMMARYRECORDS_H

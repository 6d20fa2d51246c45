//===--- BlockingReports.h - async-lint -------------------------*- C++ -*-===//
//
// What async-blocking-call says of a call that blocks: the names and places
// of its notes along the call path, the label and advice of its category,
// the summary of a function of the unit that blocks whatever its arguments
// (for other units), and the notes of such a summary read in another unit.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_BLOCKINGREPORTS_H
#define ASYNC_LINT_MODEL_BLOCKINGREPORTS_H

#include "BlockingReach.h"
#include "NameMatcher.h"
#include "SummaryFiles.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace clang::tidy::async::model {

/// The keys of the categories enabled by default, as the Categories option
/// lists them.
std::string defaultBlockingCategories();

/// How notes name a function on the call path ('name', or a lambda).
std::string quotedFunctionName(const FunctionDecl &FD);

/// Where a blocking site is reported: a member call at its member, an
/// operator at the operator, a construction at its name.
SourceLocation blockingSiteLocation(const Stmt &S);

/// Why a call of the blocking category \p Category blocks and what to do
/// instead, as the note at the blocking call says it: "(label); advice".
std::string blockingReason(unsigned Category);

/// The category a summary names by \p Key ("custom" for the user's
/// BlockingFunctions), when \p Enabled (in blockingCategories()'s order)
/// enables it.
std::optional<unsigned>
enabledBlockingCategory(llvm::StringRef Key, const std::vector<bool> &Enabled);

/// The notes of the call path from \p Via down to the blocking call, as
/// \p Reaches found it (at most \p MaxCallDepth + 1 steps).
std::vector<PlacedNote> blockingPathNotes(const FunctionDecl &Via,
                                          const BlockingReach &Reaches,
                                          unsigned MaxCallDepth,
                                          SourceManager &SM);

/// The summary of \p FD, which blocks whatever its arguments through
/// \p Path (what \p Reaches found for it), keyed \p Key; none when a step
/// is in no file.
std::optional<Summary>
blockingSummary(const FunctionDecl &FD, const BlockingPath &Path,
                std::string Key, const BlockingReach &Reaches,
                unsigned MaxCallDepth, const SourceManager &SM);

/// What blockingChains asks of the unit.
struct BlockingChainQueries {
  const BlockingReach &Reaches;
  const BlockingLists &Lists;
  const SourceManager &SM;
  /// The key of a function in summaries.
  llvm::function_ref<std::string(const FunctionDecl &)> KeyOf;
};

/// At most this many chains per function.
inline constexpr size_t MaxBlockingChains = 16;

/// The chains of \p FD, keyed \p Key, a function of the unit that reaches
/// no blocking call here: one per function of another unit (with no body
/// here) its body calls, directly or through visible functions, whose
/// summary, if it blocks, would make \p FD block within \p MaxCallDepth
/// (Summary::Through; docs/summaries.md, "Chains").
std::vector<Summary> blockingChains(const FunctionDecl &FD, std::string Key,
                                    unsigned MaxCallDepth,
                                    const BlockingChainQueries &Q);

/// The notes of \p S, a summary of Blocks read for the call at \p CallLoc;
/// the last one says why it blocks (\p Category, blockingReason).
std::vector<PlacedNote> blockingSummaryNotes(const Summary &S,
                                             SourceManager &SM,
                                             SourceLocation CallLoc,
                                             unsigned Category);

/// The waits of a unit that async-circular-wait reports as certain
/// deadlocks (a coroutine blocking the only thread of its context on work
/// for that context) under its default lists: found when first asked.
class CertainOwnContextWaits {
public:
  /// True when \p Site is one (\p JoinMembers: the library's).
  bool contains(const Stmt &Site, ASTContext &Ctx,
                const NameMatcher &JoinMembers);
  /// Forgets the unit's.
  void clear() { Waits.reset(); }

private:
  std::optional<llvm::DenseSet<const Stmt *>> Waits;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_BLOCKINGREPORTS_H

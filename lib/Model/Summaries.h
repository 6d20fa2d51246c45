//===--- Summaries.h - async-lint -------------------------------*- C++ -*-===//
//
// What a function defined in another translation unit does, for the calls
// of this one that see only its declaration: one summary file per unit,
// written by the unit's analysis, read by the others'. For now a summary
// says one thing: the function blocks whatever its arguments, and through
// which calls (docs/summaries.md describes the flow and the format).
//
// Functions are keyed by their mangled names, which is what the linker
// matches across units: two declarations of the same function in different
// units mangle alike, two overloads differently.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SUMMARIES_H
#define ASYNC_LINT_MODEL_SUMMARIES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Mangle.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::async::model {

/// The first line of every summary file; the number changes with the format.
inline constexpr llvm::StringLiteral SummaryFormatHeader =
    "async-lint-summaries 1";

/// One call on the way from a summarised function to its blocking call.
struct SummaryStep {
  /// The function making the call, as notes name it (quoted).
  std::string Caller;
  /// The function called, as notes name it (quoted), or the blocking
  /// call's name on the last step.
  std::string Callee;
  /// Where the call is: an absolute path, line and column.
  std::string File;
  unsigned Line = 0, Column = 0;
};

/// A function of another unit that blocks whatever its arguments.
struct BlockingSummary {
  /// The mangled name.
  std::string Key;
  /// The blocking call reached (as BlockingCall::Name) and its category's
  /// key ("custom" for the user's BlockingFunctions).
  std::string Leaf;
  std::string Category;
  /// The calls from the function down to the blocking call: the first is in
  /// the function's body, the last is the blocking call itself.
  std::vector<SummaryStep> Steps;
};

/// The key of \p FD in summaries: its mangled name (\p Names is the unit's
/// mangler, made once: making one is not free); empty when it has none.
std::string summaryKey(const FunctionDecl &FD, ASTNameGenerator &Names);

/// The name of the summary file of the unit whose main file is \p MainFile
/// (a hash of its absolute path), without directory.
std::string summaryFileName(llvm::StringRef MainFile);

/// The text of a summary file of \p MainFile holding \p Entries.
std::string formatSummaries(llvm::StringRef MainFile,
                            llvm::ArrayRef<BlockingSummary> Entries);

/// Parses the text of a summary file; an error names the line at fault.
llvm::Expected<std::vector<BlockingSummary>>
parseSummaries(llvm::StringRef Text);

/// Writes \p Text as \p Dir's summary file of \p MainFile: to a temporary
/// file, then renamed over the old one, so that a reader never sees half of
/// it. Creates \p Dir when missing.
llvm::Error writeSummaryFile(llvm::StringRef Dir, llvm::StringRef MainFile,
                             llvm::StringRef Text);

/// Every summary of a directory, by key.
class SummaryIndex {
public:
  /// Reads every summary file of \p Dir; a file that cannot be read or
  /// parsed is reported on \p Warnings in one line naming it, and ignored.
  static SummaryIndex read(llvm::StringRef Dir, llvm::raw_ostream &Warnings);

  /// The summary of the function whose key is \p Key; null when none.
  const BlockingSummary *find(llvm::StringRef Key) const;
  size_t size() const { return Entries.size(); }

private:
  llvm::StringMap<BlockingSummary> Entries;
};

/// The keys a unit asked the summaries for (calls whose callee has no body
/// in the unit), whether or not a summary answered: written beside the
/// unit's summary (`<hash>.uses`), so that the driver knows which units a
/// summary concerns (docs/summaries.md, "How they flow").
class SummaryUses {
public:
  void ask(llvm::StringRef Key) { Keys.insert(Key); }
  bool empty() const { return Keys.empty(); }
  void clear() { Keys.clear(); }
  /// The keys, sorted.
  std::vector<std::string> keys() const;

private:
  llvm::StringSet<> Keys;
};

/// The one entry point of a lookup of \p Key: records it in \p Uses (when
/// not null: the unit's uses are being written), then finds it in \p Index
/// (when not null: summaries are being read).
const BlockingSummary *lookupSummary(const SummaryIndex *Index,
                                     llvm::StringRef Key, SummaryUses *Uses);

/// The name of the uses file of \p MainFile's unit: the summary file's
/// name with the extension ".uses".
std::string usesFileName(llvm::StringRef MainFile);

/// The text of a uses file: the format header's line, then one key a line.
std::string formatUses(const SummaryUses &Uses);

/// Parses the text of a uses file; an error names the line at fault.
llvm::Expected<std::vector<std::string>> parseUses(llvm::StringRef Text);

/// Writes \p Uses as \p Dir's uses file of \p MainFile, atomically (a
/// temporary file, renamed). Creates \p Dir when missing.
llvm::Error writeUsesFile(llvm::StringRef Dir, llvm::StringRef MainFile,
                          const SummaryUses &Uses);

/// The index of \p Dir, read the first time any unit of this process asks
/// and kept for the others (the directory is written by an earlier phase;
/// it does not change while it is read). Malformed files are reported on
/// stderr, once.
std::shared_ptr<const SummaryIndex> summariesOf(llvm::StringRef Dir);

/// A digest of the contents of every summary file of \p Dir, for the keys
/// of results that depend on them.
std::string summaryDirectoryDigest(llvm::StringRef Dir);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SUMMARIES_H

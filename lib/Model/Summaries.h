//===--- Summaries.h - async-lint -------------------------------*- C++ -*-===//
//
// What a function defined in another translation unit does, for the calls
// of this one that see only its declaration: summary files written by each
// unit's analysis (one per unit and writing check), read by the others'. A
// summary holds records of eight kinds of facts: the function blocks
// whatever its arguments (async-blocking-call), the coroutine lets an
// exception escape (async-unobserved-exception), the function spawns
// detached work on every call (async-unbounded-spawn), the function
// destroys a task parameter unrun (async-discarded-awaitable), the function
// detaches a task parameter with a spawn that drops its failure
// (async-unobserved-exception), the coroutine reads a reference parameter
// after it may have suspended (async-dangling-reference), the function
// leaves an execution context it is given unrun (async-work-never-run),
// the destructor of a task type waits for the task's coroutine to finish
// (async-dangling-reference); each with the places that show it
// (docs/summaries.md describes the flow and the format).
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
#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace clang::tidy::async::model {

/// The first line of every summary file; the number changes with the format.
inline constexpr llvm::StringLiteral SummaryFormatHeader =
    "async-lint-summaries 2";

/// The kind of fact a summary record states; each is written by one check.
enum class SummaryFact : unsigned {
  /// Blocks the thread whatever its arguments (async-blocking-call).
  Blocks,
  /// A coroutine whose body lets an exception escape
  /// (async-unobserved-exception).
  Throws,
  /// Spawns detached work on every call, without a bound
  /// (async-unbounded-spawn).
  Spawns,
  /// Destroys task parameters it is given by value unrun, on every path
  /// (async-discarded-awaitable).
  Drops,
  /// Hands a task parameter to a spawn that drops the task's failure, on
  /// every path (async-unobserved-exception).
  Detaches,
  /// A coroutine that reads a reference, pointer or view parameter after
  /// it may have suspended (async-dangling-reference).
  Borrows,
  /// Neither runs nor hands on an execution context it is given by
  /// reference, on any path (async-work-never-run).
  Leaves,
  /// A destructor that blocks until the coroutine of its task object has
  /// finished (async-dangling-reference).
  Joins,
};
inline constexpr unsigned NumSummaryFacts = 8;

/// The record kind of \p Fact in the file ("blocks", "throws", "spawns",
/// "drops", "detaches", "borrows", "leaves", "joins"), which is also the suffix
/// of the files its check writes.
llvm::StringRef recordKind(SummaryFact Fact);

/// One place that shows a summarised fact: a call on the way to the
/// blocking call, the place an exception escapes, the spawn.
struct SummaryStep {
  /// The function making the call, as notes name it (quoted).
  std::string Caller;
  /// Blocks and Spawns: the function called, as notes name it (quoted), or
  /// the blocking call's name on the last step. Throws: the text of the
  /// note at the place ("an exception is thrown here"). Drops, Borrows:
  /// the parameter, quoted. Leaves: the call that hands the context work
  /// in the function, quoted, or "-" when it hands it none.
  std::string Callee;
  /// Where the call is: an absolute path, line and column.
  std::string File;
  unsigned Line = 0, Column = 0;
};

/// One fact of a function of another unit.
struct Summary {
  SummaryFact Fact = SummaryFact::Blocks;
  /// The mangled name.
  std::string Key;
  /// Blocks: the blocking call reached (as BlockingCall::Name). Throws: the
  /// coroutine, as warnings describe it ("coroutine 'work'"). Spawns: the
  /// spawn called (quoted). Drops, Detaches, Borrows: the function
  /// (quoted). Joins: the class whose destructor it is (quoted).
  std::string What;
  /// Blocks: the blocking category's key ("custom" for the user's
  /// BlockingFunctions). Drops, Detaches, Borrows, Leaves: the indexes of
  /// the parameters dropped, detached, borrowed or left, comma-separated, in
  /// the order of the steps
  /// ("0,2"). "-" for the other facts.
  std::string Category = "-";
  /// Blocks: the calls from the function down to the blocking call (the
  /// first is in the function's body, the last is the blocking call
  /// itself). Throws: the place the exception escapes. Spawns: the spawn.
  /// Drops: one per parameter dropped, where it is destroyed. Detaches:
  /// one per parameter detached, at the spawn. Borrows: one per parameter
  /// borrowed, at its first use after the coroutine may have suspended.
  /// Leaves: one per context left, at the first call handing it work, or
  /// at the parameter when none does.
  /// Joins: the wait that blocks until the coroutine has finished.
  /// A chain: the calls from the function down to the call of Through.
  std::vector<SummaryStep> Steps;
  /// A chain (Blocks, Throws): the key of a function of another unit that
  /// the function's body calls (Steps: how); the fact holds of the function
  /// when it holds of that one, through Steps. Empty for a record. Chains
  /// are resolved when a directory is read (SummaryIndex::read): a fact
  /// reaches across any number of units.
  std::string Through;
};

/// The step of \p S, a record of a fact about parameters (Drops,
/// Detaches, Borrows, Leaves: its category lists their indexes, one step each),
/// for the parameter \p Index; null when the record does not name that
/// parameter or its indexes do not match its steps.
const SummaryStep *parameterStep(const Summary &S, unsigned Index);

/// What a summary file holds: its records, and one message per record of a
/// kind this version does not know (skipped, with its steps).
struct ParsedSummaries {
  std::vector<Summary> Entries;
  std::vector<std::string> Skipped;
};

/// The key of \p FD in summaries: its mangled name (\p Names is the unit's
/// mangler, made once: making one is not free); empty when it has none.
std::string summaryKey(const FunctionDecl &FD, ASTNameGenerator &Names);

/// The name of the summary file of \p Fact of the unit whose main file is
/// \p MainFile (a hash of its absolute path, then the record kind:
/// <16 hex digits>.throws.summary), without directory.
std::string summaryFileName(llvm::StringRef MainFile, SummaryFact Fact);

/// The text of a summary file of \p MainFile holding \p Entries.
std::string formatSummaries(llvm::StringRef MainFile,
                            llvm::ArrayRef<Summary> Entries);

/// Parses the text of a summary file; an error names the line at fault.
/// A record of an unknown kind is skipped (with the steps that follow it)
/// and named in Skipped: a newer writer may add kinds.
llvm::Expected<ParsedSummaries> parseSummaries(llvm::StringRef Text);

/// Writes \p Text as \p Dir's summary file of \p Fact of \p MainFile: to a
/// temporary file, then renamed over the old one, so that a reader never
/// sees half of it. Creates \p Dir when missing.
llvm::Error writeSummaryFile(llvm::StringRef Dir, llvm::StringRef MainFile,
                             SummaryFact Fact, llvm::StringRef Text);

/// Every summary of a directory, by key.
class SummaryIndex {
public:
  /// Reads every summary file of \p Dir; a file that cannot be read or
  /// parsed is reported on \p Warnings in one line naming it, and ignored.
  static SummaryIndex read(llvm::StringRef Dir, llvm::raw_ostream &Warnings);

  /// The summary of \p Fact of the function whose key is \p Key; null when
  /// none. The one way checks look a key up (so that what a unit asked for
  /// can be recorded in one place).
  const Summary *find(SummaryFact Fact, llvm::StringRef Key) const;
  /// How many summaries, of every fact.
  size_t size() const;

private:
  /// Makes a record of every chain that leads to one (the shortest), as if
  /// the function's own unit had written it.
  void resolveChains();
  const Summary *resolve(SummaryFact Fact, llvm::StringRef Key,
                         llvm::StringSet<> &Visiting);

  std::array<llvm::StringMap<Summary>, NumSummaryFacts> Entries;
  /// The chains of each fact, by the key of the function they describe.
  std::array<llvm::StringMap<std::vector<Summary>>, NumSummaryFacts> Chains;
  /// The chains that led to no record.
  std::array<llvm::StringSet<>, NumSummaryFacts> Dead;
};

/// The keys a check asked the summaries for in a unit (calls whose callee
/// has no body in the unit), whether or not a summary answered: written
/// beside the check's summary file (`<hash>.<fact>.uses`), so that the
/// driver knows which units a summary concerns (docs/summaries.md, "How
/// they flow").
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

/// The one entry point of a lookup of \p Key for \p Fact: records it in
/// \p Uses (when not null: the unit's uses are being written), then finds
/// it in \p Index (when not null: summaries are being read).
const Summary *lookupSummary(const SummaryIndex *Index, SummaryFact Fact,
                             llvm::StringRef Key, SummaryUses *Uses);

/// The name of the uses file of \p Fact of \p MainFile's unit: the summary
/// file's name with the extension ".uses"; with \p Tag, the uses of a check
/// that reads the fact without writing it, `<hash>.<tag>.<fact>.uses`.
std::string usesFileName(llvm::StringRef MainFile, SummaryFact Fact,
                         llvm::StringRef Tag = "");

/// The text of a uses file: the format header's line, then one key a line.
std::string formatUses(const SummaryUses &Uses);

/// Parses the text of a uses file; an error names the line at fault.
llvm::Expected<std::vector<std::string>> parseUses(llvm::StringRef Text);

/// Writes \p Uses as \p Dir's uses file of \p Fact of \p MainFile (with
/// \p Tag: usesFileName), atomically (a temporary file, renamed). Creates
/// \p Dir when missing.
llvm::Error writeUsesFile(llvm::StringRef Dir, llvm::StringRef MainFile,
                          SummaryFact Fact, const SummaryUses &Uses,
                          llvm::StringRef Tag = "");

/// The summary directories a process reads, each read the first time any
/// unit asks and kept for the others (written by an earlier phase, a
/// directory does not change while it is read); malformed files are
/// reported on stderr, once. The analysis sessions of a process share one
/// (the module's check factories own it): a check lives for one unit, and
/// reading the directory per unit would cost more than the analysis.
/// Guarded, because clangd builds units on several threads.
class SummaryIndexes {
public:
  /// The index of \p Dir.
  std::shared_ptr<const SummaryIndex> of(llvm::StringRef Dir);

private:
  std::mutex Lock;
  llvm::StringMap<std::shared_ptr<const SummaryIndex>> Read;
};

/// A digest of the contents of every summary file of \p Dir, for the keys
/// of results that depend on them.
std::string summaryDirectoryDigest(llvm::StringRef Dir);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SUMMARIES_H

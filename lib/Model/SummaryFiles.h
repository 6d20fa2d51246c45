//===--- SummaryFiles.h - async-lint ----------------------------*- C++ -*-===//
//
// How a check takes part in summaries: a SummaryWriter collects the records
// of one fact for the unit being judged and writes them as that unit's file
// of the fact; a SummaryReader answers, for a call whose callee this unit
// only declares, what another unit's summary says of it; summaryNotes turns
// a summary's places into notes in the other unit's files. Each check owns
// one of each, for its own fact (docs/summaries.md).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SUMMARYFILES_H
#define ASYNC_LINT_MODEL_SUMMARYFILES_H

#include "PlacedNotes.h"
#include "Summaries.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// The unit's mangler, made when first asked and again for another unit
/// (making one is not free).
class SummaryNames {
public:
  ASTNameGenerator &of(ASTContext &Ctx);
  void reset();

private:
  std::unique_ptr<ASTNameGenerator> Names;
  ASTContext *NamesContext = nullptr;
};

/// The records of one fact a check writes for each unit it judges: one
/// file per unit, <Dir>/<hash of the main file>.<record kind>.summary.
/// With a \p UsesTag, the writer of a check that reads a fact another
/// check writes: no summary file, only the keys it asked for
/// (<hash>.<tag>.<record kind>.uses).
class SummaryWriter {
public:
  SummaryWriter(std::string Dir, SummaryFact Fact, std::string UsesTag = "")
      : Dir(std::move(Dir)), Fact(Fact), UsesTag(std::move(UsesTag)) {}
  ~SummaryWriter() { flush(); }
  bool enabled() const { return !Dir.empty(); }
  const std::string &directory() const { return Dir; }
  /// Notes that a function of \p Ctx's unit is judged: the unit gets a file
  /// (empty when it defines nothing of the fact). False when the unit has
  /// no main file or nothing is written.
  bool judging(ASTContext &Ctx);
  /// Adds \p S (of this writer's fact) to the unit's file.
  void add(Summary S);
  /// Adds \p S, \p FD's summary of one step per parameter named in
  /// \p Params (their indexes), unless it has no step: keyed by \p FD, the
  /// indexes its category.
  void addPerParameter(Summary S, llvm::ArrayRef<std::string> Params,
                       const FunctionDecl &FD, ASTContext &Ctx);
  /// The key of \p FD in the unit's summaries.
  std::string keyOf(const FunctionDecl &FD, ASTContext &Ctx);
  /// The keys \p Ctx's unit asked the summaries for, written beside its
  /// file (the driver re-checks with the summaries only the units whose
  /// keys some summary answers); null when nothing is written.
  SummaryUses *uses(ASTContext &Ctx) { return judging(Ctx) ? &Asked : nullptr; }
  /// Writes the unit's file and its uses, if a unit was judged; a failure
  /// is a warning on stderr.
  void flush();

private:
  std::string Dir;
  SummaryFact Fact;
  std::string UsesTag;
  /// The unit's main file (absolute; empty before its first function) and
  /// its records so far. A check ends no unit (AsyncCheck does): the file
  /// is written when the unit ends, the next starts or the check dies.
  std::string Unit;
  ASTContext *UnitContext = nullptr;
  std::vector<Summary> Entries;
  SummaryUses Asked;
  SummaryNames Names;
};

/// What other units' summaries say of the callees this unit only declares.
class SummaryReader {
public:
  /// Reads \p Dir (empty: nothing) and records every key asked in the
  /// uses of \p Recording (null, or not enabled: none).
  SummaryReader(std::string Dir, SummaryWriter *Recording = nullptr)
      : Dir(std::move(Dir)),
        Recording(Recording && Recording->enabled() ? Recording : nullptr) {}
  /// Whether summaries are read.
  bool enabled() const { return !Dir.empty(); }
  /// Whether lookups are made: summaries are read, or the keys asked are
  /// recorded (the driver's first pass reads nothing but records).
  bool active() const { return enabled() || Recording; }
  const std::string &directory() const { return Dir; }
  /// The summary of \p Fact of \p Callee, when this unit has no body for it
  /// (judgedBySummary) and another unit's summary states the fact. The one
  /// lookup of the checks: it records the key asked (unless \p Record is
  /// false: the lookup serves the unit's own summary, not a finding).
  const Summary *lookup(SummaryFact Fact, const FunctionDecl &Callee,
                        ASTContext &Ctx, bool Record = true);
  /// Forgets the unit's mangler (a new unit starts); the directory is read
  /// through \p Shared, the process's indexes.
  void startUnit(SummaryIndexes &Shared) {
    Names.reset();
    Indexes = &Shared;
  }

private:
  std::string Dir;
  SummaryWriter *Recording;
  SummaryIndexes *Indexes = nullptr;
  std::shared_ptr<const SummaryIndex> Index;
  SummaryNames Names;
};

/// The writer and the reader of one fact, as a check's part in summaries
/// owns them (ParameterBorrows, ParameterDrops, ...): the records of the
/// unit's own functions are written into the output directory, and the
/// lookups of the callees it only declares are read from the summary
/// directory and recorded as the unit's uses of the fact. Not copyable: the
/// reader records into the writer beside it.
class FactSummaries {
public:
  /// \p Output: the directory written (empty: none); \p Directory: the
  /// directory read (empty: none).
  /// \p UsesTag: the fact is only read (SummaryWriter).
  FactSummaries(SummaryFact Fact, std::string Output, std::string Directory,
                std::string UsesTag = "")
      : Fact(Fact), Writer(std::move(Output), Fact, std::move(UsesTag)),
        Reader(std::move(Directory), &Writer) {}
  FactSummaries(const FactSummaries &) = delete;
  FactSummaries &operator=(const FactSummaries &) = delete;
  const std::string &output() const { return Writer.directory(); }
  const std::string &directory() const { return Reader.directory(); }
  /// Whether calls are judged by summaries (read, or their keys recorded).
  bool active() const { return Reader.active(); }
  /// A unit starts: the previous one's file is written; \p Indexes are
  /// the process's summary directories.
  void startUnit(SummaryIndexes &Indexes) {
    Writer.flush();
    Reader.startUnit(Indexes);
  }
  /// The unit ends: its file is written.
  void endUnit() { Writer.flush(); }

protected:
  /// The record of this fact of \p Callee, a function this unit only
  /// declares; null when none. Records the key asked.
  const Summary *lookup(const FunctionDecl &Callee, ASTContext &Ctx) {
    const Summary *S = Reader.lookup(Fact, Callee, Ctx);
    return S && S->Fact == Fact ? S : nullptr;
  }
  /// The step of the record of \p Callee (a fact about parameters) for its
  /// parameter \p Index; null when none. Records the key asked.
  const SummaryStep *parameterLookup(const FunctionDecl &Callee, unsigned Index,
                                     ASTContext &Ctx) {
    const Summary *S = lookup(Callee, Ctx);
    return S ? parameterStep(*S, Index) : nullptr;
  }

  SummaryFact Fact;
  SummaryWriter Writer;
  SummaryReader Reader;
};

/// The notes of \p S's steps, in the other unit's files: \p Here is the
/// text of a step's note at its place (Last: the summary's last step).
/// A step whose file is gone or changed so much that the place is not in it
/// has its note at \p Fallback, with the text \p Moved gives it, where the
/// place is written out as "file:line:column".
std::vector<PlacedNote> summaryNotes(
    const Summary &S, SourceManager &SM, SourceLocation Fallback,
    llvm::function_ref<std::string(const SummaryStep &, bool Last)> Here,
    llvm::function_ref<std::string(const SummaryStep &, llvm::StringRef Where,
                                   bool Last)>
        Moved);

/// The notes of \p Step alone, one step of \p S (a record of a fact about
/// parameters: the step of the parameter a call hands something to), as
/// summaryNotes places them.
std::vector<PlacedNote> summaryStepNotes(
    const Summary &S, const SummaryStep &Step, SourceManager &SM,
    SourceLocation Fallback,
    llvm::function_ref<std::string(const SummaryStep &)> Here,
    llvm::function_ref<std::string(const SummaryStep &, llvm::StringRef Where)>
        Moved);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SUMMARYFILES_H

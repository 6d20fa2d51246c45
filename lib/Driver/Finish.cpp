//===--- Finish.cpp - async-lint ------------------------------------------===//

#include "Finish.h"
#include "Driver.h"
#include "Fixes.h"
#include "Reporting.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>

using namespace clang::tidy;

namespace async_lint {

namespace {

/// The lines --diff names: `git diff REV`, or a unified diff on stdin.
llvm::Expected<std::optional<ChangedLines>> readDiff(const CommandLine &CL) {
  if (!CL.Diff.getNumOccurrences())
    return std::nullopt;
  if (CL.Diff != "-") {
    llvm::Expected<ChangedLines> FromGit = ChangedLines::fromGit(CL.Diff);
    if (!FromGit)
      return FromGit.takeError();
    return std::move(*FromGit);
  }
  auto Buffer = llvm::MemoryBuffer::getSTDIN();
  if (!Buffer)
    return llvm::createStringError(
        "cannot read the diff from standard input: " +
        Buffer.getError().message());
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return ChangedLines::parse((*Buffer)->getBuffer(), Cwd);
}

/// Every unit's diagnostics, each once, with the units that reported it.
std::vector<Record> collectRecords(const RunResult &Result) {
  std::vector<ClangTidyError> All;
  for (const UnitResult &Unit : Result.Units)
    llvm::append_range(All, Unit.Diagnostics);
  std::vector<Record> Records = toRecords(std::move(All));
  mergeDuplicates(Records);
  return Records;
}

/// Drops the findings that are not to be reported: outside the headers
/// asked for, off the changed lines, or in the baseline (in that order: a
/// baseline entry accepts one finding that would be reported).
void keepReported(std::vector<Record> &Records, const Inputs &In,
                  Filters &Filter, llvm::StringRef Root) {
  llvm::erase_if(Records, [&](const Record &R) {
    if (!R.isFinding())
      return false;
    const Location &Where = R.Found.Where;
    if (In.HeadersRequested && !In.Requested.contains(Where.File))
      return true;
    if (Filter.Changed && !Filter.Changed->contains(Where.File, Where.Line))
      return true;
    return Filter.Accepted && Filter.Accepted->accepts(R.Found, Root);
  });
}

std::vector<Finding> findingsOf(llvm::ArrayRef<Record> Records) {
  std::vector<Finding> Findings;
  for (const Record &R : Records)
    if (R.isFinding())
      Findings.push_back(R.Found);
  return Findings;
}

std::vector<ClangTidyError> errorsOf(llvm::ArrayRef<Record> Records) {
  std::vector<ClangTidyError> Errors;
  for (const Record &R : Records)
    Errors.push_back(R.Error);
  return Errors;
}

/// --write-baseline: records the findings; success unless a unit failed.
int recordBaseline(const CommandLine &CL, llvm::ArrayRef<Finding> Findings,
                   unsigned Failed) {
  if (llvm::Error E =
          Baseline::write(CL.WriteBaseline, Findings, CL.sourceRoot()))
    return usageError("cannot write '" + CL.WriteBaseline +
                      "': " + llvm::toString(std::move(E)));
  if (!CL.Quiet)
    llvm::errs() << "recorded " << Findings.size()
                 << (Findings.size() == 1 ? " finding" : " findings") << " in '"
                 << CL.WriteBaseline << "'\n";
  return Failed ? ExitAnalysisFailed : ExitClean;
}

/// The text output: clang-tidy's own, with snippets and fix-it lines.
void printText(const Configuration &Config, const Inputs &In,
               llvm::ArrayRef<Record> Records) {
  ClangTidyContext Context(Config.provider(In.headerRegex()), false, false,
                           false);
  if (!In.Units.empty())
    Context.setCurrentFile(In.Units.front()); // its UseColor, if it says
  unsigned WarningsAsErrors = 0;
  handleErrors(errorsOf(Records), Context, FB_NoFix, WarningsAsErrors,
               llvm::vfs::getRealFileSystem());
}

/// The findings on standard output, or the report with --format; compiler
/// errors go to stderr then, having no place in a report.
int report(const CommandLine &CL, const Configuration &Config, const Inputs &In,
           llvm::ArrayRef<Record> Records) {
  if (CL.OutputFormat == Format::Text) {
    printText(Config, In, Records);
    return ExitClean;
  }
  for (const Record &R : Records)
    if (!R.isFinding() && R.Error.DiagLevel == ClangTidyError::Error)
      llvm::errs() << R.Error.Message.FilePath
                   << ": error: " << R.Error.Message.Message << "\n";
  if (llvm::Error E =
          writeReport(CL.Output, CL.OutputFormat, findingsOf(Records),
                      CL.sourceRoot(), In.Units.size()))
    return usageError(llvm::toString(std::move(E)));
  return ExitClean;
}

/// --export-fixes and --fix.
int exportAndApplyFixes(const CommandLine &CL, const Inputs &In,
                        llvm::ArrayRef<Record> Records,
                        std::chrono::system_clock::time_point Started) {
  std::vector<ClangTidyError> Errors = errorsOf(Records);
  if (CL.ExportFixes.getNumOccurrences())
    if (llvm::Error E =
            llvm::writeToOutput(CL.ExportFixes, [&](llvm::raw_ostream &OS) {
              exportReplacements(In.Units.size() == 1 ? In.Units.front() : "",
                                 Errors, OS);
              return llvm::Error::success();
            }))
      return usageError("cannot write '" + CL.ExportFixes +
                        "': " + llvm::toString(std::move(E)));
  if (!CL.Fix)
    return ExitClean;
  FixSummary Fixed = applyFixes(Errors, Started, llvm::errs());
  if (!CL.Quiet)
    llvm::errs() << "applied " << Fixed.Applied
                 << (Fixed.Applied == 1 ? " fix" : " fixes") << " in "
                 << Fixed.FilesWritten
                 << (Fixed.FilesWritten == 1 ? " file" : " files")
                 << "; skipped " << Fixed.Conflicting << " overlapping and "
                 << Fixed.FilesSkipped << " files\n";
  return ExitClean;
}

/// The closing summary on stderr: findings per check, files, failures, time.
void printSummary(llvm::ArrayRef<Finding> Findings, size_t Files,
                  unsigned Failed, double Seconds) {
  std::map<std::string, unsigned> PerCheck;
  for (const Finding &F : Findings)
    ++PerCheck[F.Check];
  llvm::errs() << Findings.size()
               << (Findings.size() == 1 ? " finding" : " findings");
  if (!PerCheck.empty()) {
    llvm::errs() << " (";
    bool First = true;
    for (const auto &[Check, Count] : PerCheck) {
      llvm::errs() << (First ? "" : ", ") << Check << ": " << Count;
      First = false;
    }
    llvm::errs() << ")";
  }
  llvm::errs() << " in " << Files << (Files == 1 ? " file" : " files");
  if (Failed)
    llvm::errs() << "; " << Failed << (Failed == 1 ? " file" : " files")
                 << " could not be analysed";
  llvm::errs() << llvm::formatv(" ({0:f1}s)", Seconds) << "\n";
}

} // namespace

llvm::Expected<Filters> loadFilters(const CommandLine &CL) {
  Filters Filter;
  if (CL.BaselineFile.getNumOccurrences()) {
    llvm::Expected<Baseline> Accepted = Baseline::read(CL.BaselineFile);
    if (!Accepted)
      return Accepted.takeError();
    Filter.Accepted = std::move(*Accepted);
  }
  llvm::Expected<std::optional<ChangedLines>> Changed = readDiff(CL);
  if (!Changed)
    return Changed.takeError();
  Filter.Changed = std::move(*Changed);
  return std::move(Filter);
}

int finish(const CommandLine &CL, const Configuration &Config, const Inputs &In,
           Filters &Filter, const RunResult &Result) {
  std::vector<Record> Records = collectRecords(Result);
  keepReported(Records, In, Filter, CL.sourceRoot());
  std::vector<Finding> Findings = findingsOf(Records);
  unsigned Failed = llvm::count_if(
      Result.Units, [](const UnitResult &Unit) { return Unit.Failed; });
  if (CL.WriteBaseline.getNumOccurrences())
    return recordBaseline(CL, Findings, Failed);
  if (int Status = report(CL, Config, In, Records))
    return Status;
  if (int Status = exportAndApplyFixes(CL, In, Records, Result.Started))
    return Status;
  if (!CL.Quiet)
    printSummary(Findings, Result.Units.size(), Failed, Result.Seconds);
  if (Failed && !CL.IgnoreAnalysisErrors)
    return ExitAnalysisFailed;
  return Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace async_lint

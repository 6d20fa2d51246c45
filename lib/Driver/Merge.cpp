//===--- Merge.cpp - async-lint -------------------------------------------===//

#include "Merge.h"
#include "Driver.h"
#include "Reporting.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

namespace async_lint {

namespace {

struct MergeRequest {
  Format Out = Format::Json;
  std::string OutputPath;
  std::vector<std::string> Reports;
};

llvm::Expected<MergeRequest> parseMerge(llvm::ArrayRef<const char *> Args) {
  MergeRequest Request;
  for (llvm::StringRef Arg : Args) {
    if (Arg.consume_front("--format=")) {
      if (Arg != "json" && Arg != "sarif")
        return llvm::createStringError(
            "merge writes --format=json or sarif, not '" + Arg + "'");
      Request.Out = Arg == "json" ? Format::Json : Format::Sarif;
    } else if (Arg.consume_front("--output=")) {
      Request.OutputPath = Arg.str();
    } else if (Arg.starts_with("-")) {
      return llvm::createStringError(
          "unknown merge option '" + Arg +
          "' (async-lint merge [--format=json|sarif] [--output=FILE] "
          "REPORT...)");
    } else {
      Request.Reports.push_back(Arg.str());
    }
  }
  if (Request.Reports.empty())
    return llvm::createStringError("merge needs the reports to merge");
  return Request;
}

/// Adds the findings of the JSON or SARIF report \p Path.
llvm::Error readReport(llvm::StringRef Path, std::vector<Finding> &Findings,
                       unsigned &FilesAnalysed) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError("cannot read '" + Path +
                                   "': " + Buffer.getError().message());
  llvm::StringRef Text = (*Buffer)->getBuffer();
  unsigned Files = 0;
  bool Read = Text.contains("\"runs\"") ? readSarifFindings(Text, Findings)
                                        : readFindings(Text, Findings, Files);
  if (!Read)
    return llvm::createStringError(
        "'" + Path + "' is not an async-lint JSON or SARIF report");
  FilesAnalysed += Files;
  return llvm::Error::success();
}

} // namespace

int runMerge(llvm::ArrayRef<const char *> Args) {
  llvm::Expected<MergeRequest> Request = parseMerge(Args);
  if (!Request)
    return usageError(llvm::toString(Request.takeError()));
  std::vector<Finding> Findings;
  unsigned FilesAnalysed = 0;
  for (const std::string &Report : Request->Reports)
    if (llvm::Error E = readReport(Report, Findings, FilesAnalysed))
      return usageError(llvm::toString(std::move(E)));
  mergeDuplicates(Findings);
  // Paths in the reports are relative to the shards' source roots already.
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  if (llvm::Error E = writeReport(Request->OutputPath, Request->Out, Findings,
                                  Cwd, FilesAnalysed))
    return usageError(llvm::toString(std::move(E)));
  return ExitClean;
}

} // namespace async_lint

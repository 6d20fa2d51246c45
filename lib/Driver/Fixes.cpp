//===--- Fixes.cpp - async-lint -------------------------------------------===//

#include "Fixes.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace async_lint {

namespace {

bool overlaps(const Replacement &A, const Replacement &B) {
  unsigned AEnd = A.getOffset() + A.getLength();
  unsigned BEnd = B.getOffset() + B.getLength();
  if (A.getOffset() == B.getOffset())
    return true; // two edits at one place: their order would be a guess
  return A.getOffset() < BEnd && B.getOffset() < AEnd;
}

/// Per file, the edits of the fixes taken: a finding's edits are taken
/// together or not at all, and not when one overlaps an edit taken before.
llvm::StringMap<std::vector<Replacement>>
takeFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
          FixSummary &Summary, llvm::raw_ostream &Log) {
  llvm::StringMap<std::vector<Replacement>> Taken;
  for (const clang::tidy::ClangTidyError &E : Errors) {
    if (E.Message.Fix.empty())
      continue;
    bool Conflict = false;
    for (const auto &[File, Edits] : E.Message.Fix)
      for (const Replacement &R : Edits)
        for (const Replacement &Other : Taken.lookup(File))
          Conflict |= overlaps(R, Other);
    if (Conflict) {
      ++Summary.Conflicting;
      Log << "async-lint: note: skipped the fix of [" << E.DiagnosticName
          << "] at " << E.Message.FilePath << " (offset "
          << E.Message.FileOffset << "): it overlaps another fix\n";
      continue;
    }
    for (const auto &[File, Edits] : E.Message.Fix)
      for (const Replacement &R : Edits)
        Taken[File].push_back(R);
    ++Summary.Applied;
  }
  return Taken;
}

/// \p File with \p Edits applied; fails when it changed after the analysis
/// started, cannot be read, or the edits do not apply.
llvm::Expected<std::string>
fixedText(llvm::StringRef File, llvm::ArrayRef<Replacement> Edits,
          std::chrono::system_clock::time_point AnalysisStart) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(File, Status) ||
      Status.getLastModificationTime() > AnalysisStart)
    return llvm::createStringError("it changed after it was analysed");
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError().message());
  Replacements All;
  for (const Replacement &R : Edits)
    if (llvm::Error Err = All.add(R)) {
      llvm::consumeError(std::move(Err));
      return llvm::createStringError("conflicting edits");
    }
  return clang::tooling::applyAllReplacements((*Buffer)->getBuffer(), All);
}

/// A temporary file renamed over the original: never half written.
llvm::Error writeWhole(llvm::StringRef File, llvm::StringRef Text) {
  return llvm::writeToOutput(File, [&](llvm::raw_ostream &OS) {
    OS << Text;
    return llvm::Error::success();
  });
}

} // namespace

FixSummary applyFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                      std::chrono::system_clock::time_point AnalysisStart,
                      llvm::raw_ostream &Log) {
  FixSummary Summary;
  for (const auto &Entry : takeFixes(Errors, Summary, Log)) {
    llvm::StringRef File = Entry.first();
    llvm::Expected<std::string> Fixed =
        fixedText(File, Entry.second, AnalysisStart);
    llvm::Error Err = Fixed ? writeWhole(File, *Fixed) : Fixed.takeError();
    if (Err) {
      ++Summary.FilesSkipped;
      Log << "async-lint: warning: not fixing '" << File
          << "': " << llvm::toString(std::move(Err)) << "\n";
      continue;
    }
    ++Summary.FilesWritten;
  }
  return Summary;
}

} // namespace async_lint

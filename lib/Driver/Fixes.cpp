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

} // namespace

FixSummary applyFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                      std::chrono::system_clock::time_point AnalysisStart,
                      llvm::raw_ostream &Log) {
  FixSummary Summary;
  // Per file, the edits taken so far; a finding's edits are taken together
  // or not at all.
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

  for (const auto &Entry : Taken) {
    llvm::StringRef File = Entry.first();
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(File, Status) ||
        Status.getLastModificationTime() > AnalysisStart) {
      ++Summary.FilesSkipped;
      Log << "async-lint: warning: not fixing '" << File
          << "': it changed after it was analysed\n";
      continue;
    }
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      ++Summary.FilesSkipped;
      Log << "async-lint: warning: not fixing '" << File
          << "': " << Buffer.getError().message() << "\n";
      continue;
    }
    Replacements All;
    bool Usable = true;
    for (const Replacement &R : Entry.second)
      if (llvm::Error Err = All.add(R)) {
        llvm::consumeError(std::move(Err));
        Usable = false;
      }
    llvm::Expected<std::string> Fixed =
        Usable
            ? clang::tooling::applyAllReplacements((*Buffer)->getBuffer(), All)
            : llvm::Expected<std::string>(
                  llvm::createStringError("conflicting edits"));
    if (!Fixed) {
      ++Summary.FilesSkipped;
      Log << "async-lint: warning: not fixing '" << File
          << "': " << llvm::toString(Fixed.takeError()) << "\n";
      continue;
    }
    // A temporary file renamed over the original: never half written.
    if (llvm::Error Err = llvm::writeToOutput(File, [&](llvm::raw_ostream &OS) {
          OS << *Fixed;
          return llvm::Error::success();
        })) {
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

//===--- Findings.cpp - async-lint ----------------------------------------===//

#include "Findings.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using clang::tidy::ClangTidyError;

namespace async_lint {

namespace {

/// Turns file offsets into lines and columns, reading each file once.
class LineTable {
public:
  Location locate(llvm::StringRef File, unsigned Offset) {
    Location L{File.str(), 0, 0};
    const llvm::MemoryBuffer *Buffer = buffer(File);
    if (!Buffer || Offset > Buffer->getBufferSize())
      return L;
    llvm::StringRef Before = Buffer->getBuffer().take_front(Offset);
    L.Line = Before.count('\n') + 1;
    size_t LineStart = Before.rfind('\n');
    L.Column =
        Offset - (LineStart == llvm::StringRef::npos ? 0 : LineStart + 1) + 1;
    return L;
  }

  /// The text of line \p Line of \p File, without surrounding blanks.
  llvm::StringRef lineText(llvm::StringRef File, unsigned Line) {
    const llvm::MemoryBuffer *Buffer = buffer(File);
    if (!Buffer || Line == 0)
      return {};
    llvm::StringRef Rest = Buffer->getBuffer();
    for (unsigned I = 1; I < Line && !Rest.empty(); ++I)
      Rest = Rest.split('\n').second;
    return Rest.split('\n').first.trim();
  }

private:
  const llvm::MemoryBuffer *buffer(llvm::StringRef File) {
    auto It = Buffers.find(File);
    if (It == Buffers.end()) {
      auto Read = llvm::MemoryBuffer::getFile(File);
      It = Buffers.try_emplace(File, Read ? std::move(*Read) : nullptr).first;
    }
    return It->second.get();
  }
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

/// Clang may name a file relative to the compile command's directory.
std::string absolutePath(llvm::StringRef BuildDirectory, llvm::StringRef File) {
  llvm::SmallString<256> Path(File);
  if (llvm::sys::path::is_relative(Path) && !BuildDirectory.empty()) {
    llvm::SmallString<256> Absolute(BuildDirectory);
    llvm::sys::path::append(Absolute, Path);
    Path = Absolute;
  }
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

std::string fingerprint(const Finding &F, llvm::StringRef RelativeFile,
                        llvm::StringRef LineText) {
  std::string Key = F.Check + '\0' + RelativeFile.str() + '\0' + LineText.str();
  return llvm::utohexstr(llvm::xxh3_64bits(Key), /*LowerCase=*/true, 16);
}

Finding toFinding(const ClangTidyError &E, LineTable &Lines) {
  Finding F;
  F.Check = E.DiagnosticName;
  F.Level = E.DiagLevel == ClangTidyError::Error ? "error" : "warning";
  F.Where = Lines.locate(absolutePath(E.BuildDirectory, E.Message.FilePath),
                         E.Message.FileOffset);
  F.Message = E.Message.Message;
  for (const clang::tooling::DiagnosticMessage &N : E.Notes)
    F.Notes.push_back(
        {Lines.locate(absolutePath(E.BuildDirectory, N.FilePath), N.FileOffset),
         N.Message});
  F.Fingerprint = fingerprint(F, llvm::sys::path::filename(F.Where.File),
                              Lines.lineText(F.Where.File, F.Where.Line));
  return F;
}

/// What makes two findings one: the check, file, line, column and message.
std::string identity(const Finding &F) {
  return (F.Check + "\n" + F.Where.File + "\n" + llvm::Twine(F.Where.Line) +
          ":" + llvm::Twine(F.Where.Column) + "\n" + F.Message)
      .str();
}

template <typename T, typename FindingOf>
void mergeDuplicatesOf(std::vector<T> &Items, FindingOf Get) {
  llvm::StringMap<size_t> Kept; // identity -> index in Items
  size_t Next = 0;
  for (T &Item : Items) {
    auto [It, New] = Kept.try_emplace(identity(Get(Item)), Next);
    if (!New) {
      Get(Items[It->second]).Units += Get(Item).Units;
      continue;
    }
    if (&Items[Next] != &Item)
      Items[Next] = std::move(Item);
    ++Next;
  }
  Items.erase(Items.begin() + Next, Items.end());
}

} // namespace

bool Record::isFinding() const { return !isCompilerDiagnostic(Error); }

bool isCompilerDiagnostic(const ClangTidyError &E) {
  return llvm::StringRef(E.DiagnosticName).starts_with("clang-diagnostic-");
}

std::string relativePath(llvm::StringRef File, llvm::StringRef Root) {
  llvm::SmallString<256> Path(File);
  if (!Root.empty() && Path.starts_with(Root)) {
    llvm::StringRef Rest = llvm::StringRef(Path).drop_front(Root.size());
    if (Rest.consume_front("/") || Root.ends_with("/"))
      return llvm::sys::path::convert_to_slash(Rest);
  }
  return llvm::sys::path::convert_to_slash(Path);
}

std::vector<Record> toRecords(std::vector<ClangTidyError> Errors) {
  LineTable Lines;
  std::vector<Record> Records;
  Records.reserve(Errors.size());
  for (ClangTidyError &E : Errors) {
    Finding F = toFinding(E, Lines);
    Records.push_back({std::move(E), std::move(F)});
  }
  return Records;
}

void mergeDuplicates(std::vector<Finding> &Findings) {
  mergeDuplicatesOf(Findings, [](Finding &F) -> Finding & { return F; });
}

void mergeDuplicates(std::vector<Record> &Records) {
  mergeDuplicatesOf(Records, [](Record &R) -> Finding & { return R.Found; });
}

} // namespace async_lint

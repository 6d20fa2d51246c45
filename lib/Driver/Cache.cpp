//===--- Cache.cpp - async-lint -------------------------------------------===//

#include "Cache.h"
#include "AsyncLint.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/xxhash.h"

namespace async_lint {

namespace {

std::string hex(uint64_t Hash) { return llvm::utohexstr(Hash, true, 16); }

/// The JSON in \p Path; empty when it cannot be read or parsed.
std::optional<llvm::json::Value> readJson(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  return std::move(*Parsed);
}

/// Writes \p Value to \p Path whole: a failed write leaves nothing behind,
/// never half of it.
void writeJson(llvm::StringRef Path, llvm::json::Value Value) {
  llvm::consumeError(llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Value;
    return llvm::Error::success();
  }));
}

std::optional<std::string> contentHash(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  return hex(llvm::xxh3_64bits((*Buffer)->getBuffer()));
}

/// Marks an entry used now: kept by the next prune.
void touch(llvm::StringRef Path) {
  int FD = -1;
  if (llvm::sys::fs::openFileForWrite(Path, FD, llvm::sys::fs::CD_OpenExisting,
                                      llvm::sys::fs::OF_Append))
    return;
  llvm::sys::fs::setLastAccessAndModificationTime(
      FD, llvm::sys::toTimePoint(std::time(nullptr)));
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);
}

} // namespace

std::string ResultCache::defaultDirectory() {
  llvm::SmallString<256> Path;
  if (std::optional<std::string> Xdg =
          llvm::sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && !Xdg->empty())
    Path = *Xdg;
  else if (std::optional<std::string> Home = llvm::sys::Process::GetEnv("HOME");
           Home && !Home->empty())
    llvm::sys::path::append(Path, *Home, ".cache");
  else
    return {};
  llvm::sys::path::append(Path, "async-lint");
  return std::string(Path);
}

std::string ResultCache::unitKey(llvm::StringRef File,
                                 llvm::ArrayRef<std::string> Args,
                                 llvm::StringRef Context) {
  std::string Text = ("async-lint " + version() + " llvm " +
                      LLVM_VERSION_STRING + "\n" + File + "\n")
                         .str();
  for (const std::string &A : Args)
    Text += A + "\n";
  Text += Context;
  return hex(llvm::xxh3_64bits(Text));
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key + ".json");
  return std::string(Path);
}

std::optional<std::string> ResultCache::lookup(llvm::StringRef Key) {
  std::string Path = entryPath(Key);
  // Corrupt: ignored, and overwritten by this run.
  std::optional<llvm::json::Value> Parsed = readJson(Path);
  const llvm::json::Object *O = Parsed ? Parsed->getAsObject() : nullptr;
  const llvm::json::Array *Deps = O ? O->getArray("dependencies") : nullptr;
  std::optional<llvm::StringRef> Result =
      O ? O->getString("result") : std::nullopt;
  if (!Deps || Deps->empty() || !Result)
    return std::nullopt;
  for (const llvm::json::Value &V : *Deps) {
    const llvm::json::Object *D = V.getAsObject();
    std::optional<llvm::StringRef> DepPath =
        D ? D->getString("path") : std::nullopt;
    std::optional<llvm::StringRef> Hash =
        D ? D->getString("hash") : std::nullopt;
    if (!DepPath || !Hash || contentHash(*DepPath) != Hash->str())
      return std::nullopt;
  }
  touch(Path);
  return Result->str();
}

void ResultCache::store(llvm::StringRef Key, llvm::StringRef Result,
                        llvm::ArrayRef<std::string> Dependencies) {
  if (Dependencies.empty() || llvm::sys::fs::create_directories(Dir))
    return;
  llvm::json::Array Deps;
  for (const std::string &Dep : Dependencies) {
    std::optional<std::string> Hash = contentHash(Dep);
    if (!Hash)
      return; // a file that cannot be read now cannot be checked later
    Deps.push_back(llvm::json::Object{{"path", Dep}, {"hash", *Hash}});
  }
  writeJson(entryPath(Key),
            llvm::json::Object{{"result", Result},
                               {"dependencies", std::move(Deps)}});
}

std::string ResultCache::costPath(llvm::StringRef File) const {
  return entryPath("cost-" + hex(llvm::xxh3_64bits(File)));
}

std::optional<double> ResultCache::cost(llvm::StringRef File) const {
  std::optional<llvm::json::Value> Parsed = readJson(costPath(File));
  const llvm::json::Object *O = Parsed ? Parsed->getAsObject() : nullptr;
  std::optional<double> Seconds = O ? O->getNumber("seconds") : std::nullopt;
  if (!Seconds || *Seconds < 0)
    return std::nullopt;
  return Seconds;
}

void ResultCache::recordCost(llvm::StringRef File, double Seconds) {
  if (!enabled() || llvm::sys::fs::create_directories(Dir))
    return;
  writeJson(costPath(File),
            llvm::json::Object{{"file", File}, {"seconds", Seconds}});
}

void ResultCache::prune(std::chrono::hours MaxAge) {
  std::error_code EC;
  auto Now = std::chrono::system_clock::now();
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    if (!llvm::StringRef(It->path()).ends_with(".json"))
      continue;
    llvm::sys::fs::file_status Status;
    if (!llvm::sys::fs::status(It->path(), Status) &&
        Now - Status.getLastModificationTime() > MaxAge)
      llvm::sys::fs::remove(It->path());
  }
}

} // namespace async_lint

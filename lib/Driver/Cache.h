//===--- Cache.h - async-lint -----------------------------------*- C++ -*-===//
//
// The result cache: a unit whose compile command, configuration, tool
// version and every file it read are unchanged replays its stored output
// instead of being parsed again. Entries are written whole (temporary file,
// then rename); one that cannot be read is ignored, never trusted.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_CACHE_H
#define ASYNC_LINT_DRIVER_CACHE_H

#include "llvm/ADT/ArrayRef.h"
#include <chrono>
#include <optional>
#include <string>

namespace async_lint {

class ResultCache {
public:
  /// A cache in \p Dir; an empty \p Dir disables it.
  explicit ResultCache(std::string Dir) : Dir(std::move(Dir)) {}
  bool enabled() const { return !Dir.empty(); }

  /// The default directory: $XDG_CACHE_HOME/async-lint or
  /// ~/.cache/async-lint.
  static std::string defaultDirectory();

  /// The key of a unit before its dependencies are known: the tool, the
  /// file, the arguments of its analysis and \p Context (its compile
  /// command and configuration files).
  static std::string unitKey(llvm::StringRef File,
                             llvm::ArrayRef<std::string> Args,
                             llvm::StringRef Context);

  /// The stored result, if every file the unit read is unchanged.
  std::optional<std::string> lookup(llvm::StringRef Key);

  /// Stores a unit's result (its JSON) with the files it read; nothing
  /// when one of them cannot be read.
  void store(llvm::StringRef Key, llvm::StringRef Result,
             llvm::ArrayRef<std::string> Dependencies);

  /// How long the last analysis of \p File took, in seconds, if recorded
  /// (whatever its result: it orders the next run's units).
  std::optional<double> cost(llvm::StringRef File) const;
  /// Records how long analysing \p File took.
  void recordCost(llvm::StringRef File, double Seconds);

  /// Removes entries unused for longer than \p MaxAge.
  void prune(std::chrono::hours MaxAge);

private:
  std::string entryPath(llvm::StringRef Key) const;
  std::string costPath(llvm::StringRef File) const;
  std::string Dir;
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_CACHE_H

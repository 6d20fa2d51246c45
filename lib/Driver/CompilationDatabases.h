//===--- CompilationDatabases.h - async-lint --------------------*- C++ -*-===//
//
// Where each input file's compile command comes from: `-p <dir>`, compiler
// arguments after `--`, or the compile_commands.json found by walking up from
// the file. Problems are found before anything is analysed, so that a bad
// database is a usage error (exit 2), not a half-finished run.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_COMPILATIONDATABASES_H
#define ASYNC_LINT_DRIVER_COMPILATIONDATABASES_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace async_lint {

struct DatabaseSettings {
  /// `-p`: a build directory or a compile_commands.json; empty to discover.
  std::string BuildPath;
  /// Compiler arguments after `--`; set when `--` was given.
  std::optional<std::vector<std::string>> FixedArgs;
  /// Inserted as -resource-dir when a command names none.
  std::string ResourceDir;
};

/// Dispatches each file to the database that describes it.
class PerFileCompilations : public clang::tooling::CompilationDatabase {
public:
  explicit PerFileCompilations(DatabaseSettings Settings)
      : Settings(std::move(Settings)) {}

  /// Finds and loads the database of \p File (absolute). Fails with a
  /// one-line message when the database is unreadable or malformed, or has
  /// no command for the file. Without any database the file is analysed
  /// with default flags and \p Warning says so.
  llvm::Error addFile(llvm::StringRef File, std::string &Warning);

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override;

  /// The translation units of the database that describes \p Dir (-p, the
  /// nearest one above it, or <Dir>/build) whose files are below \p Dir.
  llvm::Expected<std::vector<std::string>> unitsUnder(llvm::StringRef Dir);

  /// A unit of the database describing \p Header that includes it (by
  /// name, found in the unit's text); empty when there is none.
  std::string unitIncluding(llvm::StringRef Header);

private:
  /// The compile_commands.json for \p Path (a file or a directory).
  std::string databaseFor(llvm::StringRef Path, bool IsDirectory);

  llvm::Expected<clang::tooling::CompilationDatabase *>
  loadDatabase(llvm::StringRef JsonPath);

  DatabaseSettings Settings;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed;
  llvm::StringMap<std::unique_ptr<clang::tooling::CompilationDatabase>> Loaded;
  llvm::StringMap<clang::tooling::CompilationDatabase *> ByFile;
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_COMPILATIONDATABASES_H

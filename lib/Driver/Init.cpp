//===--- Init.cpp - async-lint --------------------------------------------===//

#include "Init.h"
#include "Driver.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <string>
#include <unistd.h>
#include <vector>

namespace async_lint {

namespace {

struct InitRequest {
  std::string Project = ".";
  std::string BuildDir = "build";
};

/// One file init writes: its path in the project, its text, and what to add
/// to the project's own file when one is there already.
struct Template {
  std::string Path;
  std::string Text;
  std::string WhenKept;
};

llvm::Expected<InitRequest> parseInit(llvm::ArrayRef<const char *> Args) {
  InitRequest Request;
  bool HaveProject = false;
  for (llvm::StringRef Arg : Args) {
    if (Arg.consume_front("--build-dir=")) {
      // The name goes into YAML and shell lines unquoted.
      if (Arg.empty() || Arg.find_first_not_of(
                             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW"
                             "XYZ0123456789._/-") != llvm::StringRef::npos)
        return llvm::createStringError(
            "--build-dir takes a relative path of letters, digits, '.', "
            "'_', '-' and '/', not '" +
            Arg + "'");
      Request.BuildDir = Arg.str();
    } else if (Arg.starts_with("-") || HaveProject) {
      return llvm::createStringError(
          "unexpected '" + Arg +
          "' (async-lint init [--build-dir=DIR] [PROJECT])");
    } else {
      Request.Project = Arg.str();
      HaveProject = true;
    }
  }
  if (!llvm::sys::fs::is_directory(Request.Project))
    return llvm::createStringError("no such project directory '" +
                                   Request.Project + "'");
  return Request;
}

/// A GitHub Actions workflow: Debian 12 (which has LLVM 22), async-lint from
/// the .deb the repository variable ASYNC_LINT_DEB_URL points to, findings
/// uploaded as code-scanning alerts.
std::string workflow(llvm::StringRef Build) {
  return llvm::formatv(
      "# async-lint in CI, findings as code-scanning alerts (async-lint "
      "init). It runs\n"
      "# in Debian 12, which has LLVM 22, and installs async-lint from the "
      ".deb that\n"
      "# the repository variable ASYNC_LINT_DEB_URL points to (Settings, "
      "Secrets and\n"
      "# variables, Actions, Variables). Adapt the configure step to the "
      "project.\n"
      "name: async-lint\n"
      "on: [push, pull_request]\n"
      "jobs:\n"
      "  async-lint:\n"
      "    runs-on: ubuntu-latest\n"
      "    container: debian:bookworm\n"
      "    permissions:\n"
      "      contents: read\n"
      "      security-events: write\n"
      "    steps:\n"
      "      - name: Install async-lint\n"
      "        run: |\n"
      "          apt-get update -qq\n"
      "          apt-get install -y -qq --no-install-recommends "
      "ca-certificates curl git cmake ninja-build clang-22\n"
      "          curl -fsSL -o /tmp/async-lint.deb \"${{{{ "
      "vars.ASYNC_LINT_DEB_URL }}\"\n"
      "          apt-get install -y -qq /tmp/async-lint.deb\n"
      "      - uses: actions/checkout@v4\n"
      "      - name: Configure (writes compile_commands.json)\n"
      "        run: cmake -S . -B {0} -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 "
      "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON\n"
      "      - name: async-lint\n"
      "        run: async-lint -p {0} --format=sarif "
      "--output=async-lint.sarif . || [ $? -eq 1 ]\n"
      "      - uses: github/codeql-action/upload-sarif@v3\n"
      "        with:\n"
      "          sarif_file: async-lint.sarif\n"
      "          category: async-lint\n",
      Build);
}

std::vector<Template> templates(llvm::StringRef Build) {
  std::vector<Template> Files;
  Files.push_back(
      {".clang-tidy",
       "# async-lint: the pitfalls of C++20 coroutines (async-lint init).\n"
       "# `async-lint --list-checks` lists the checks, `async-lint "
       "--explain=<check>`\n"
       "# explains one; `async-lint --dump-config` shows every option.\n"
       "Checks: '-*,async-*'\n"
       "WarningsAsErrors: ''\n",
       "to run the checks in clang-tidy too, add async-* to its Checks"});
  Files.push_back(
      {".clangd",
       llvm::formatv(
           "# The async-* findings in the editor (async-lint init). Stock "
           "clangd cannot\n"
           "# load plugins: set the editor's clangd to async-lint-clangd. "
           "clangd 22 runs\n"
           "# only the checks on its list of fast checks unless "
           "FastCheckFilter is Loose.\n"
           "CompileFlags:\n"
           "  CompilationDatabase: {0}\n"
           "Diagnostics:\n"
           "  ClangTidy:\n"
           "    Add: [async-*]\n"
           "    FastCheckFilter: Loose\n",
           Build),
       "add under Diagnostics: ClangTidy: `Add: [async-*]` and "
       "`FastCheckFilter: Loose`"});
  Files.push_back(
      {".pre-commit-config.yaml",
       llvm::formatv("# async-lint on the staged C++ files (async-lint init): "
                     "the async-lint on\n"
                     "# PATH, with the compile database in {0}/.\n"
                     "repos:\n"
                     "  - repo: local\n"
                     "    hooks:\n"
                     "      - id: async-lint\n"
                     "        name: async-lint\n"
                     "        entry: async-lint -p {0}\n"
                     "        language: system\n"
                     "        types_or: [c++]\n",
                     Build),
       llvm::formatv("add to its repos: a `repo: local` hook with `entry: "
                     "async-lint -p {0}`, `language: system`, "
                     "`types_or: [c++]`",
                     Build)});
  Files.push_back(
      {".github/workflows/async-lint.yml", workflow(Build),
       "docs/integrations.md shows the steps to add to a workflow"});
  return Files;
}

/// What became of one file.
enum class Outcome { Written, Kept, Failed };

/// Writes \p Text to \p Path whole, only if \p Path does not exist: a
/// temporary file in the same directory, hard-linked to \p Path (which fails
/// if anything is there by then) and removed.
Outcome writeNew(llvm::StringRef Path, llvm::StringRef Text,
                 std::string &Error) {
  if (llvm::sys::fs::exists(Path))
    return Outcome::Kept;
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  if (Dir.empty())
    Dir = ".";
  if (std::error_code EC = llvm::sys::fs::create_directories(
          Dir, /*IgnoreExisting=*/true, llvm::sys::fs::perms::all_all)) {
    Error = "cannot create '" + Dir.str() + "': " + EC.message();
    return Outcome::Failed;
  }
  int FD;
  llvm::SmallString<256> Temp;
  llvm::SmallString<256> Model(Dir);
  llvm::sys::path::append(Model, ".async-lint-init-%%%%%%");
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp)) {
    Error = "cannot write in '" + Dir.str() + "': " + EC.message();
    return Outcome::Failed;
  }
  bool Complete;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    Complete = !OS.has_error();
    if (!Complete)
      Error =
          "cannot write '" + Temp.str().str() + "': " + OS.error().message();
    OS.clear_error();
  }
  int Linked = Complete ? ::link(Temp.c_str(), Path.str().c_str()) : -1;
  int LinkErrno = errno;
  llvm::sys::fs::remove(Temp);
  if (Linked == 0)
    return Outcome::Written;
  if (Complete && LinkErrno == EEXIST)
    return Outcome::Kept;
  if (Complete)
    Error = "cannot create '" + Path.str() + "': " +
            std::error_code(LinkErrno, std::generic_category()).message();
  return Outcome::Failed;
}

} // namespace

int runInit(llvm::ArrayRef<const char *> Args) {
  llvm::Expected<InitRequest> Request = parseInit(Args);
  if (!Request)
    return usageError(llvm::toString(Request.takeError()));
  bool Failed = false;
  for (const Template &File : templates(Request->BuildDir)) {
    llvm::SmallString<256> Path(Request->Project);
    llvm::sys::path::append(Path, File.Path);
    llvm::sys::path::remove_dots(Path);
    std::string Error;
    switch (writeNew(Path, File.Text, Error)) {
    case Outcome::Written:
      llvm::outs() << "wrote " << Path << "\n";
      break;
    case Outcome::Kept:
      llvm::outs() << "kept " << Path << " (it exists); " << File.WhenKept
                   << "\n";
      break;
    case Outcome::Failed:
      usageError(Error);
      Failed = true;
      break;
    }
  }
  return Failed ? ExitUsage : ExitClean;
}

} // namespace async_lint

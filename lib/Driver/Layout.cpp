//===--- Layout.cpp - async-lint ------------------------------------------===//

#include "Layout.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace async_lint {

namespace {

llvm::StringRef fileName(Plugin Which) {
  return Which == Plugin::ClangTidy ? ASYNC_LINT_PLUGIN_FILE
                                    : ASYNC_LINT_COMPILER_PLUGIN_FILE;
}

llvm::StringRef description(Plugin Which) {
  return Which == Plugin::ClangTidy ? "clang-tidy plugin" : "compiler plugin";
}

/// The directory of the running executable, symbolic links resolved (a
/// /usr/local/bin/async-lint link finds the files of the tree it points in).
std::string executableDirectory(const char *Argv0) {
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  llvm::SmallString<256> Real;
  if (!Exe.empty() && !llvm::sys::fs::real_path(Exe, Real))
    Exe = std::string(Real);
  return std::string(llvm::sys::path::parent_path(Exe));
}

} // namespace

llvm::Expected<std::string> pluginPath(const char *Argv0, Plugin Which) {
  std::string Bin = executableDirectory(Argv0);
  llvm::SmallString<256> Installed(Bin), BuildTree(Bin);
  llvm::sys::path::append(Installed, "..", ASYNC_LINT_PLUGIN_INSTALL_DIR,
                          fileName(Which));
  llvm::sys::path::append(BuildTree, "..", "lib", fileName(Which));
  for (llvm::SmallString<256> *Candidate : {&Installed, &BuildTree}) {
    llvm::sys::path::remove_dots(*Candidate, /*remove_dot_dot=*/true);
    if (llvm::sys::fs::is_regular_file(*Candidate))
      return std::string(*Candidate);
  }
  return llvm::createStringError("no " + description(Which) +
                                 " beside this async-lint (looked for " +
                                 Installed + " and " + BuildTree + ")");
}

} // namespace async_lint

//===--- Paths.cpp - async-lint -------------------------------------------===//

#include "Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace async_lint {

void forEachAncestor(llvm::StringRef File,
                     llvm::function_ref<bool(llvm::StringRef Dir)> Visit) {
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(File));
  while (!Dir.empty() && Visit(Dir)) {
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      return;
    Dir.truncate(Parent.size()); // the parent is a prefix
  }
}

bool isHeader(llvm::StringRef File) {
  return llvm::is_contained(
      {".h", ".hh", ".hpp", ".hxx", ".h++", ".inl", ".ipp", ".tcc"},
      llvm::sys::path::extension(File));
}

bool isSource(llvm::StringRef File) {
  return llvm::is_contained({".c", ".cc", ".cpp", ".cxx", ".c++", ".C"},
                            llvm::sys::path::extension(File));
}

} // namespace async_lint

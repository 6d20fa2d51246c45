//===--- Paths.h - async-lint -----------------------------------*- C++ -*-===//
//
// Paths that more than one stage looks at: the walk up from a file through
// its ancestor directories (for .clang-tidy files, the cache's view of them,
// and compile_commands.json), and which files are headers or sources.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_PATHS_H
#define ASYNC_LINT_DRIVER_PATHS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

namespace async_lint {

/// Calls \p Visit with each directory above \p File, nearest first and the
/// root last, until \p Visit returns false.
void forEachAncestor(llvm::StringRef File,
                     llvm::function_ref<bool(llvm::StringRef Dir)> Visit);

/// True for C and C++ headers (.h, .hpp, .inl, ...), by extension.
bool isHeader(llvm::StringRef File);

/// True for C and C++ sources (.c, .cpp, .cc, ...), by extension.
bool isSource(llvm::StringRef File);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_PATHS_H

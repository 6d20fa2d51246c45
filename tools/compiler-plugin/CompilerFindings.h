//===--- CompilerFindings.h - async-lint ------------------------*- C++ -*-===//
//
// Hands clang-tidy's findings to the compiler's diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_COMPILER_PLUGIN_COMPILERFINDINGS_H
#define ASYNC_LINT_COMPILER_PLUGIN_COMPILERFINDINGS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <vector>

namespace async_lint {

/// Reports each finding, with its notes, ranges and fix-its, to \p Diags as
/// clang-tidy prints it: `warning: <message> [<check>]`, or an error
/// `[<check>,-warnings-as-errors]` for the checks in WarningsAsErrors, which
/// fails the compile. -w drops the warnings; -Werror makes them errors only
/// with \p FollowWerror (werror=follow).
void reportFindings(const std::vector<clang::tidy::ClangTidyError> &Findings,
                    clang::DiagnosticsEngine &Diags,
                    clang::SourceManager &Sources, bool FollowWerror);

} // namespace async_lint

#endif // ASYNC_LINT_COMPILER_PLUGIN_COMPILERFINDINGS_H

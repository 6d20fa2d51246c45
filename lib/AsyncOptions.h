//===--- AsyncOptions.h - async-lint ----------------------------*- C++ -*-===//
//
// Where every front end that builds its own clang-tidy configuration (the
// driver, the compiler plugin) gets its defaults: the async-* checks, and
// .clang-tidy files read as clang-tidy reads them, except that their Checks
// can only switch async-* checks on and off.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_ASYNCOPTIONS_H
#define ASYNC_LINT_ASYNCOPTIONS_H

#include "clang-tidy/ClangTidyOptions.h"
#include <memory>

namespace async_lint {

/// The checks that run when nothing says otherwise.
constexpr llvm::StringLiteral DefaultChecks = "-*,async-*";

/// Wraps \p Inner so that the Checks of configuration files keep only their
/// async-* terms: a project's configuration for its other clang-tidy checks
/// does not make async-lint run them. Checks given on the command line (and
/// the defaults) are taken as they are.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> onlyAsyncChecksFromFiles(
    std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Inner);

} // namespace async_lint

#endif // ASYNC_LINT_ASYNCOPTIONS_H

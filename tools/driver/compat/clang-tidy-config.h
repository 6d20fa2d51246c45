//===--- clang-tidy-config.h - async-lint -----------------------*- C++ -*-===//
//
// Debian's libclang-22-dev ships ClangTidyForceLinker.h without the
// clang-tidy-config.h it includes; these are the values its clang-tidy-22
// was built with (the MPI and custom-check modules are shipped).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_CLANG_TIDY_CONFIG_H
#define ASYNC_LINT_CLANG_TIDY_CONFIG_H
#define CLANG_TIDY_ENABLE_STATIC_ANALYZER 1
#define CLANG_TIDY_ENABLE_QUERY_BASED_CUSTOM_CHECKS 1
#endif

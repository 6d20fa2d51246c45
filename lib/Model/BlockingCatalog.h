//===--- BlockingCatalog.h - async-lint -------------------------*- C++ -*-===//
//
// The default catalogue of calls that block the calling thread, by category.
// Each category is a check option holding a list of name patterns (see
// NameMatcher.h); this file only supplies the defaults and the advice.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_BLOCKINGCATALOG_H
#define ASYNC_LINT_MODEL_BLOCKINGCATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async::model {

struct BlockingCategory {
  /// The key used in the 'Categories' option, e.g. "sleep".
  llvm::StringRef Key;
  /// The option holding this category's name patterns (read local first,
  /// then global).
  llvm::StringRef OptionName;
  /// Enabled when the 'Categories' option is not set.
  bool EnabledByDefault;
  /// How a diagnostic describes the category, e.g. "sleeping".
  llvm::StringRef Label;
  /// The asynchronous alternative, as advice ending the diagnostic.
  llvm::StringRef Advice;
  /// The default name patterns, ';'-separated.
  llvm::StringRef DefaultNames;
};

/// The built-in categories, in the order diagnostics prefer them.
llvm::ArrayRef<BlockingCategory> blockingCategories();

/// Member functions that block when called on an object whose type is itself
/// awaitable (concurrencpp::result::get, an in-house future's wait, ...).
extern const char DefaultAwaitableBlockingMembers[];

/// Stream objects whose reads block (std::cin and friends).
extern const char DefaultBlockingStreams[];

/// Advice for names the user adds with 'BlockingFunctions'.
extern const char CustomBlockingAdvice[];

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_BLOCKINGCATALOG_H

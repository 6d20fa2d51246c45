//===--- BlockingCalls.h - async-lint ---------------------------*- C++ -*-===//
//
// Which calls block the calling thread, under a check's configuration of the
// catalogue (BlockingCatalog.h): a call named in an enabled category or in
// the user's own list, a read of a blocking stream (std::cin), or a blocking
// member (get, wait) of a type that is itself awaitable; not a lock
// constructed with a lock tag, nor an allowed function. Read from the call
// alone, by every name it is known by (CallInfo).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_BLOCKINGCALLS_H
#define ASYNC_LINT_MODEL_BLOCKINGCALLS_H

#include "NameMatcher.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::async::model {

/// What a blocking call is: the name it matched (quoted, as diagnostics
/// show it) and its category (an index into blockingCategories(), or
/// Custom).
struct BlockingCall {
  static constexpr unsigned Custom = ~0U;
  std::string Name;
  unsigned Category;
  /// Matched only as a member of AwaitableBlockingMembers on an awaitable
  /// type: a name that a visible body overrules (BlockingReach::classify).
  bool ByMemberName = false;

  /// True when the call is of the built-in category \p Key.
  bool isCategory(llvm::StringRef Key) const;
};

/// The lists a configuration of the catalogue is made of (owned by the
/// check that reads them as options).
struct BlockingLists {
  /// The name patterns of each category, in blockingCategories()'s order.
  const std::vector<NameMatcher> &CategoryNames;
  /// Whether each category is enabled.
  const std::vector<bool> &CategoryEnabled;
  /// The user's own blocking functions (BlockingCall::Custom).
  const NameMatcher &BlockingFunctions;
  /// Functions never reported, nor descended into.
  const NameMatcher &AllowedFunctions;
  /// Members that block on an awaitable type (get, wait).
  const NameMatcher &AwaitableBlockingMembers;
  /// Streams whose reads block (std::cin).
  const NameMatcher &BlockingStreams;
};

class OwnStmts;

/// What \p S, a call or a construction, blocks on under \p Lists;
/// std::nullopt when it does not block. \p Own: the statements of the
/// function \p S is in, whose description of the call is reused.
std::optional<BlockingCall> classifyBlocking(const Stmt &S,
                                             const BlockingLists &Lists,
                                             const OwnStmts *Own = nullptr);

/// The index of the built-in category \p Key when \p Lists enable it.
std::optional<unsigned> enabledCategoryIndex(const BlockingLists &Lists,
                                             llvm::StringRef Key);

/// True when \p D is one of \p Lists' allowed functions.
bool isAllowedBlocking(const NamedDecl &D, const BlockingLists &Lists);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_BLOCKINGCALLS_H

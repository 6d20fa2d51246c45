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
#include "llvm/ADT/DenseMap.h"
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

struct BlockingLists;
struct CallInfo;

/// What the lists alone say of a call (allowed, an enabled category's, the
/// user's), per call target, so that a unit matches each target's names
/// once however often it is called. The names a call is known by
/// (describeCall) are those of its callee, the class of its object and its
/// function object: the key. Owned by the check whose lists these are,
/// cleared when a unit starts (the callees are that unit's declarations).
class BlockingListMemo {
public:
  /// Decided: the lists decide (allowed: Call empty; listed: Call set);
  /// otherwise the call's object and stream decide (classifyBlocking).
  struct Answer {
    bool Decided = false;
    std::optional<BlockingCall> Call;
  };
  /// The answer for \p Info, the description of \p S, from the memo or
  /// made by \p Lists and kept.
  const Answer &answer(const Stmt &S, const CallInfo &Info,
                       const BlockingLists &Lists);
  void clear() {
    Answers.clear();
    Decided.clear();
  }

private:
  using Key = std::tuple<const void *, const void *, const void *>;
  /// Per target: 0 when the lists do not decide (most targets of a unit),
  /// else 1 + the index of the answer in Decided; kept small, as a unit
  /// has an entry per call target.
  llvm::DenseMap<Key, unsigned> Answers;
  std::vector<Answer> Decided;
  const Answer Undecided{};
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
  /// The lists' answers per call target in this unit; none: asked each time.
  BlockingListMemo *Memo = nullptr;
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

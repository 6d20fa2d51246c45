//===--- BlockingCallCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H
#define ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H

#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace clang::tidy::async {

/// Finds calls that block the thread inside the body of a coroutine.
class BlockingCallCheck : public AsyncCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  /// What a blocking call is: the name it matched and its category (an
  /// index into model::blockingCategories(), or Custom).
  struct Blocking {
    std::string Name;
    unsigned Category;
  };
  static constexpr unsigned Custom = ~0U;

  /// When a call blocks: whatever the arguments (Param < 0), or only when
  /// the argument for parameter Param lacks the facts Needs (PathFacts bits:
  /// a get() on it needs it ready, on one of its elements needs it all
  /// ready).
  struct Condition {
    int Param = -1;
    unsigned Needs = 0;
  };

  /// How a function reaches a blocking call: the call in its body that
  /// blocks or leads to a blocking call, and the callee it leads through.
  struct Reach {
    const Stmt *Site = nullptr;
    const FunctionDecl *Via = nullptr; // null when Site blocks itself
    Blocking Leaf;
    unsigned Depth = 0; // function boundaries to the leaf, 1 = direct
    Condition When;
  };
  struct Memo {
    std::optional<Reach> Found;
    unsigned SearchedBudget = 0;
    bool InProgress = false;
  };

  std::optional<Blocking> classify(const Stmt &S) const;
  const FunctionDecl *descendInto(const Stmt &S, const SourceManager &SM) const;
  std::optional<Reach> reachOf(const FunctionDecl &FD, unsigned Budget,
                               ASTContext &Ctx);
  bool isAllowed(const NamedDecl &D) const;
  /// True when \p FD tests errno for one of WouldBlockErrors (EAGAIN,
  /// EINPROGRESS): its I/O calls are made on non-blocking descriptors.
  bool expectsWouldBlock(const FunctionDecl &FD, ASTContext &Ctx);
  /// True when \p Call, a system call in a member function, is made on a
  /// member of the object that the class also hands to an asynchronous
  /// operation (a call answering a task or an awaitable: sched.poll(m_fd)):
  /// the class drives that descriptor without blocking.
  bool onAsyncMember(const FunctionDecl &FD, const CallExpr &Call);
  /// True when the coroutine lambda \p Coro is only ever run by a sync-wait
  /// call in the function that creates it (sync_wait(make_test())): until
  /// it first suspends, it runs on that function's thread, not an executor's.
  bool startedOnlyBySyncWait(const FunctionDecl &Coro);
  /// True when \p Site, in \p Coro, may run on an executor thread.
  bool mayRunOnExecutor(const FunctionDecl &Coro, const Stmt &Site,
                        ASTContext &Ctx);
  /// Whether \p S, a call in \p FD that blocks unless \p Object has the
  /// facts \p Needs, blocks: std::nullopt when it has them there; a
  /// condition on the parameter of \p FD that \p Object is (or whose
  /// element it is); otherwise always.
  std::optional<Condition> blocksUnless(const FunctionDecl &FD, const Stmt &S,
                                        const Expr *Object, unsigned Needs,
                                        ASTContext &Ctx);
  /// Whether the call \p S of \p FD reaching \p R blocks (see above).
  std::optional<Condition> blocksThrough(const FunctionDecl &FD, const Stmt &S,
                                         const Reach &R, const Blocking &Leaf,
                                         ASTContext &Ctx);
  /// True when \p Site of the eager coroutine \p Coro runs before it first
  /// suspends: in its caller, on the caller's thread.
  bool runsInCaller(const FunctionDecl &Coro, const Stmt &Site,
                    ASTContext &Ctx);
  void report(const FunctionDecl &Coro, const Stmt &Site,
              const FunctionDecl *Via, const Blocking &Leaf);

  std::vector<model::NameMatcher> CategoryNames;
  std::vector<bool> CategoryEnabled;
  std::string CategoriesOption;
  model::NameMatcher BlockingFunctions;
  model::NameMatcher AllowedFunctions;
  model::NameMatcher AwaitableBlockingMembers;
  model::NameMatcher BlockingStreams;
  std::vector<std::string> WouldBlockErrors;
  llvm::DenseMap<const FunctionDecl *, bool> WouldBlockTested;
  llvm::DenseMap<const FunctionDecl *, bool> SyncWaitStarted;
  /// True when \p Site is a wait that async-circular-wait reports as a
  /// certain deadlock (a coroutine blocking the only thread of its context
  /// on work for that context): the stronger claim is made there, once.
  bool leftToCircularWait(const Stmt &Site, ASTContext &Ctx);
  /// Whether async-circular-wait runs, and the waits it reports in this
  /// unit (computed when first asked).
  bool CircularWaitEnabled = false;
  std::optional<llvm::DenseSet<const Stmt *>> CircularWaits;
  /// Members of each class handed to an asynchronous operation.
  llvm::DenseMap<const CXXRecordDecl *, llvm::DenseSet<const ValueDecl *>>
      AsyncMembers;
  unsigned MaxCallDepth;

  llvm::DenseMap<const FunctionDecl *, Memo> Reaches;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_BLOCKINGCALLCHECK_H

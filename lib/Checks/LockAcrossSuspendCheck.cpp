//===--- LockAcrossSuspendCheck.cpp - async-lint --------------------------===//

#include "LockAcrossSuspendCheck.h"
#include "../Model/FunctionEvents.h"
#include "../Model/HeldLocks.h"
#include "../Model/SuspendedLockReleases.h"
#include "../Model/SuspensionFlow.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral LockTypesOpt = "LockTypes";
constexpr llvm::StringLiteral MutexTypesOpt = "MutexTypes";
constexpr llvm::StringLiteral AsyncMutexTypesOpt = "AsyncMutexTypes";
constexpr llvm::StringLiteral DeferLockTagsOpt = "DeferLockTags";
constexpr llvm::StringLiteral TryLockTagsOpt = "TryLockTags";
constexpr llvm::StringLiteral StrictOpaqueHandoffsOpt = "StrictOpaqueHandoffs";

// RAII guards that lock a mutex for as long as they live.
constexpr llvm::StringLiteral DefaultLockTypes =
    "::std::lock_guard;::std::unique_lock;::std::scoped_lock;"
    "::std::shared_lock;boost::lock_guard;boost::unique_lock;"
    "boost::shared_lock;boost::upgrade_lock;absl::MutexLock;"
    "absl::ReaderMutexLock;absl::WriterMutexLock";
// Mutexes locked and unlocked by hand with lock()/unlock().
constexpr llvm::StringLiteral DefaultMutexTypes =
    "::std::mutex;::std::recursive_mutex;::std::timed_mutex;"
    "::std::recursive_timed_mutex;::std::shared_mutex;"
    "::std::shared_timed_mutex;boost::mutex;boost::recursive_mutex;"
    "boost::timed_mutex;boost::shared_mutex";

// Tag types that make a guard's constructor leave its mutex unlocked, or
// only try to lock it.
constexpr llvm::StringLiteral DefaultDeferLockTags =
    "::std::defer_lock_t;boost::defer_lock_t";
constexpr llvm::StringLiteral DefaultTryLockTags =
    "::std::try_to_lock_t;boost::try_to_lock_t";

} // namespace

LockAcrossSuspendCheck::LockAcrossSuspendCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines),
      LockTypes(Options.get(LockTypesOpt, DefaultLockTypes)),
      MutexTypes(Options.get(MutexTypesOpt, DefaultMutexTypes)),
      AsyncMutexTypes(Options.get(AsyncMutexTypesOpt, Lib.AsyncMutexes.str())),
      DeferLockTags(Options.get(DeferLockTagsOpt, DefaultDeferLockTags)),
      TryLockTags(Options.get(TryLockTagsOpt, DefaultTryLockTags)),
      StrictOpaqueHandoffs(Options.get(StrictOpaqueHandoffsOpt, false)),
      Lists{LockTypes, MutexTypes, AsyncMutexTypes, DeferLockTags,
            TryLockTags} {}

void LockAcrossSuspendCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, LockTypesOpt, LockTypes.str());
  Options.store(Opts, MutexTypesOpt, MutexTypes.str());
  Options.store(Opts, AsyncMutexTypesOpt, AsyncMutexTypes.str());
  Options.store(Opts, DeferLockTagsOpt, DeferLockTags.str());
  Options.store(Opts, TryLockTagsOpt, TryLockTags.str());
  Options.store(Opts, StrictOpaqueHandoffsOpt, StrictOpaqueHandoffs);
}

void LockAcrossSuspendCheck::checkFunction(CheckedFunction &F) {
  model::LockLists Known = Lists;
  Known.Names = &Facts.session().names();
  // Most coroutines scope their locks before they suspend: the events show
  // it, and the flow (and the CFG) is not built for them.
  if (!model::mayHoldLockAtSuspension(F.own(), F.events(), Known))
    return;
  const model::SuspensionFlow &Flow = F.suspensions();
  if (Flow.points().empty())
    return;
  for (const model::HeldAtSuspension &H :
       model::heldLocksAtSuspensions(Flow, Known)) {
    SourceLocation At = H.Suspension->getBeginLoc();
    if (model::awaitReleasesLock(*H.Suspension, H.Key, StrictOpaqueHandoffs) ||
        !reportOnce(At))
      continue;
    const auto *Guard = dyn_cast<VarDecl>(static_cast<const Decl *>(H.Key));
    bool IsGuard = Guard && Known.isGuardType(Guard->getType());
    diag(At, "coroutine suspends while holding %select{lock %1|mutex %1}0")
        << (IsGuard ? 0 : 1)
        << cast<NamedDecl>(static_cast<const Decl *>(H.Key))
        << H.Suspension->getSourceRange();
    // Why, at the suspension: what goes wrong while it is suspended there.
    diag(At,
         "while suspended here, another task on this executor that waits for "
         "the %select{lock|mutex}0 deadlocks a single-threaded executor, and "
         "if the coroutine resumes on another thread it unlocks the mutex "
         "there",
         DiagnosticIDs::Note)
        << (IsGuard ? 0 : 1);
    diag(H.Since->getBeginLoc(),
         IsGuard ? "the lock is taken here" : "the mutex is locked here",
         DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::async

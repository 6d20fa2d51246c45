//===--- LockAcrossSuspendCheck.h - async-lint ------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_LOCKACROSSSUSPENDCHECK_H
#define ASYNC_LINT_CHECKS_LOCKACROSSSUSPENDCHECK_H

#include "../Model/HeldLocks.h"
#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds locks held at a suspension point of a coroutine.
///
/// A lock is an RAII guard alive there, or a mutex locked by hand and not
/// yet unlocked, on some path to the suspension point. The facts are the
/// model's: which locks are held (HeldLocks) and which an awaited operation
/// gives up while the coroutine is suspended (SuspendedLockReleases).
class LockAcrossSuspendCheck : public AsyncCheck {
public:
  LockAcrossSuspendCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  const model::NameMatcher LockTypes;
  const model::NameMatcher MutexTypes;
  const model::NameMatcher AsyncMutexTypes;
  /// Tag types of a guard's constructor that leave the mutex unlocked
  /// (std::defer_lock_t) or only try to lock it (std::try_to_lock_t).
  const model::NameMatcher DeferLockTags;
  const model::NameMatcher TryLockTags;
  /// Reports a lock handed by reference to an awaited operation whose
  /// definition the unit does not show (default: taken to release it).
  const bool StrictOpaqueHandoffs;
  const model::LockLists Lists;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_LOCKACROSSSUSPENDCHECK_H

//===--- LockAcrossSuspendCheck.h - async-lint ------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_LOCKACROSSSUSPENDCHECK_H
#define ASYNC_LINT_CHECKS_LOCKACROSSSUSPENDCHECK_H

#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds locks held at a suspension point of a coroutine.
///
/// A lock is an RAII guard alive there, or a mutex locked by hand and not
/// yet unlocked, on some path to the suspension point.
class LockAcrossSuspendCheck : public AsyncCheck {
public:
  LockAcrossSuspendCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  class Transfer;

  /// True for a guard type: in LockTypes, or carrying Clang's
  /// scoped_lockable attribute.
  bool isGuardType(QualType T) const;
  /// True for a mutex locked and unlocked by hand: in MutexTypes, or
  /// carrying Clang's capability attribute; never an asynchronous mutex.
  bool isMutexType(QualType T) const;
  /// True for an asynchronous mutex, whose lock is itself awaited.
  bool isAsyncMutexType(QualType T) const;

  const model::NameMatcher LockTypes;
  const model::NameMatcher MutexTypes;
  const model::NameMatcher AsyncMutexTypes;
  /// Tag types of a guard's constructor that leave the mutex unlocked
  /// (std::defer_lock_t) or only try to lock it (std::try_to_lock_t).
  const model::NameMatcher DeferLockTags;
  const model::NameMatcher TryLockTags;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_LOCKACROSSSUSPENDCHECK_H

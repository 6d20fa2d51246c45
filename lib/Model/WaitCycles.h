//===--- WaitCycles.h - async-lint ------------------------------*- C++ -*-===//
//
// The cycles of waits that a unit can show whole, one header per shape: a
// coroutine that waits for itself (EventWaits), two that wait for each other
// (MutualWaits) or lock in opposite orders (LockOrder; member coroutines of
// one class without a common start: MemberLockOrder), a task holding a
// lock its creator waits for (LockedTaskWaits) or that has not started
// and keeps its creator's guard (ParkedGuards), a task joining its own scope
// (ScopeJoins), a blocking wait on the only thread the work needs
// (PoolSelfBlocks, SingleThreadContext), the coroutines a function starts
// together (StartedTogether), and whether a coroutine holds any wait those
// rules start from (WaitCandidates).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_WAITCYCLES_H
#define ASYNC_LINT_MODEL_WAITCYCLES_H

#include "CoroutineModel.h"
#include "EventWaits.h"
#include "Expressions.h"
#include "LockOrder.h"
#include "LockedTaskWaits.h"
#include "MemberLockOrder.h"
#include "MutualWaits.h"
#include "ParkedGuards.h"
#include "PoolSelfBlocks.h"
#include "ScopeJoins.h"
#include "SingleThreadContext.h"
#include "StartedTogether.h"
#include "WaitCandidates.h"

#endif // ASYNC_LINT_MODEL_WAITCYCLES_H

//===--- WaitCandidates.cpp - async-lint ----------------------------------===//

#include "WaitCandidates.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "EventWaits.h"
#include "FunctionEvents.h"
#include "Library.h"
#include "LockOrder.h"

namespace clang::tidy::async::model {

bool hasWaitCandidates(const FunctionEvents &Events, const OwnStmts &Own,
                       const EventKnowledge &Know, const Library &Lib) {
  // selfWaits starts from an awaited event or future, lockedTaskWaits and
  // parkedGuards from an awaited lock of an asynchronous mutex.
  for (const CoroutineSuspendExpr *Point : Events.suspensions())
    if (awaitedEvent(*Point, Know) || awaitedPromise(*Point, Know).first ||
        awaitedLock(*Point, Lib.AsyncMutexes))
      return true;
  // poolSelfBlocks starts from a sync-wait call.
  for (const Expr *Call : Events.calls())
    if (const CallInfo *Info = isa<CallExpr>(Call) ? Own.call(*Call) : nullptr)
      if (anyNameMatches(Lib.SyncWaitFunctions, *Info))
        return true;
  return false;
}

} // namespace clang::tidy::async::model

//===--- WaitCandidates.h - async-lint --------------------------*- C++ -*-===//
//
// Whether a coroutine holds what async-circular-wait's rules about its own
// waits start from, told from its events alone: most coroutines await no
// event, no promise's future and no lock of an asynchronous mutex, and call
// no sync-wait, and then none of those rules needs the coroutine's CFG or
// its suspension points.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_WAITCANDIDATES_H
#define ASYNC_LINT_MODEL_WAITCANDIDATES_H

namespace clang::tidy::async::model {

struct EventKnowledge;
class FunctionEvents;
class Library;
class OwnStmts;

/// False only when none of selfWaits, poolSelfBlocks, lockedTaskWaits and
/// parkedGuards can find anything in the function whose own statements are
/// \p Own and events \p Events: no suspension awaits an event or a
/// promise's future (\p Know) or takes a lock of one of \p Lib's
/// AsyncMutexes, and no call is of one of its SyncWaitFunctions. Each of
/// those rules starts from one of these, so a pre-filter that is sound.
bool hasWaitCandidates(const FunctionEvents &Events, const OwnStmts &Own,
                       const EventKnowledge &Know, const Library &Lib);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_WAITCANDIDATES_H

//===--- CircularWaitContext.cpp - async-lint -----------------------------===//
//
// The single-threaded part of async-circular-wait: a coroutine handed to a
// context that only one thread runs blocks that thread on work it handed
// to the same context (model/SingleThreadContext.h has the evidence).
//
//===----------------------------------------------------------------------===//

#include "../Model/SingleThreadContext.h"
#include "CircularWaitCheck.h"

namespace clang::tidy::async {

void CircularWaitCheck::checkOwnContext(CheckedFunction &F) {
  model::SingleThreadKnowledge Know{
      ContextTypes,    ContextRunMembers, ContextQueryMembers, ContextHandOffs,
      ExecutorQueries, FutureTokens,      Lib.JoinMembers};
  for (const model::OwnContextWait &W :
       model::ownContextWaits(F.Body, Know, &F.own()))
    reportOwnContext(W);
}

void CircularWaitCheck::reportOwnContext(const model::OwnContextWait &W) {
  if (!reportOnce(W.Wait->getExprLoc()))
    return;
  const VarDecl *Context = W.Context.Context;
  diag(W.Wait->getExprLoc(), "%0 blocks the only thread that runs %1, which "
                             "the work it waits for needs: it never returns")
      << W.Wait->getDirectCallee() << Context << W.Wait->getSourceRange();
  diag(W.Work->getBeginLoc(),
       "the work is handed to %0 here, and runs only when its thread is free",
       DiagnosticIDs::Note)
      << Context;
  diag(W.Spawn->getBeginLoc(), "%0 runs on %1: it is handed to it here",
       DiagnosticIDs::Note)
      << W.Coroutine << Context;
  diag(W.Context.Run->getBeginLoc(),
       "%0 is run only here, by this thread: nothing else can run the work; "
       "await it instead of blocking",
       DiagnosticIDs::Note)
      << Context;
}

} // namespace clang::tidy::async

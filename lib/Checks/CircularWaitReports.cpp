//===--- CircularWaitReports.cpp - async-lint -----------------------------===//

#include "CircularWaitCheck.h"

namespace clang::tidy::async {

void CircularWaitCheck::reportSelfWait(const model::SelfWait &W) {
  if (!reportOnce(W.Wait->getBeginLoc()))
    return;
  diag(W.Wait->getBeginLoc(),
       "coroutine waits for %select{|the future of }1%0, which nothing can set "
       "before this wait: it never resumes")
      << W.Event << W.OnFuture << W.Wait->getSourceRange();
  note(W.Event->getLocation(),
       "%0 is a local of this coroutine; no other code can reach it before "
       "the wait")
      << W.Event;
  if (W.Setter)
    note(W.Setter->getBeginLoc(),
         "%0 is set here, which runs only after the wait has ended; set it "
         "before the wait or hand it to the code that should set it")
        << W.Event << W.Setter->getSourceRange();
}

void CircularWaitCheck::reportMutualWait(ArrayRef<model::MutualSide> Cycle) {
  if (Cycle.size() < 2 || !reportOnce(Cycle[0].Wait->getBeginLoc()))
    return;
  const model::MutualSide &A = Cycle.front(), &B = Cycle[1];
  diag(A.Wait->getBeginLoc(),
       "waits for %0, which %select{%1|another run of %1}2 sets only after "
       "its own wait")
      << A.Event << B.name() << (A.Started->Coroutine == B.Started->Coroutine)
      << A.Wait->getSourceRange();
  note(A.start(), "%0 is started here") << A.name();
  for (const model::MutualSide &S : Cycle.drop_front())
    note(S.start(), "and %0 here, to run together with it") << S.name();
  for (unsigned I = 1; I < Cycle.size(); ++I) {
    const model::MutualSide &S = Cycle[I];
    note(S.Wait->getBeginLoc(), "%0 waits here for %1, which nothing has set")
        << S.name() << S.Event;
    note(S.SetsOther->getBeginLoc(), "and sets %0 only here, after that wait")
        << Cycle[I - 1].Event << S.SetsOther->getSourceRange();
  }
  note(A.SetsOther->getBeginLoc(),
       "%0 is set only here, after the first wait: each waits for the "
       "%select{other and neither|next and none}1 resumes; set one of them "
       "before its wait")
      << Cycle.back().Event << (Cycle.size() > 2)
      << A.SetsOther->getSourceRange();
}

void CircularWaitCheck::reportLockCycle(ArrayRef<model::LockCycleSide> Cycle) {
  if (Cycle.size() < 2 || !reportOnce(Cycle[0].Edge.Wait->getBeginLoc()))
    return;
  const model::LockOrderEdge &E = Cycle[0].Edge;
  const auto &A = *Cycle[0].Started, &B = *Cycle[1].Started;
  diag(E.Wait->getBeginLoc(),
       "waits for mutex %0 while holding %1%select{; %2 locks them in the "
       "opposite order|; another run of %2 locks them in the opposite order|, "
       "in a cycle of lock orders with %4 coroutines started with it}3")
      << E.Waited << E.Held << B.name()
      << (Cycle.size() > 2 ? 2u : unsigned(A.Coroutine == B.Coroutine))
      << unsigned(Cycle.size() - 1) << E.Wait->getSourceRange();
  note(E.HeldSince->getBeginLoc(), "%0 is locked here") << E.Held;
  for (const model::LockCycleSide &S : Cycle)
    note(S.Started->Call->getBeginLoc(),
         &S == &Cycle[0] ? "%0 is started here"
                         : "and %0 here, to run together with it")
        << S.Started->name();
  for (const model::LockCycleSide &S : Cycle.drop_front()) {
    note(S.Edge.HeldSince->getBeginLoc(), "%0 locks %1 here")
        << S.Started->name() << S.Edge.Held;
    note(S.Edge.Wait->getBeginLoc(),
         "and waits for %0 here%select{|: each holds the mutex the %select{"
         "other|previous}2 waits for; lock them in one order everywhere}1")
        << S.Edge.Waited << (&S == &Cycle.back()) << (Cycle.size() > 2);
  }
}

void CircularWaitCheck::reportOwnContext(const model::OwnContextWait &W) {
  if (!reportOnce(W.Wait->getExprLoc()))
    return;
  const VarDecl *Context = W.Context.Context;
  diag(W.Wait->getExprLoc(), "%0 blocks the only thread that runs %1, which "
                             "the work it waits for needs: it never returns")
      << W.Wait->getDirectCallee() << Context << W.Wait->getSourceRange();
  note(W.Work->getBeginLoc(),
       "the work is handed to %0 here, and runs only when its thread is free")
      << Context;
  note(W.Spawn->getBeginLoc(), "%0 runs on %1: it is handed to it here")
      << W.Coroutine << Context;
  note(W.Context.Run->getBeginLoc(),
       "%0 is run only here, by this thread: await the work, do not block")
      << Context;
}

void CircularWaitCheck::reportPoolSelfBlock(const model::PoolSelfBlock &B) {
  if (!reportOnce(B.SyncWait->getBeginLoc()))
    return;
  diag(B.SyncWait->getBeginLoc(), "%0 blocks the only thread of %1, which the "
                                  "work it waits for needs: it never returns")
      << B.SyncWait->getDirectCallee()->getDeclName() << B.Pool
      << B.SyncWait->getSourceRange();
  note(B.Pool->getLocation(), "%0 has one thread") << B.Pool;
  note(B.OnPool->getBeginLoc(), "this coroutine runs on it from here");
  note(B.WorkOnPool->getBeginLoc(),
       "%0 waits here for that thread; await the work instead of blocking")
      << model::describeFunction(*B.Work);
}

void CircularWaitCheck::reportLockedTask(const model::LockedTaskWait &W) {
  if (!reportOnce(W.CreatorLock->getBeginLoc()))
    return;
  std::string Task = model::startedName(*W.Task.Coroutine);
  diag(W.CreatorLock->getBeginLoc(),
       "waits for mutex %0, held by %1 until %2 is set after this lock: "
       "neither resumes")
      << W.Mutex << Task << W.Event << W.CreatorLock->getSourceRange();
  note(model::startLocation(*W.Task.Call),
       "%0 is started here and runs at once, until it first suspends")
      << Task;
  note(W.TaskLock->getBeginLoc(), "%0 locks %1 here") << Task << W.Mutex;
  note(W.TaskWait->getBeginLoc(), "and suspends here, holding it, until %0 "
                                  "is set")
      << W.Event;
  if (W.Setter)
    note(W.Setter->getBeginLoc(),
         "%0 is set only here, after the lock; set it before the lock, or "
         "start the task after the lock is released")
        << W.Event << W.Setter->getSourceRange();
}

} // namespace clang::tidy::async

//===--- TaskWaits.cpp - async-lint ---------------------------------------===//

#include "TaskWaits.h"
#include "BlockingCatalog.h"
#include "CoroutineModel.h"
#include "JoiningTasks.h"
#include "LocalResumers.h"
#include "OwnedResumers.h"

namespace clang::tidy::async::model {

std::string defaultBlockingWaits() {
  std::string Names;
  for (const BlockingCategory &C : blockingCategories())
    if (C.Key == "wait" || C.Key == "result")
      Names += C.DefaultNames.str() + ";";
  return Names + "async_simple::Future::wait;async_simple::Future::get";
}

const NameMatcher &catalogueWaits() {
  static const NameMatcher Waits(defaultBlockingWaits());
  return Waits;
}

namespace {

/// True when every call of the coroutine \p Coro in \p Body (the starts
/// of its tasks; one at least) is waited out before \p Dying dies: by a
/// join of the only executor that can resume the task, or (\p Local) as
/// only the function's own local objects resume it.
bool resumersJoined(const Stmt &Body, const FunctionDecl &Coro,
                    const VarDecl &Dying, const ResumerKnowledge &K,
                    bool Local) {
  // Every start is one of those calls: the closure is named only to be
  // called (not handed to code that may start it later).
  unsigned Calls = 0, Named = 0;
  bool All = true;
  const auto *Op = dyn_cast<CXXMethodDecl>(&Coro);
  const CXXRecordDecl *Closure =
      Op && Op->getParent()->isLambda() ? Op->getParent() : nullptr;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        Ref && Closure && Ref->getType()->getAsCXXRecordDecl() == Closure)
      ++Named;
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!All || !Call || Call->getDirectCallee() != &Coro)
      return;
    ++Calls;
    All = Local ? resumedOnlyByLocals(Body, *Call, Coro, Dying, K.Waits)
                : resumersJoinedBefore(Body, *Call, Coro, Dying, K) != nullptr;
  });
  return Calls > 0 && Named <= Calls && All;
}

} // namespace

bool TaskWaits::waitedOut(const FunctionDecl &Encl, const Stmt &Body,
                          AnalysisSession &Session, const FunctionDecl &Coro,
                          const TaskFate &F, const VarDecl &Dying,
                          bool OnlyChecks) {
  // A dropped task whose destructor joins it is done with the statement.
  if (F.What == TaskFate::Kind::Dropped && !OnlyChecks &&
      destructorWaitsForCoroutine(Coro.getReturnType(), Waits))
    return true;
  if (F.ViaReturn)
    return false;
  // Every resumption goes through a local executor the function joins.
  if (!OnlyChecks &&
      (resumersJoined(Body, Coro, Dying, {Joins, Waits}, false) ||
       (F.What == TaskFate::Kind::Dropped &&
        resumersJoined(Body, Coro, Dying, {Joins, Waits}, true))))
    return true;
  if (!F.OnExecutor)
    return false;
  if (OwnOf != &Encl || !Own) {
    Own = std::make_unique<FunctionWaits>(
        Encl, Body, Encl.getASTContext(),
        [&Session](const FunctionDecl &FD) { return Session.cfg(FD); },
        WaitKnowledge{&Waits, &Joining, &WaitMembers, &SignalMembers});
    OwnOf = &Encl;
  }
  return bool(Own->waitsOut({&Coro, F.Where}, Dying, OnlyChecks));
}

} // namespace clang::tidy::async::model

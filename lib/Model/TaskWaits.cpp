//===--- TaskWaits.cpp - async-lint ---------------------------------------===//

#include "TaskWaits.h"
#include "BlockingCatalog.h"
#include "JoiningTasks.h"

namespace clang::tidy::async::model {

std::string defaultBlockingWaits() {
  std::string Names;
  for (const BlockingCategory &C : blockingCategories())
    if (C.Key == "wait" || C.Key == "result")
      Names += C.DefaultNames.str() + ";";
  return Names + "async_simple::Future::wait;async_simple::Future::get";
}

bool TaskWaits::waitedOut(const FunctionDecl &Encl, const Stmt &Body,
                          AnalysisSession &Session, const CXXMethodDecl &Coro,
                          const TaskFate &F, const VarDecl &Dying) {
  // A dropped task whose destructor joins it is done with the statement.
  if (F.What == TaskFate::Kind::Dropped &&
      destructorWaitsForCoroutine(Coro.getReturnType(), Waits))
    return true;
  if (!F.OnExecutor || F.ViaReturn)
    return false;
  if (OwnOf != &Encl || !Own) {
    Own = std::make_unique<FunctionWaits>(
        Encl, Body, Encl.getASTContext(),
        [&Session, &Encl] { return Session.cfg(Encl); },
        WaitKnowledge{&Waits, &Joining});
    OwnOf = &Encl;
  }
  return bool(Own->waitsOut({&Coro, F.Where}, Dying));
}

} // namespace clang::tidy::async::model

//===--- LibraryAnalyses.h - async-lint -------------------------*- C++ -*-===//
//
// The unit's analyses under one library configuration, for the facts that
// look at other functions than the one a check judges (a callee, a member
// function that spawns, a wrapper's coroutine).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LIBRARYANALYSES_H
#define ASYNC_LINT_MODEL_LIBRARYANALYSES_H

#include "AnalysisSession.h"
#include "Library.h"
#include "PathFacts.h"
#include "SuspensionFlow.h"
#include "TaskFlow.h"

namespace clang::tidy::async::model {

/// The session's analyses of any function with a body under the library
/// configuration \p Lib (whose id in \p Session is \p Id).
struct LibraryAnalyses {
  AnalysisSession &Session;
  AnalysisSession::LibraryId Id;
  const Library &Lib;

  const PathFacts &pathFacts(const FunctionDecl &FD) const {
    return Session.pathFacts(FD, Id);
  }
  const SuspensionFlow &suspensions(const FunctionDecl &FD) const {
    return Session.suspensionFlow(FD, Id);
  }
  const TaskFlow &flow(const FunctionDecl &FD) const {
    return Session.taskFlow(FD, Id);
  }
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LIBRARYANALYSES_H

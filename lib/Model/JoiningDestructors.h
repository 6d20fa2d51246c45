//===--- JoiningDestructors.h - async-lint ----------------------*- C++ -*-===//
//
// Task types whose destructor waits for their coroutine, across translation
// units: the unit that defines `joiner::~joiner()`, whose body joins the
// thread the coroutine moved to (by the id it stored in its promise), or
// waits on the promise's state (JoiningTasks.h), summarises it (the `joins`
// fact); a unit that sees only `~joiner();` learns that dropping a joiner
// returns once its coroutine has finished, so the locals it refers to
// outlive it. async-dangling-reference's second part in summaries
// (docs/summaries.md).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_JOININGDESTRUCTORS_H
#define ASYNC_LINT_MODEL_JOININGDESTRUCTORS_H

#include "NameMatcher.h"
#include "SummaryFiles.h"

namespace clang::tidy::async::model {

/// Writes the `joins` facts of the destructors a unit defines and reads
/// those of the destructors it only declares.
class DestructorJoins : public FactSummaries {
public:
  /// \p Output: the directory written (empty: none); \p Directory: the
  /// directory read (empty: none).
  DestructorJoins(std::string Output, std::string Directory)
      : FactSummaries(SummaryFact::Joins, std::move(Output),
                      std::move(Directory)) {}

  /// Summarises \p FD when it is the destructor of a class of the unit,
  /// called by name from other units, whose body blocks until the
  /// coroutine of its object has finished (a wait of \p Waits on state
  /// reached through the promise; when summaries are written).
  void summarise(const FunctionDecl &FD, const NameMatcher &Waits,
                 ASTContext &Ctx);
  /// True when destroying an object of \p Task blocks until its coroutine
  /// has finished, by another unit's summary of its destructor (declared
  /// only here). Records the key asked.
  bool joins(QualType Task, ASTContext &Ctx);
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_JOININGDESTRUCTORS_H

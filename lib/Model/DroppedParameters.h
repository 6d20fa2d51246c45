//===--- DroppedParameters.h - async-lint -----------------------*- C++ -*-===//
//
// Task parameters a function destroys unrun, across translation units: the
// unit that defines `void schedule(task<> t)` summarises that `t` is
// neither awaited, started, spawned, stored, returned nor handed on (the
// `drops` fact); a unit that only declares it and calls
// `schedule(work())` with a lazy task learns that work() never runs.
// async-discarded-awaitable's part in summaries (docs/summaries.md).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DROPPEDPARAMETERS_H
#define ASYNC_LINT_MODEL_DROPPEDPARAMETERS_H

#include "DroppedValues.h"
#include "PlacedNotes.h"
#include "SummaryFiles.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

class OwnStmts;
class TaskFlow;

/// The step of \p S (a `drops` record) for the parameter \p Index; null
/// when that parameter is not dropped or the record is malformed.
const SummaryStep *droppedParameter(const Summary &S, unsigned Index);

/// Writes the `drops` facts of the functions a unit defines and reads those
/// of the functions it only declares.
class ParameterDrops : public FactSummaries {
public:
  /// \p Output: the directory written (empty: none); \p Directory: the
  /// directory read (empty: none); \p Verdicts: what is a task, and lazy.
  ParameterDrops(const DropVerdicts &Verdicts, std::string Output,
                 std::string Directory)
      : FactSummaries(SummaryFact::Drops, std::move(Output),
                      std::move(Directory)),
        Verdicts(Verdicts) {}

  /// Judges \p FD, a function of the unit with the task flow \p Flow and
  /// the own statements \p Own: summarises the task parameters it drops
  /// (when summaries are written), and returns a finding for each argument
  /// that is a lazy task made by a call, given by value to a function of
  /// another unit whose summary says it drops that parameter.
  std::vector<Finding> judge(const FunctionDecl &FD, const OwnStmts &Own,
                             llvm::function_ref<const TaskFlow &()> Flow,
                             ASTContext &Ctx);

private:
  void summarise(const FunctionDecl &FD, const TaskFlow &Flow, ASTContext &Ctx);
  void checkCall(const CallExpr &Call, ASTContext &Ctx,
                 std::vector<Finding> &Found);

  const DropVerdicts &Verdicts;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DROPPEDPARAMETERS_H

//===--- ContextParameters.h - async-lint -----------------------*- C++ -*-===//
//
// Execution contexts a function is given and leaves unrun, across
// translation units: the unit that defines `void start(asio::io_context
// &Ctx)` summarises that Ctx is neither run nor handed on there (the
// `leaves` fact), and whether start() hands it work; a unit that only
// declares start() and calls it with its local context learns that the call
// does not run the context, so the work handed to it still waits for the
// caller to run it. async-work-never-run's part in summaries
// (docs/summaries.md).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONTEXTPARAMETERS_H
#define ASYNC_LINT_MODEL_CONTEXTPARAMETERS_H

#include "ContextUses.h"
#include "SummaryFiles.h"

namespace clang::tidy::async::model {

/// Writes the `leaves` facts of the functions a unit defines and reads those
/// of the functions it only declares.
class ContextLeaves : public FactSummaries {
public:
  /// \p Output: the directory written (empty: none); \p Directory: the
  /// directory read (empty: none).
  ContextLeaves(std::string Output, std::string Directory)
      : FactSummaries(SummaryFact::Leaves, std::move(Output),
                      std::move(Directory)) {}

  /// The context parameters of \p FD to follow for its summary: none
  /// unless summaries are written and other units call \p FD by name.
  llvm::SmallVector<const ParmVarDecl *, 1>
  summarised(const FunctionDecl &FD, const ContextKnowledge &K,
             ASTContext &Ctx);
  /// Summarises the contexts of \p Uses that are parameters of \p FD and
  /// that \p FD neither runs nor hands on.
  void summarise(const FunctionDecl &FD, llvm::ArrayRef<ContextUses> Uses,
                 ASTContext &Ctx);
  /// The step of the `leaves` record of \p Callee, a function of another
  /// unit, for its parameter \p Index; null when none. Records the key.
  const SummaryStep *left(const FunctionDecl &Callee, unsigned Index,
                          ASTContext &Ctx);
  /// The notes that show, in the other units, that the calls of
  /// \p U.LeftBy leave the context unrun (at the call, when the place in
  /// the other unit is gone).
  static std::vector<PlacedNote> notes(const ContextUses &U, SourceManager &SM);
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONTEXTPARAMETERS_H

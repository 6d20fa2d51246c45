//===--- BorrowedParameters.h - async-lint ----------------------*- C++ -*-===//
//
// Reference parameters a coroutine keeps across a suspension, across
// translation units: the unit that defines `task<> send(const std::string
// &s)` summarises that `s` is read after the coroutine may have suspended
// (the `borrows` fact); a unit that only declares it and calls
// `send(std::string("x"))` without awaiting the task in that full
// expression learns that the task reads a dead temporary, even when the
// task type is eager. async-dangling-reference's part in summaries
// (docs/summaries.md).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_BORROWEDPARAMETERS_H
#define ASYNC_LINT_MODEL_BORROWEDPARAMETERS_H

#include "LateParameterUses.h"
#include "SummaryFiles.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// Writes the `borrows` facts of the coroutines a unit defines and reads
/// those of the coroutines it only declares.
class ParameterBorrows : public FactSummaries {
public:
  /// \p Output: the directory written (empty: none); \p Directory: the
  /// directory read (empty: none).
  ParameterBorrows(std::string Output, std::string Directory)
      : FactSummaries(SummaryFact::Borrows, std::move(Output),
                      std::move(Directory)) {}

  /// Summarises the parameters of \p Coro, a coroutine of the unit, that
  /// \p Refers accepts (a reference, pointer or view) and that \p Late says
  /// are used after the coroutine may have suspended (when summaries are
  /// written).
  void summarise(const FunctionDecl &Coro,
                 llvm::function_ref<bool(const ParmVarDecl &)> Refers,
                 LateParameterUses &Late, const LibraryAnalyses &A,
                 ASTContext &Ctx);

  /// Where \p Callee, a coroutine of another unit, uses its parameter
  /// \p Index after it may have suspended, by that unit's summary; null
  /// when no summary says so. Records the key asked.
  const SummaryStep *borrowed(const FunctionDecl &Callee, unsigned Index,
                              ASTContext &Ctx);
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_BORROWEDPARAMETERS_H

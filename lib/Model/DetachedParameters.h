//===--- DetachedParameters.h - async-lint ----------------------*- C++ -*-===//
//
// Task parameters a function detaches, across translation units: the unit
// that defines `void start_job(task<> t)`, whose body hands `t` on every
// path to a spawn that drops the task's failure (asio::co_spawn with
// asio::detached, a DiscardingSpawnFunctions spawn), summarises it (the
// `detaches` fact); a unit that only declares start_job and calls
// `start_job(work())` with a coroutine whose exception escapes (its body
// here, or the `throws` fact of its unit) learns that the exception is
// lost. async-unobserved-exception's second part in summaries
// (docs/summaries.md).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DETACHEDPARAMETERS_H
#define ASYNC_LINT_MODEL_DETACHEDPARAMETERS_H

#include "PlacedNotes.h"
#include "SummaryFiles.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

class DroppingRuns;
class NameMatcher;
struct Library;
struct ThrowPolicy;

/// What the check knows that the fact needs: which spawns drop a task's
/// failure (a discarding token, a DiscardingSpawnFunctions spawn), the CFG
/// of a function of the unit, how exceptions escape a coroutine, and the
/// reader of the `throws` fact (the check's own).
struct DetachRules {
  const NameMatcher &Spawns;
  const NameMatcher &DiscardingTokens;
  const NameMatcher &DiscardingSpawns;
  const ThrowPolicy &Policy;
  SummaryReader &Throws;
  llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf;
};

/// The finding at \p Call when it hands a task whose coroutine's exception
/// escapes to a function of this unit whose body detaches it with a spawn
/// that drops its failure (model/DetachingSpawns.h), or runs it in a
/// coroutine that drops its exceptions (\p Runs, an in-house runner).
std::optional<Finding> handedTaskFinding(const CallExpr &Call,
                                         const DetachRules &Rules,
                                         DroppingRuns &Runs, const Library &Lib,
                                         ASTContext &Ctx);

/// Writes the `detaches` facts of the functions a unit defines and reads
/// those of the functions it only declares.
class ParameterDetaches : public FactSummaries {
public:
  /// \p Output: the directory written (empty: none); \p Directory: the
  /// directory read (empty: none).
  ParameterDetaches(std::string Output, std::string Directory)
      : FactSummaries(SummaryFact::Detaches, std::move(Output),
                      std::move(Directory)) {}

  /// Summarises the task parameters \p FD, a function of the unit that is
  /// not a coroutine, detaches on every path (when summaries are written).
  void summarise(const FunctionDecl &FD, const DetachRules &Rules,
                 ASTContext &Ctx);
  /// The finding at \p Call when it hands a task whose coroutine's
  /// exception escapes to a parameter that a function of another unit
  /// detaches (its summary says so): at the call, with the notes at the
  /// throw and at the spawn in the other unit.
  std::optional<Finding> judge(const CallExpr &Call, const DetachRules &Rules,
                               ASTContext &Ctx);
};

/// A task handed to a function of another unit that detaches it: the call
/// that hands it over, and the step of that function's `detaches` record
/// for the parameter (its spawn).
struct DetachedHandOff {
  const CallExpr *HandedAt = nullptr;
  const Summary *Record = nullptr;
  const SummaryStep *Spawn = nullptr;
};

/// The `detaches` facts as async-dangling-reference reads them: the task of
/// a coroutine's call handed to a function of another unit that detaches it
/// outlives the caller. Reads only (async-unobserved-exception writes the
/// fact); the keys asked go to the unit's uses file of the fact tagged
/// "lifetime" (`<hash>.lifetime.detaches.uses`).
class DetachedHandOffs : public FactSummaries {
public:
  /// \p Output: where the keys asked are written (empty: nowhere);
  /// \p Directory: the directory read (empty: none).
  DetachedHandOffs(std::string Output, std::string Directory)
      : FactSummaries(SummaryFact::Detaches, std::move(Output),
                      std::move(Directory), "lifetime") {}
  /// The call of \p CallerBody that hands the task of \p TaskCall (the
  /// call itself, moved or copied) to a parameter that a function declared
  /// only here detaches, by its unit's summary; none otherwise. Records the
  /// key asked.
  std::optional<DetachedHandOff>
  handOff(const CallExpr &TaskCall, const Stmt &CallerBody, ASTContext &Ctx);
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DETACHEDPARAMETERS_H

//===--- LostExceptionReports.h - async-lint --------------------*- C++ -*-===//
//
// What async-unobserved-exception says of a lost exception: the note at the
// place it escapes, the findings of an in-house spawn or run that drops it,
// and, across units, the summary of a coroutine whose exception escapes
// (written by its unit) and the notes of such a summary (read by another).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LOSTEXCEPTIONREPORTS_H
#define ASYNC_LINT_MODEL_LOSTEXCEPTIONREPORTS_H

#include "DetachingSpawns.h"
#include "DroppedExceptions.h"
#include "PlacedNotes.h"
#include "Summaries.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::async::model {

class NameMatcher;
class ResolvedTypes;
class SummaryReader;
struct ThrowPolicy;

/// The note at \p Where, a place firstEscapingThrow returned
/// (describeThrowPlace's text, with its argument).
PlacedNote throwNote(const Stmt &Where);

/// The summary of the coroutine \p Coro, whose exception escapes at
/// \p Throw, keyed \p Key; none when the place depends on the caller (an
/// awaited task it hands in) or is in no file.
std::optional<Summary> throwSummary(const FunctionDecl &Coro, const Stmt &Throw,
                                    std::string Key, const SourceManager &SM);

/// The chains of \p Coro, keyed \p Key, a coroutine of the unit from which
/// no exception escapes here: one per coroutine of another unit (no body
/// here) whose task it awaits outside any try block, whose summary, if it
/// throws, makes \p Coro throw (Summary::Through; docs/summaries.md).
std::vector<Summary>
throwChains(const FunctionDecl &Coro, const std::string &Key,
            const ThrowPolicy &Policy,
            llvm::function_ref<std::string(const FunctionDecl &)> KeyOf,
            ASTContext &Ctx);

/// The notes of \p S, a summary of Throws read for the spawn at \p CallLoc.
std::vector<PlacedNote> throwSummaryNotes(const Summary &S, SourceManager &SM,
                                          SourceLocation CallLoc);

/// The function whose call makes the task \p Call spawns (an argument other
/// than \p Token, or the object of a member call), when this unit has no
/// body for it: its summary may say whether the task's exception escapes.
const FunctionDecl *declaredTaskMaker(const CallExpr &Call, const Expr *Token);

/// Where the exception of the task that \p Call spawns escapes under
/// \p Policy: from \p Coro's body, or (\p Coro null) from \p Reader's
/// summary of a coroutine another unit defines that makes the task
/// (declaredTaskMaker, \p Token excluded). The finding is at \p Call, with
/// the notes at the escape; its Message is the coroutine, as warnings name
/// it. None when nothing escapes or nothing is known.
std::optional<Finding> escapingThrowOf(const FunctionDecl *Coro,
                                       const CallExpr &Call, const Expr *Token,
                                       const ThrowPolicy &Policy,
                                       SummaryReader &Reader, ASTContext &Ctx);

/// The lists rule 3 reads besides the failure types.
struct HandlerLists {
  /// Continuations that call the handler only on failure.
  const NameMatcher &Recovery;
  /// Sender adaptors that complete with what their child completes with.
  const NameMatcher &Forwarding;
};

/// The finding at the failure parameter of \p Handler, the completion
/// handler \p Arg of \p Call, when it ignores the failure it receives
/// (ignoredFailure, \p FailureTypes) and that failure may carry an
/// exception: the coroutine \p Call runs (handledCoroutine, through the
/// Forwarding adaptors of \p Lists) throws under \p Policy (or handed in
/// tasks do), or, no coroutine seen, the failure carries no value. Not a
/// handler that never returns (it stops the run), nor one that returns a
/// value given to a continuation of the Recovery list, which calls it only
/// on failure and continues with its result: it handles the failure, as
/// `catch (...) { return fallback; }` does.
std::optional<Finding>
ignoredFailureFinding(const LambdaExpr &Handler, const Expr &Arg,
                      const CallExpr &Call, ResolvedTypes &FailureTypes,
                      const ThrowPolicy &Policy, const HandlerLists &Lists,
                      ASTContext &Ctx);

/// The finding at the function of the thread \p Construct starts, when an
/// exception escapes it under \p Policy (std::terminate).
std::optional<Finding> threadFinding(const CXXConstructExpr &Construct,
                                     const ThrowPolicy &Policy,
                                     ASTContext &Ctx);

/// The text of the note at \p Spawn, a spawn that drops the failure of the
/// task it is given (\p Spawns and \p DiscardingTokens: how it drops it).
std::string spawnNote(const CallExpr &Spawn, const NameMatcher &Spawns,
                      const NameMatcher &DiscardingTokens);

/// The finding at \p Call, which hands the task of \p Coro (described:
/// "coroutine 'work'"; \p Thrown: the notes where its exception escapes,
/// here or in another unit's summary) to \p Callee, which detaches it as
/// \p Spawn says (\p Spawns and \p DiscardingTokens: how the spawn drops
/// the failure).
Finding inHouseSpawnFinding(const CallExpr &Call, const std::string &Coro,
                            std::vector<PlacedNote> Thrown,
                            const FunctionDecl &Callee,
                            const DetachingSpawn &Spawn,
                            const NameMatcher &Spawns,
                            const NameMatcher &DiscardingTokens);

/// The finding at \p Call, which hands the task of \p Coro (whose exception
/// escapes at \p Throw) to \p Callee, which runs it as \p Run says.
Finding runningCallFinding(const CallExpr &Call, const FunctionDecl &Coro,
                           const FunctionDecl &Callee, const DroppingRun &Run,
                           const Stmt &Throw);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOSTEXCEPTIONREPORTS_H

//===--- SpawnReports.h - async-lint ----------------------------*- C++ -*-===//
//
// What async-unbounded-spawn says of tasks started without a bound: the
// findings of a loop that spawns on every iteration and of a fan-out, and,
// across units, the summary of a function that spawns detached work on
// every call without a limit (written by its unit) and the notes of such a
// summary (read by the unit that calls it in a loop).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SPAWNREPORTS_H
#define ASYNC_LINT_MODEL_SPAWNREPORTS_H

#include "FanOuts.h"
#include "PlacedNotes.h"
#include "Summaries.h"
#include "TransformedTasks.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

namespace clang::tidy::async::model {

class NameMatcher;
class SummaryReader;
class SummaryWriter;

/// True when \p Body limits how many tasks it starts run at once: it calls
/// a function of \p LimiterFunctions or a member of a class of
/// \p LimiterTypes (awaits a semaphore, a bounded channel).
bool limitsSpawns(const Stmt &Body, const NameMatcher &LimiterFunctions,
                  const NameMatcher &LimiterTypes);

/// Adds \p FD to \p Writer's summary of its unit when it spawns on every
/// call without a limit: \p Spawn, the first spawn of its body \p Body, is
/// not behind an acquisition (limitsSpawns) and \p FD is summarised.
void summariseSpawns(SummaryWriter &Writer, const FunctionDecl &FD,
                     const Stmt &Body, const CallExpr &Spawn,
                     const NameMatcher &LimiterFunctions,
                     const NameMatcher &LimiterTypes, ASTContext &Ctx);

/// The calls of \p Own's body that another unit's summary could make a
/// spawn worth reporting: those in a loop that is not statically bounded
/// and not limited (a loop's other spawns are judged alike; the check also
/// leaves out a call the loop paces, unless StrictMode). Only these are
/// asked of the summaries: asking records the key, and the driver analyses
/// a unit again for every key a summary answers.
llvm::SmallPtrSet<const Stmt *, 16>
callsInUnlimitedLoops(const OwnStmts &Own, ASTContext &Ctx,
                      const NameMatcher &LimiterFunctions,
                      const NameMatcher &LimiterTypes);

/// What \p Reader's summaries say of \p Call when its callee, defined in
/// another unit, spawns on every call; null otherwise.
const Summary *spawnsOnEveryCall(SummaryReader &Reader, const CallExpr &Call,
                                 ASTContext &Ctx);

/// The notes of \p S, a summary of Spawns read for the call at \p CallLoc.
std::vector<PlacedNote> spawnSummaryNotes(const Summary &S, SourceManager &SM,
                                          SourceLocation CallLoc);

/// The finding at \p Spawn, which starts a task on every iteration of
/// \p Loop (\p What names it as warnings do; empty: its callee), which has no
/// static bound and no limit; \p Paced: each iteration suspends before
/// spawning. \p Notes come before the loop's note.
Finding loopSpawnFinding(const CallExpr &Spawn, const Stmt &Loop, bool Paced,
                         const std::string &What,
                         std::vector<PlacedNote> Notes);

/// The finding of the fan-out \p F.
Finding fanOutFinding(const FanOut &F);

/// The finding of the transformed fan-out \p F.
Finding transformedFanOutFinding(const TransformedFanOut &F);

/// The finding at \p Call, which starts a task for each element of
/// \p Range (of runtime size) all at once; \p Name: the function or class.
Finding parallelForEachFinding(const Expr &Call, const std::string &Name,
                               const Expr &Range);

/// The findings of the coroutine \p FD spawning itself: each of \p Spawns
/// (a spawn and what it spawns) that starts a call of \p FD.
std::vector<Finding> recursionFindings(
    const FunctionDecl &FD,
    llvm::ArrayRef<std::pair<const CallExpr *, const Expr *>> Spawns);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SPAWNREPORTS_H

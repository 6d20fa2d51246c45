//===--- SummaryPlaces.h - async-lint ---------------------------*- C++ -*-===//
//
// Which functions a unit's summary describes and which calls another unit's
// summary judges, and how the places a summary names (its call path) are
// written in one unit and found again in another (model/Summaries holds the
// summaries themselves and their files).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SUMMARYPLACES_H
#define ASYNC_LINT_MODEL_SUMMARYPLACES_H

#include "Summaries.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

/// The function a call or construction runs, when it is known statically
/// (not a virtual call, which may run another function).
const FunctionDecl *staticCallee(const Stmt &S);

/// True when this unit's summary describes \p FD: defined here and called by
/// that name from other units (externally visible, not inline, not a
/// template unless an explicit instantiation or specialization, not in a
/// system header, not main), not virtual, and a coroutine
/// when \p Coroutine says so: the facts of a plain function's body are facts
/// of its call (it blocks, it spawns), a coroutine's those of its task (its
/// exception escapes), as its body may not run in its caller.
bool isSummarised(const FunctionDecl &FD, const SourceManager &SM,
                  bool Coroutine = false);

/// True when a call of \p Callee is judged by another unit's summary: this
/// unit has no body for it (a body here is the truth), and it is called by
/// a name other units define (externally visible, not inline, not implicit,
/// not a template's pattern, not in a system header; a specialization of a
/// template whose body is elsewhere is: another unit instantiates it).
bool judgedBySummary(const FunctionDecl &Callee, const SourceManager &SM);

/// The absolute path of the unit's main file; empty when it has none.
std::string mainFilePath(const SourceManager &SM);

/// Records where \p Loc is in \p Step (absolute path, line, column); false
/// when it is in no file.
bool placeStep(SourceLocation Loc, const SourceManager &SM, SummaryStep &Step);

/// The location of \p Step's place in this unit's source manager (loading a
/// file the unit does not include); invalid when the file is gone or no
/// longer has that line and column.
SourceLocation locationOf(const SummaryStep &Step, SourceManager &SM);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SUMMARYPLACES_H

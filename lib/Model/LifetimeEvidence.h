//===--- LifetimeEvidence.h - async-lint ------------------------*- C++ -*-===//
//
// The evidence of a lifetime finding as data: the places, in the order they
// are told, and what happened at each. The model's lifetime rules return it;
// the lifetime checks (async-dangling-reference, async-lambda-capture-
// lifetime) word it, their warnings each, the notes with one helper
// (lib/Checks/LifetimeNotes), so that the model names what happened
// without depending on clang-tidy.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LIFETIMEEVIDENCE_H
#define ASYNC_LINT_MODEL_LIFETIMEEVIDENCE_H

#include "TaskFlow.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <variant>

namespace clang::tidy::async::model {

/// What a step of the evidence says happened. The first step of a finding
/// is its warning, the others its notes; each has one wording, whose
/// arguments are the step's: a warning's in its check, a note's in
/// lib/Checks/LifetimeNotes.cpp (each check's warnings, then the notes, are
/// kept together and in order here, as their tables are).
enum class Said : unsigned {
  // The warnings of async-dangling-reference.
  ParamTemporary,
  ParamLocal,
  ObjectTemporary,
  ObjectLocal,
  DetachedThis,
  DetachedOwnedByLocal,
  DetachedOwnedByTemporary,
  DeclaredParamTemporary,
  DeclaredParamLocal,
  DeclaredObjectTemporary,
  DeclaredObjectLocal,
  StrictParameter,
  DetachingCallLocal,
  DetachingCallTemporary,
  LoopRangeDies,
  ReferenceToAwaitedTemporary,
  AwaitedPart,
  LoopOverContainer,
  PointsIntoContainer,
  UncheckedWeakSelf,
  ForwardedTemporary,
  ForwardedLocal,
  // The warnings of async-lambda-capture-lifetime.
  ClosureTemporary,
  ClosureLocal,
  DetachedLambdaThis,
  CapturedLocal,
  CallbackDropsTask,
  CallbackDestroysClosure,
  ComposedImplementation,
  BorrowedCapture,
  DetachingLambdaLocal,
  DetachingLambdaTemporary,
  // The notes.
  TaskIs,
  EagerTaskDropped,
  LocalDestroyed,
  TemporaryDestroyed,
  UsedWhenTaskRuns,
  UsedAfterSuspending,
  DeclaredLifetimebound,
  DeclaredBorrow,
  ResumeReturnsReference,
  OpaqueResumeReturnsReference,
  UsedAfterTemporaryDies,
  ItUsedAfterTemporaryDies,
  MaySuspend,
  ContainerModified,
  LoopMovesOn,
  UsedAfterTheSuspension,
  MaySuspendObjectMayDie,
  WeakReferenceTaken,
  SpawnedDetached,
  FunctionObjectHolds,
  HandsItOn,
  LambdaCalledTaskDropped,
  LambdaCalledThenDestroyed,
  SharedFromThisFix,
  InitiationDestroyed,
  /// A use another unit's summary names, at a place no longer in its file.
  SummarisedUse,
  /// The spawn of another unit's function that detaches the task (its
  /// summary), at its place or, when no longer in its file, at the call.
  SummarisedDetach,
  SummarisedDetachMoved,
  /// A declared-only virtual coroutine with no override defined here.
  DeclaredVirtual,
  /// An awaited algorithm (WalkingAlgorithms) that walks a container.
  AlgorithmWalks,
};

/// One argument of a step's wording: a declaration (quoted by name), a text,
/// a type, or a number (for a select).
using EvidenceArg = std::variant<const NamedDecl *, std::string, QualType, int>;

/// One place of a finding and what happened there.
struct EvidenceStep {
  Said What;
  SourceLocation At;
  llvm::SmallVector<EvidenceArg, 4> Args;
  /// The range the warning highlights (none for notes).
  SourceRange Range;
};

/// A finding: its warning's step, then its notes', in the order told.
struct LifetimeEvidence {
  llvm::SmallVector<EvidenceStep, 5> Steps;
  /// Reported once per place in a unit (true), or each time it is found.
  bool Once = true;

  /// Where the finding is reported.
  SourceLocation at() const { return Steps.front().At; }
  LifetimeEvidence &add(Said What, SourceLocation At,
                        std::initializer_list<EvidenceArg> Args = {},
                        SourceRange Range = {}) {
    Steps.push_back({What, At, Args, Range});
    return *this;
  }
};

/// What dies, for the notes: a temporary (\p Temporary names it, e.g. "the
/// temporary", "the closure") or the local \p Local.
struct Casualty {
  llvm::StringRef Temporary;
  const NamedDecl *Local = nullptr;
  SourceLocation Dies;
};

/// Adds the steps of a task outliving what it uses: what becomes of the task
/// (\p Fate) and where \p Victim dies, in source order, then where the
/// coroutine uses it (\p Use, named \p UseName, none when null), lazily (only
/// once awaited) or after a suspension.
void addLifetimeSteps(LifetimeEvidence &E, const SourceManager &SM,
                      const TaskFate &Fate, const Casualty &Victim,
                      const Stmt *Use, llvm::StringRef UseName, bool Lazy);

/// The step naming a use of \p UseName at \p Use: when the task runs
/// (\p Lazy) or after the coroutine may have suspended.
void addUseStep(LifetimeEvidence &E, const Stmt &Use, llvm::StringRef UseName,
                bool Lazy);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LIFETIMEEVIDENCE_H

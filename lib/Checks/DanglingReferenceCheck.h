//===--- DanglingReferenceCheck.h - async-lint ------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H
#define ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H

#include "../Model/BorrowedParameters.h"
#include "../Model/CallLifetimes.h"
#include "../Model/DetachedParameters.h"
#include "../Model/FlagOptions.h"
#include "../Model/HoldLifetimes.h"
#include "../Model/JoiningDestructors.h"
#include "../Model/ListOptions.h"
#include "../Model/TaskWaits.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds reference, pointer and view parameters of coroutines whose referent
/// dies while the coroutine still uses it.
///
/// Its rules are the model's, asked per call and per coroutine: call-site
/// lifetimes, of coroutines defined here or only declared and through
/// wrappers, and member coroutines run detached on an object nothing keeps
/// alive (model/CallLifetimes); references into an awaited temporary, into
/// a member or shared container other code modifies while the coroutine is
/// suspended, and '*this' reached after a suspension without checking a
/// weak reference (model/HoldLifetimes). The check words the evidence
/// (LifetimeNotes).
class DanglingReferenceCheck : public AsyncCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;
  void endTranslationUnit() override {
    Borrows.endUnit();
    Joins.endUnit();
    Detaches.endUnit();
    OwnWaits.clear();
  }

private:
  /// The session's analyses under this check's library lists.
  model::LibraryAnalyses analyses();
  model::CallLifetimeRules callRules();
  /// Reports each finding of \p Found not reported at its place yet.
  void report(const model::LifetimeFindings &Found);

  // The options, read and stored through these tables.
  static const model::ListOption<DanglingReferenceCheck> Lists[];
  static const model::FlagOption<DanglingReferenceCheck> Flags[];
  static const model::ListOption<model::ContainerFamilies> ContainerLists[];
  model::NameMatcher OwnerFunctions;
  model::NameMatcher ViewTypes;
  model::NameMatcher FunctionWrappers;
  /// Blocking calls (a task destructor that waits with one joins the task).
  model::NameMatcher BlockingWaits;
  /// The caller's own waits for a task (async-lambda-capture-lifetime's).
  model::TaskWaits OwnWaits{BlockingWaits, Lib};
  bool ReferenceWrappers = true, StrictParameters = false;
  /// Also report a detached '*this' of a class not made to be shared.
  bool StrictDetachedThis = false;
  bool OpaqueAwaitResults = false, DeclaredEagerTemporaries = false;
  model::LateParameterUses LateUses;
  model::DeclaredCoroutines Declared;
  model::ContainerFamilies Containers; // what keeps what across modifiers
  model::ContainerModifications Modifications{Containers};
  model::DetachedObjects Detached{OwnerFunctions, LateUses};
  /// The `borrows` facts of summaries (SummaryOutput, SummaryDirectory).
  model::ParameterBorrows Borrows;
  /// Summaries' `joins` facts (task destructors that wait for the frame).
  model::DestructorJoins Joins;
  /// Summaries' `detaches` facts: other units' functions that detach a task.
  model::DetachedHandOffs Detaches;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H

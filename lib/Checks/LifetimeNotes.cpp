//===--- LifetimeNotes.cpp - async-lint -----------------------------------===//

#include "LifetimeNotes.h"

namespace clang::tidy::async {

namespace {

using model::Said;

// The wording of each note, in the order of model::Said from TaskIs on.
constexpr llvm::StringLiteral Notes[] = {
    "the task is %0",
    "the eager task is dropped here and runs on detached",
    "%0 is destroyed here",
    "%0 is destroyed at the end of this full expression",
    "%0 is used here, when the task runs",
    "%0 is used here, after the coroutine may have suspended",
    "%0 is declared 'lifetimebound' here; its coroutine is defined elsewhere, "
    "and its task may use %0 when it runs",
    "%0 is declared here and defined elsewhere, so its task may use what it "
    "is given when it runs; %1 is %select{a lazy task type: the body runs "
    "only after the call has returned|marked 'coro_lifetimebound'|an eager "
    "task type: it may use the parameter after it first suspends "
    "(DeclaredEagerTemporaries)}2",
    "%0 returns a reference into the awaited object",
    "%0 returns a reference, and its body is not visible (OpaqueAwaitResults "
    "reads it as one into the awaited object)",
    "%0 is used here, after the temporary is destroyed",
    "it is used here, after the temporary is destroyed",
    "the coroutine may suspend here",
    "%0 is modified here",
    "the loop moves on to the next element here, after the suspension",
    "%0 is used here, after the suspension",
    "the coroutine may suspend here, and the object may be destroyed "
    "meanwhile",
    "%0 is taken here; lock it after each suspension and reach the object "
    "through the locked pointer",
    "the task is spawned detached here",
    "the function object holds %0",
    "%0 hands it on here",
    "the lambda is called here, and its task dropped; the closure is destroyed "
    "at the end of the full expression that passes it",
    "the lambda is called here, and destroyed when this function returns",
    "%select{give the coroutine|capture}0 a 'shared_from_this()' copy to keep "
    "the object alive while the task runs",
    "the initiation object that holds the closure is destroyed once the "
    "operation has started; pass what the coroutine needs as arguments of the "
    "initiation",
    "%0 is used at %1, after the coroutine may have suspended (summary)",
    "%0 detaches the task: %1",
    "%0 detached the task at %1 (summary): %2",
    "%0 is virtual and this unit defines no override of it: the call is "
    "judged by the declared task type",
    "%0 steps through it while the coroutine is suspended here "
    "(WalkingAlgorithms)",
};

static_assert(std::size(Notes) == static_cast<size_t>(Said::AlgorithmWalks) -
                                      static_cast<size_t>(Said::TaskIs) + 1,
              "one wording per note of model::Said");

void addArgument(DiagnosticBuilder &D, const model::EvidenceArg &Arg) {
  std::visit([&](const auto &Value) { D << Value; }, Arg);
}

} // namespace

void reportEvidence(AsyncCheck &Check, const model::LifetimeEvidence &E,
                    llvm::ArrayRef<llvm::StringLiteral> Warnings,
                    model::Said FirstWarning) {
  bool First = true;
  for (const model::EvidenceStep &Step : E.Steps) {
    auto What = static_cast<unsigned>(Step.What);
    StringRef Wording =
        First ? Warnings[What - static_cast<unsigned>(FirstWarning)]
              : Notes[What - static_cast<unsigned>(Said::TaskIs)];
    DiagnosticBuilder D = Check.diag(
        Step.At, Wording, First ? DiagnosticIDs::Warning : DiagnosticIDs::Note);
    for (const model::EvidenceArg &Arg : Step.Args)
      addArgument(D, Arg);
    if (Step.Range.isValid())
      D << Step.Range;
    First = false;
  }
}

} // namespace clang::tidy::async

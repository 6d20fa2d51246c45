//===--- LifetimeNotes.cpp - async-lint -----------------------------------===//

#include "LifetimeNotes.h"

namespace clang::tidy::async {

namespace {

using model::Said;

// The wording of each step, kept in the order of model::Said.
constexpr llvm::StringLiteral Wording[] = {
    // async-dangling-reference.
    "parameter %0 of %1 refers to a temporary that is destroyed before the "
    "task is done with it",
    "parameter %0 of %1 refers to local %2, which is destroyed while the task "
    "may still run",
    "%0 is called on a temporary that is destroyed before the task is done "
    "with it",
    "%0 is called on local %1, which is destroyed while the task may still "
    "run",
    "%0 runs detached on '*this', and nothing keeps the object alive%select{|; "
    "give the coroutine a 'shared_from_this()' copy to hold}1",
    "%0 runs detached on an object owned by local %1, which is destroyed "
    "while the task may still run",
    "%0 runs detached on an object owned by a temporary that is destroyed "
    "before the task is done with it",
    "parameter %0 of %1 refers to a temporary that is destroyed before the "
    "task it returns is done; %1 is defined elsewhere, and its task may use "
    "%0 when it runs",
    "parameter %0 of %1 refers to local %2, which is destroyed while the task "
    "it returns may still run; %1 is defined elsewhere, and its task may use "
    "%0 when it runs",
    "%0 is called on a temporary that is destroyed before the task it returns "
    "is done; %0 is defined elsewhere, and its task may use the object when "
    "it runs",
    "%0 is called on local %1, which is destroyed while the task it returns "
    "may still run; %0 is defined elsewhere, and its task may use the object "
    "when it runs",
    "parameter %0 of %1 is used after a suspension point, when what it refers "
    "to may be gone",
    "%0 runs %1 detached on an object owned by local %2, which is destroyed "
    "while the task may still run",
    "%0 runs %1 detached on a temporary object that is destroyed before the "
    "task is done with it",
    "the range of this loop is a reference into the result of 'co_await' on "
    "a temporary, which is destroyed before the loop starts",
    "reference %0 is bound to the result of 'co_await' on a temporary, which "
    "is destroyed at the end of the full expression",
    "%select{reference %1 is bound to|reference %1 is bound to a member "
    "of|this structured binding refers to|view %1 refers into}0 the result of "
    "'co_await' on a temporary, destroyed at the end of the full expression",
    "the loop over %select{member|global|static}1 %0 holds an iterator across "
    "a suspension point, while other code may modify %0",
    "%0 points into %select{member|global|static}2 %1 and is used after a "
    "suspension point, while other code may modify %1",
    "%0 reaches '*this' after a suspension point without checking its weak "
    "reference %1",
    "%0 passes %1 on to %2, which refers to a temporary destroyed before the "
    "task is done",
    "%0 passes %1 on to %2, which refers to local %3, destroyed while the "
    "task may still run",
    // async-lambda-capture-lifetime.
    "the closure of this coroutine lambda is destroyed before its task is "
    "done with the captures",
    "closure %0 of a coroutine lambda is destroyed while its task may still "
    "use the captures",
    "'this' is captured by a coroutine lambda that runs detached, and nothing "
    "keeps the object alive; capture a 'shared_from_this()' copy",
    "local %0 is captured by reference by a coroutine lambda whose task "
    "outlives it",
    "coroutine lambda with captures is passed to %0, which calls it and drops "
    "its task; the closure is destroyed at the end of this full expression, "
    "while the coroutine may still run",
    "coroutine lambda with captures is passed to %0, which destroys it once "
    "the call returns, while the coroutine may still run",
    "coroutine lambda with captures is the implementation given to %0, which "
    "does not keep the closure until the coroutine completes (the initiation "
    "object holding it is destroyed once the operation has started); pass "
    "what it needs as arguments of the initiation",
    "parameter %0 of %1 refers to capture %2 of a lambda that is destroyed "
    "once %3 has called it, while the coroutine may still run",
    "%0 starts a coroutine lambda capturing 'this' detached, on an object "
    "owned by local %1, which is destroyed while the task may still run",
    "%0 starts a coroutine lambda capturing 'this' detached, on a temporary "
    "object that is destroyed before the task is done with it",
    // The notes.
    "the task is %0",
    "the eager task is dropped here and runs on detached",
    "%0 is destroyed here",
    "%0 is destroyed at the end of this full expression",
    "%0 is used here, when the task runs",
    "%0 is used here, after the coroutine may have suspended",
    "%0 is declared 'lifetimebound' here",
    "%0 is declared here; %1 is %select{a lazy task type: the body runs only "
    "after the call has returned|marked 'coro_lifetimebound'|an eager task "
    "type: it may use the parameter after it first suspends "
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
    "the lambda is called here, and its task dropped",
    "the lambda is called here, and destroyed when this function returns",
};

static_assert(std::size(Wording) ==
                  static_cast<size_t>(Said::LambdaCalledThenDestroyed) + 1,
              "one wording per model::Said");

void addArgument(DiagnosticBuilder &D, const model::EvidenceArg &Arg) {
  std::visit([&](const auto &Value) { D << Value; }, Arg);
}

} // namespace

void reportEvidence(AsyncCheck &Check, const model::LifetimeEvidence &E) {
  bool First = true;
  for (const model::EvidenceStep &Step : E.Steps) {
    DiagnosticBuilder D =
        Check.diag(Step.At, Wording[static_cast<unsigned>(Step.What)],
                   First ? DiagnosticIDs::Warning : DiagnosticIDs::Note);
    for (const model::EvidenceArg &Arg : Step.Args)
      addArgument(D, Arg);
    if (Step.Range.isValid())
      D << Step.Range;
    First = false;
  }
}

} // namespace clang::tidy::async

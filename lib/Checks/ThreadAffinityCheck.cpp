//===--- ThreadAffinityCheck.cpp - async-lint -----------------------------===//

#include "ThreadAffinityCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/UsesAfterThreadMove.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral IgnoredFunctionsOpt = "IgnoredFunctions";
constexpr llvm::StringLiteral SameThreadTaskTypesOpt = "SameThreadTaskTypes";
constexpr llvm::StringLiteral ThreadAffineFunctionsOpt =
    "ThreadAffineFunctions";
constexpr llvm::StringLiteral ThreadIdFunctionsOpt = "ThreadIdFunctions";
constexpr llvm::StringLiteral PerThreadValueFunctionsOpt =
    "PerThreadValueFunctions";
constexpr llvm::StringLiteral ResumeElsewhereFunctionsOpt =
    "ResumeElsewhereFunctions";
constexpr llvm::StringLiteral ThreadTypesOpt = "ThreadTypes";
constexpr llvm::StringLiteral StrictResumeThreadOpt = "StrictResumeThread";

/// Operations whose await resumes the coroutine on another executor or on a
/// pool's thread. Not asio's post/dispatch: an asio::awaitable is resumed
/// through its own executor, whatever the operation's is.
constexpr llvm::StringLiteral DefaultResumeElsewhereFunctions =
    "::coro::thread_pool::schedule;::coro::thread_pool::yield;"
    "::coro::scheduler::schedule;::coro::scheduler::yield;"
    "::coro::io_scheduler::schedule;::coro::io_scheduler::yield;"
    "::cppcoro::static_thread_pool::schedule;::cppcoro::io_service::schedule;"
    "::cppcoro::resume_on;::concurrencpp::resume_on;"
    "::async_simple::coro::dispatch";

} // namespace

ThreadAffinityCheck::ThreadAffinityCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines),
      IgnoredFunctions(Options.get(IgnoredFunctionsOpt, "")),
      SameThreadTaskTypes(Options.get(SameThreadTaskTypesOpt, "")),
      ThreadAffineFunctions(
          Options.get(ThreadAffineFunctionsOpt, "::__errno_location")),
      ThreadIdFunctions(
          Options.get(ThreadIdFunctionsOpt,
                      "::std::this_thread::get_id;::pthread_self;::gettid")),
      PerThreadValueFunctions(
          Options.get(PerThreadValueFunctionsOpt,
                      "::std::uncaught_exceptions;::std::uncaught_exception")),
      ResumeElsewhereFunctions(Options.get(ResumeElsewhereFunctionsOpt,
                                           DefaultResumeElsewhereFunctions)),
      ThreadTypes(Options.get(ThreadTypesOpt, "::std::thread;::std::jthread")),
      StrictResumeThread(Options.get(StrictResumeThreadOpt, false)),
      Resume(ResumeElsewhereFunctions, ThreadTypes),
      Bound(ThreadAffineFunctions, ThreadIdFunctions),
      Guards(Bound, ThreadIdFunctions, PerThreadValueFunctions) {}

void ThreadAffinityCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, IgnoredFunctionsOpt, IgnoredFunctions.str());
  Options.store(Opts, SameThreadTaskTypesOpt, SameThreadTaskTypes.str());
  Options.store(Opts, ThreadAffineFunctionsOpt, ThreadAffineFunctions.str());
  Options.store(Opts, ThreadIdFunctionsOpt, ThreadIdFunctions.str());
  Options.store(Opts, PerThreadValueFunctionsOpt,
                PerThreadValueFunctions.str());
  Options.store(Opts, ResumeElsewhereFunctionsOpt,
                ResumeElsewhereFunctions.str());
  Options.store(Opts, ThreadTypesOpt, ThreadTypes.str());
  Options.store(Opts, StrictResumeThreadOpt, StrictResumeThread);
}

void ThreadAffinityCheck::startTranslationUnit() {
  Bound.clear();
  Guards.clear();
  Evidence.clear();
  Resume.clear();
}

bool ThreadAffinityCheck::movesThread(const CoroutineSuspendExpr &Suspension) {
  auto [It, New] = Evidence.try_emplace(&Suspension);
  if (New)
    It->second = Resume.evidenceAt(Suspension);
  return StrictResumeThread || It->second;
}

void ThreadAffinityCheck::noteResumesElsewhere(
    const CoroutineSuspendExpr &Suspension) {
  model::ResumeEvidence E = Evidence.lookup(&Suspension);
  switch (E.Kind) {
  case model::ResumeEvidence::None:
    // Only under StrictResumeThread: nothing shows where it resumes.
    diag(Suspension.getBeginLoc(),
         "the coroutine may resume on another thread after this suspension",
         DiagnosticIDs::Note);
    return;
  case model::ResumeEvidence::Transfer:
    diag(Suspension.getBeginLoc(),
         "the coroutine may resume on another thread after this suspension: "
         "%0 resumes it on another executor or a pool's thread",
         DiagnosticIDs::Note)
        << E.Via << E.Where->getSourceRange();
    return;
  case model::ResumeEvidence::NewThread:
  case model::ResumeEvidence::HandedToTransfer:
    diag(Suspension.getBeginLoc(),
         "the coroutine may resume on another thread after this suspension: "
         "its awaiter hands the coroutine to %select{a new thread|%1}0",
         DiagnosticIDs::Note)
        << (E.Kind == model::ResumeEvidence::HandedToTransfer) << E.Via;
    diag(E.Where->getBeginLoc(),
         "%select{a %1 started here|%1 called here}0 resumes the coroutine",
         DiagnosticIDs::Note)
        << (E.Kind == model::ResumeEvidence::HandedToTransfer) << E.Via
        << E.Where->getSourceRange();
    return;
  }
}

void ThreadAffinityCheck::checkTaking(CheckedFunction &F, const VarDecl &Var,
                                      const Stmt &From,
                                      const model::ThreadTaking &T,
                                      const model::ThreadIdUses &U) {
  auto IsUse = [&](const Stmt &S) { return model::readsTaken(S, Var, T, U); };
  // What Var holds is taken anew where it is declared or assigned again.
  auto Ends = [&](const Stmt &S) { return model::retakes(S, Var); };
  // Without evidence asked for, any suspension that can suspend counts, as
  // the shared flow reads it.
  model::LateUse Late =
      StrictResumeThread
          ? F.suspensions().firstUseAcross(From, IsUse, Ends)
          : model::firstUseAfterMove(
                F.suspensions(), From, IsUse, Ends,
                [&](const CoroutineSuspendExpr &S) { return movesThread(S); },
                F.Ctx.getSourceManager());
  if (Late.Suspension)
    movesThread(*Late.Suspension);
  SourceLocation Loc =
      isa<DeclStmt>(From) ? Var.getLocation() : From.getBeginLoc();
  if (!Late.Use || !reportOnce(Loc))
    return;
  // State a listed function hands out is not a thread_local we can name.
  bool Handed =
      isa<FunctionDecl>(T.Source) && T.Kind != model::ThreadTaking::ThreadId;
  // The warning says what is held; the note at the use says what it may
  // hold there.
  unsigned Kind = T.Kind + (Handed ? 3 : 0);
  diag(Loc, "%0 %select{points to thread_local %1|refers to thread_local "
            "%1|is computed from the current thread's id|points to per-thread "
            "state returned by %1|refers to per-thread state returned by %1}2 "
            "and is used after a suspension point")
      << &Var << T.Source << Kind;
  diag(T.Where->getBeginLoc(),
       "%select{the address is taken|the reference is bound|the thread id is "
       "taken}0 here",
       DiagnosticIDs::Note)
      << T.Kind << T.Where->getSourceRange();
  noteResumesElsewhere(*Late.Suspension);
  diag(Late.Use->getBeginLoc(),
       "%0 is used here, after the suspension, when it may %select{point to "
       "another thread's %1|refer to another thread's %1|describe the thread "
       "it left|point to state of the thread it left|refer to state of the "
       "thread it left}2",
       DiagnosticIDs::Note)
      << &Var << T.Source << Kind;
}

void ThreadAffinityCheck::checkLocals(CheckedFunction &F) {
  std::optional<model::ThreadIdUses> U;
  Bound.forEachTaking(
      F.Body,
      [&](const VarDecl &Var, const Stmt &S, const model::ThreadTaking &T) {
        if (!U)
          U = Bound.usesIn(F.Body, &F.own());
        checkTaking(F, Var, S, T, *U);
      },
      &F.own());
}

void ThreadAffinityCheck::checkGuards(CheckedFunction &F) {
  for (const model::GuardAtSuspension &Held : Guards.atSuspensions(
           F.Body,
           [&]() -> const model::SuspensionFlow & { return F.suspensions(); },
           &F.own())) {
    const VarDecl *Var = Held.Var;
    const model::GuardCapture &Capture = Held.Capture;
    if (!movesThread(*Held.Suspension) || !reportOnce(Var->getLocation()))
      continue;
    diag(Var->getLocation(),
         "%0 is alive across a suspension point and its destructor uses "
         "per-thread state its constructor captured")
        << Var;
    diag(Capture.Capture->getBeginLoc(),
         "the constructor captures per-thread state in %0 here",
         DiagnosticIDs::Note)
        << Capture.Field << Capture.Capture->getSourceRange();
    noteResumesElsewhere(*Held.Suspension);
    diag(Capture.DestructorUse->getBeginLoc(),
         "the destructor uses %0 here: state of the thread the coroutine "
         "left, if it resumed on another",
         DiagnosticIDs::Note)
        << Capture.Field;
  }
}

void ThreadAffinityCheck::checkFunction(CheckedFunction &F) {
  // The names are built only when a list is given (both are empty by
  // default).
  if ((!IgnoredFunctions.empty() &&
       IgnoredFunctions.matches(model::canonicalName(F.Decl))) ||
      (!SameThreadTaskTypes.empty() &&
       SameThreadTaskTypes.matches(
           model::canonicalTypeName(F.Decl.getReturnType()))))
    return;
  if (!F.maySuspend())
    return;
  // Most functions hold nothing thread-bound: not walked for takings.
  if (Bound.mayTake(F.events(), F.own()))
    checkLocals(F);
  checkGuards(F);
}

} // namespace clang::tidy::async

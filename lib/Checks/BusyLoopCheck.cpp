//===--- BusyLoopCheck.cpp - async-lint -----------------------------------===//

#include "BusyLoopCheck.h"
#include "../Model/Awaitables.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Expressions.h"
#include "../Model/LoopProgress.h"
#include "../Model/RetryLoops.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral IgnoredFunctionsOpt = "IgnoredFunctions";
constexpr llvm::StringLiteral CheckpointFunctionsOpt = "CheckpointFunctions";
constexpr llvm::StringLiteral MayFailFunctionsOpt = "MayFailFunctions";
// Operations that return failure, changing nothing, when what they need is
// not there yet (an empty queue, a held lock, a full channel).
constexpr llvm::StringLiteral DefaultMayFailFunctions =
    "try_pop;try_push;try_dequeue;try_enqueue;try_receive;try_send;"
    "try_lock;try_lock_shared;try_acquire;try_wait;try_read;try_write;"
    "try_get;try_take;try_put";
constexpr llvm::StringLiteral CheckRuntimeBoundedLoopsOpt =
    "CheckRuntimeBoundedLoops";
constexpr llvm::StringLiteral DefaultCheckpointFunctions =
    "seastar::coroutine::maybe_yield;seastar::thread::yield;"
    "seastar::thread::maybe_yield;seastar::yield;seastar::later;"
    "folly::coro::co_reschedule_on_current_executor;"
    "::coro::scheduler::yield;::coro::scheduler::schedule;"
    "::coro::thread_pool::yield;::coro::thread_pool::schedule;"
    "::coro::io_scheduler::yield;::coro::io_scheduler::schedule;"
    "async_simple::coro::Yield;concurrencpp::resume_on";

bool isLoop(const Stmt &S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

/// True for a loop that can never end and does nothing at all: no
/// condition (or a constant true one), no increment, an empty body
/// (`for (;;) {}`, `while (true);`). C++ lets the compiler assume that a
/// loop without side effects ends ([intro.progress]), so reaching one is
/// undefined: it is written only as a marker of code that never runs (after
/// a co_await that never resumes the coroutine, to stand in for a
/// co_return), not as a wait.
bool isUnreachableMarker(const Stmt &Loop, const ASTContext &Ctx) {
  auto Empty = [](const Stmt *Body) {
    if (!Body || isa<NullStmt>(Body))
      return true;
    const auto *Block = dyn_cast<CompoundStmt>(Body);
    return Block && Block->body_empty();
  };
  auto AlwaysTrue = [&](const Expr *Cond) {
    bool Value = false;
    return !Cond || (!Cond->isValueDependent() &&
                     Cond->EvaluateAsBooleanCondition(Value, Ctx) && Value);
  };
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return !For->getInit() && !For->getInc() && !For->getConditionVariable() &&
           AlwaysTrue(For->getCond()) && Empty(For->getBody());
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return !While->getConditionVariable() && AlwaysTrue(While->getCond()) &&
           Empty(While->getBody());
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return AlwaysTrue(Do->getCond()) && Empty(Do->getBody());
  return false;
}

} // namespace

BusyLoopCheck::BusyLoopCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines),
      IgnoredFunctions(Options.get(IgnoredFunctionsOpt, "")),
      CheckpointFunctions(
          Options.get(CheckpointFunctionsOpt, DefaultCheckpointFunctions)),
      MayFailFunctions(
          Options.get(MayFailFunctionsOpt, DefaultMayFailFunctions)),
      CheckRuntimeBoundedLoops(
          Options.get(CheckRuntimeBoundedLoopsOpt, false)) {}

void BusyLoopCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, IgnoredFunctionsOpt, IgnoredFunctions.str());
  Options.store(Opts, CheckpointFunctionsOpt, CheckpointFunctions.str());
  Options.store(Opts, MayFailFunctionsOpt, MayFailFunctions.str());
  Options.store(Opts, CheckRuntimeBoundedLoopsOpt, CheckRuntimeBoundedLoops);
}

bool BusyLoopCheck::isCheckpointCall(const Stmt &S) const {
  // folly's co_reschedule_on_current_executor is an object, not a call.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
    return isa<VarDecl>(Ref->getDecl()) &&
           CheckpointFunctions.matches(model::canonicalName(*Ref->getDecl()));
  std::optional<model::CallInfo> Info = model::describeCall(S);
  return Info && (model::anyNameMatches(CheckpointFunctions, *Info) ||
                  model::anyNameMatches(Lib.AsyncSleepFunctions, *Info));
}

bool BusyLoopCheck::isEagerType(QualType T) {
  T = T.getNonReferenceType();
  if (T.isNull() || T->isDependentType())
    return false;
  const Type *Key = T->getCanonicalTypeUnqualified().getTypePtr();
  if (auto It = EagerTypes.find(Key); It != EagerTypes.end())
    return It->second;
  // A generator goes on after each value: every await of it may suspend.
  if (model::yieldsValues(T))
    return EagerTypes[Key] = false;
  bool Eager = model::lazinessOf(T) == model::Laziness::Eager;
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      !Eager && RD && RD->hasDefinition())
    Eager = llvm::any_of(RD->methods(), [&](const CXXMethodDecl *M) {
      std::string Name = model::canonicalName(*M);
      return Lib.JoinMembers.matches(Name) ||
             Lib.Readiness.ReadyOnAwait.matches(Name);
    });
  return EagerTypes[Key] = Eager;
}

bool BusyLoopCheck::readyAfterFirstAwait(const Expr *Operand,
                                         const Stmt &Loop) {
  const ValueDecl *Awaited = model::namedDecl(Operand);
  if (!Awaited || !isa<VarDecl, FieldDecl>(Awaited) ||
      !isEagerType(Awaited->getType()))
    return false;
  const SourceManager &SM = Awaited->getASTContext().getSourceManager();
  if (SM.isPointWithin(Awaited->getLocation(), Loop.getBeginLoc(),
                       Loop.getEndLoc()))
    return false; // A new one each iteration.
  bool Reassigned = false;
  model::forEachOwnStmt(&Loop, [&](const Stmt &S) {
    auto [Target, Value] = model::assignmentParts(&S);
    Reassigned = Reassigned || (Target && model::namedDecl(Target) == Awaited);
  });
  return !Reassigned;
}

bool BusyLoopCheck::yields(const Stmt &Loop, CheckedFunction &F,
                           bool &OnlyFirst) {
  bool Checkpoint = false;
  model::forEachOwnStmt(&Loop, [&](const Stmt &S) {
    Checkpoint = Checkpoint || isCheckpointCall(S);
  });
  if (Checkpoint)
    return true;
  std::vector<const CoroutineSuspendExpr *> Points =
      F.suspensions().pointsWithin(Loop);
  for (const CoroutineSuspendExpr *Point : Points) {
    const auto *Await = dyn_cast<CoawaitExpr>(Point);
    if (!Await || !readyAfterFirstAwait(Await->getOperand(), Loop))
      return true;
  }
  OnlyFirst = !Points.empty();
  return false;
}

void BusyLoopCheck::checkLoop(const Stmt &Loop, const Stmt *Next,
                              CheckedFunction &F) {
  if (isUnreachableMarker(Loop, F.Ctx))
    return;
  model::LoopProgress Progress = model::loopProgress(Loop, F.Ctx);
  Kind What = Kind::None;
  if (Progress.Bound == model::LoopBound::Spin)
    What = Kind::Spin;
  else if (Progress.Bound == model::LoopBound::Endless)
    What = Kind::Endless;
  else if (Progress.Bound == model::LoopBound::Runtime &&
           CheckRuntimeBoundedLoops)
    What = Kind::RuntimeBound;
  // A loop that leaves only once a try-operation succeeded waits for
  // another task to make it succeed, though the call is not const.
  const CallExpr *Retried = nullptr;
  if (What == Kind::None || What == Kind::RuntimeBound)
    if ((Retried = model::retriedCall(Loop, F.Ctx, MayFailFunctions)))
      What = Kind::Spin;
  bool OnlyFirst = false;
  // Before the first suspension of a coroutine that a plain thread starts,
  // the loop keeps no executor's tasks from running.
  if (What == Kind::None || yields(Loop, F, OnlyFirst) ||
      PlainStarts.runsOnPlainThread(F.Decl, Loop, Lib.SyncWaitFunctions,
                                    Facts.session(), Facts.libraryId()) ||
      !reportOnce(Loop.getBeginLoc()))
    return;
  diag(Loop.getBeginLoc(),
       "loop %select{never suspends|suspends at most on its first "
       "iteration}0: %select{while it spins|while it runs|for as many "
       "iterations as its data has}1, no other task on this executor runs")
      << OnlyFirst << static_cast<int>(What) - 1;
  if (Retried) {
    std::optional<model::CallInfo> Info = model::describeCall(*Retried);
    diag(Retried->getBeginLoc(),
         "%0 may fail without changing anything; the loop retries it until "
         "another task makes it succeed",
         DiagnosticIDs::Note)
        << (Info ? "'" + model::displayName(Info->Names.front()) + "'"
                 : std::string("this call"))
        << Retried->getSourceRange();
  } else if (Progress.WaitsOn)
    diag(Progress.WaitsOn->getBeginLoc(),
         "this condition depends only on state the loop does not change",
         DiagnosticIDs::Note)
        << Progress.WaitsOn->getSourceRange();
  if (!Next || isLoop(*Next))
    return;
  std::vector<const CoroutineSuspendExpr *> After =
      F.suspensions().pointsWithin(*Next);
  if (!After.empty())
    diag(After.front()->getBeginLoc(), "the loop's only yield is after it",
         DiagnosticIDs::Note);
}

void BusyLoopCheck::checkFunction(CheckedFunction &F) {
  // Most functions have no loop: nothing to ask, not even their name.
  llvm::ArrayRef<const Stmt *> Loops = F.events().loops();
  if (Loops.empty())
    return;
  // A synchronous generator runs on its consumer's thread, which need not
  // be an executor's.
  if (IgnoredFunctions.matches(model::canonicalName(F.Decl)) ||
      model::isSynchronousGenerator(F.Decl.getReturnType()))
    return;
  // Each loop, and the statement after it: a yield there may have been
  // meant for the loop (a brace closed it too early).
  llvm::DenseMap<const Stmt *, const Stmt *> After;
  for (const Stmt *S : F.own().all())
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      for (unsigned I = 1; I < Block->size(); ++I)
        if (isLoop(*Block->body_begin()[I - 1]))
          After[Block->body_begin()[I - 1]] = Block->body_begin()[I];
  for (const Stmt *Loop : Loops)
    checkLoop(*Loop, After.lookup(Loop), F);
}

} // namespace clang::tidy::async

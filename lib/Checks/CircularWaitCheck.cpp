//===--- CircularWaitCheck.cpp - async-lint -------------------------------===//

#include "CircularWaitCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Expressions.h"
#include "../Model/FirstArrival.h"
#include "../Model/SingleThreadContext.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral EventTypesOpt = "EventTypes";
constexpr llvm::StringLiteral EventWaitMembersOpt = "EventWaitMembers";
constexpr llvm::StringLiteral EventSignalMembersOpt = "EventSignalMembers";
constexpr llvm::StringLiteral StartFunctionsOpt = "StartFunctions";
constexpr llvm::StringLiteral ContextTypesOpt = "ContextTypes";
constexpr llvm::StringLiteral ContextRunMembersOpt = "ContextRunMembers";
constexpr llvm::StringLiteral ContextQueryMembersOpt = "ContextQueryMembers";
constexpr llvm::StringLiteral ContextHandOffsOpt = "ContextHandOffFunctions";
constexpr llvm::StringLiteral ExecutorQueriesOpt = "ExecutorQueries";
constexpr llvm::StringLiteral FutureTokensOpt = "FutureTokens";
constexpr llvm::StringLiteral IgnoredFunctionsOpt = "IgnoredFunctions";

// Classes whose object, awaited, waits until some code sets it.
constexpr llvm::StringLiteral DefaultEventTypes =
    "::coro::event;::coro::latch;cppcoro::single_consumer_event;"
    "cppcoro::async_manual_reset_event;cppcoro::async_auto_reset_event;"
    "cppcoro::async_latch;folly::coro::Baton";
// Members whose awaited call waits until some code sets their object.
constexpr llvm::StringLiteral DefaultEventWaitMembers =
    "async_simple::coro::Latch::wait";
// Members that set an event (release its waiters).
constexpr llvm::StringLiteral DefaultEventSignalMembers =
    "::coro::event::set;::coro::latch::count_down;"
    "cppcoro::single_consumer_event::set;"
    "cppcoro::async_manual_reset_event::set;"
    "cppcoro::async_auto_reset_event::set;cppcoro::async_latch::count_down;"
    "folly::coro::Baton::post;async_simple::coro::Latch::count_down;"
    "async_simple::coro::Latch::arrive_and_wait";

// Functions that start a task to run on its own, beyond the shared
// SpawnFunctions list: two of them, one after the other, run together.
constexpr llvm::StringLiteral DefaultStartFunctions =
    "::coro::thread_pool::spawn_detached;::coro::scheduler::spawn_detached;"
    "::coro::io_scheduler::spawn_detached;::coro::thread_pool::spawn_joinable;"
    "::coro::scheduler::spawn_joinable;::coro::task_group::start;"
    "cppcoro::async_scope::spawn;concurrencpp::executor::post;"
    "concurrencpp::executor::submit";

/// True when \p Construct, the initialiser of an event, leaves it unset:
/// default arguments only, or one constant that is false (an initial state)
/// or positive (a latch's count).
bool startsUnset(const CXXConstructExpr &Construct, const ASTContext &Ctx) {
  const Expr *Given = nullptr;
  for (const Expr *Arg : Construct.arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    if (Given)
      return false;
    Given = Arg;
  }
  if (!Given)
    return true;
  Expr::EvalResult Value;
  if (Given->isValueDependent() || !Given->EvaluateAsInt(Value, Ctx))
    return false;
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  if (!Ctor || Ctor->getNumParams() == 0)
    return false;
  llvm::APSInt Int = Value.Val.getInt();
  if (Ctor->getParamDecl(0)->getType()->isBooleanType())
    return Int.isZero();
  return Int.isStrictlyPositive();
}

/// True when \p S is within \p Within (or is it).
bool isWithin(const Stmt *S, const Stmt &Within) {
  if (S == &Within)
    return true;
  for (const Stmt *Child : Within.children())
    if (Child && isWithin(S, *Child))
      return true;
  return false;
}

/// True when \p S names \p Var (or captures it) outside \p Wait.
bool reaches(const Stmt &S, const VarDecl &Var, const Stmt &Wait) {
  if (const auto *Lambda = dyn_cast<LambdaExpr>(&S))
    return llvm::any_of(Lambda->captures(), [&](const LambdaCapture &C) {
      return C.capturesVariable() && C.getCapturedVar() == &Var;
    });
  const auto *Ref = dyn_cast<DeclRefExpr>(&S);
  return Ref && Ref->getDecl() == &Var && !isWithin(Ref, Wait);
}

} // namespace

CircularWaitCheck::CircularWaitCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      EventTypes(Options.get(EventTypesOpt, DefaultEventTypes)),
      EventWaitMembers(
          Options.get(EventWaitMembersOpt, DefaultEventWaitMembers)),
      EventSignalMembers(
          Options.get(EventSignalMembersOpt, DefaultEventSignalMembers)),
      ContextTypes(Options.get(ContextTypesOpt, model::DefaultContextTypes)),
      ContextRunMembers(
          Options.get(ContextRunMembersOpt, model::DefaultContextRunMembers)),
      ContextQueryMembers(Options.get(ContextQueryMembersOpt,
                                      model::DefaultContextQueryMembers)),
      ContextHandOffs(
          Options.get(ContextHandOffsOpt, model::DefaultContextHandOffs)),
      ExecutorQueries(
          Options.get(ExecutorQueriesOpt, model::DefaultExecutorQueries)),
      FutureTokens(Options.get(FutureTokensOpt, model::DefaultFutureTokens)),
      StartFunctions(Options.get(StartFunctionsOpt, DefaultStartFunctions)),
      IgnoredFunctions(Options.get(IgnoredFunctionsOpt, "")) {}

void CircularWaitCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, EventTypesOpt, EventTypes.str());
  Options.store(Opts, EventWaitMembersOpt, EventWaitMembers.str());
  Options.store(Opts, EventSignalMembersOpt, EventSignalMembers.str());
  Options.store(Opts, ContextTypesOpt, ContextTypes.str());
  Options.store(Opts, ContextRunMembersOpt, ContextRunMembers.str());
  Options.store(Opts, ContextQueryMembersOpt, ContextQueryMembers.str());
  Options.store(Opts, ContextHandOffsOpt, ContextHandOffs.str());
  Options.store(Opts, ExecutorQueriesOpt, ExecutorQueries.str());
  Options.store(Opts, FutureTokensOpt, FutureTokens.str());
  Options.store(Opts, StartFunctionsOpt, StartFunctions.str());
  Options.store(Opts, IgnoredFunctionsOpt, IgnoredFunctions.str());
}

const VarDecl *
CircularWaitCheck::ownEventWaited(const CoroutineSuspendExpr &Point) const {
  if (!isa<CoawaitExpr>(Point))
    return nullptr;
  const Expr *Operand =
      model::strip(Point.getOperand(), model::Wrappers::Implicit);
  const ValueDecl *Waited = nullptr;
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Operand)) {
    std::optional<model::CallInfo> Info = model::describeCall(*Call);
    if (Info && model::anyNameMatches(EventWaitMembers, *Info))
      Waited = model::namedDecl(Call->getImplicitObjectArgument());
  } else if (Operand &&
             EventTypes.matches(model::canonicalTypeName(Operand->getType()))) {
    Waited = model::namedDecl(Operand);
  }
  const auto *Var = dyn_cast_or_null<VarDecl>(Waited);
  if (!Var || !Var->isLocalVarDecl() || Var->isStaticLocal() ||
      Var->getType()->isReferenceType())
    return nullptr;
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr);
  if (!Construct || !startsUnset(*Construct, Var->getASTContext()))
    return nullptr;
  return Var;
}

void CircularWaitCheck::checkSelfWaits(CheckedFunction &F) {
  const CFG *Graph = Facts.session().cfg(F.Decl);
  if (!Graph)
    return;
  for (const CoroutineSuspendExpr *Point : F.suspensions().points()) {
    const VarDecl *Event = ownEventWaited(*Point);
    if (!Event || Event->getDeclContext() != &F.Decl)
      continue;
    model::FirstArrival Arrival = model::firstArrival(*Graph, *Point);
    if (!Arrival.Reached || llvm::any_of(Arrival.Before, [&](const Stmt *S) {
          return reaches(*S, *Event, *Point);
        }))
      continue;
    // What would set it: only this coroutine's code after the wait.
    const Stmt *Setter = nullptr;
    F.forEachStmt([&](const Stmt &S) {
      const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
      std::optional<model::CallInfo> Info =
          Call ? model::describeCall(*Call) : std::nullopt;
      if (!Setter && Info && model::anyNameMatches(EventSignalMembers, *Info) &&
          model::namedDecl(Call->getImplicitObjectArgument()) == Event &&
          model::mayRunAfter(*Graph, *Point, *Call))
        Setter = Call;
    });
    if (!reportOnce(Point->getBeginLoc()))
      continue;
    diag(Point->getBeginLoc(), "coroutine waits for %0, which nothing can set "
                               "before this wait: it never resumes")
        << Event << Point->getSourceRange();
    diag(Event->getLocation(),
         "%0 is a local of this coroutine; no other code can reach it before "
         "the wait",
         DiagnosticIDs::Note)
        << Event;
    if (Setter)
      diag(Setter->getBeginLoc(),
           "%0 is set here, which runs only after the wait has ended; set it "
           "before the wait or hand it to the code that should set it",
           DiagnosticIDs::Note)
          << Event << Setter->getSourceRange();
  }
}

void CircularWaitCheck::checkFunction(CheckedFunction &F) {
  if (IgnoredFunctions.matches(model::canonicalName(F.Decl)))
    return;
  if (F.isCoroutine())
    checkSelfWaits(F);
  checkLockOrder(F);
  checkOwnContext(F);
}

} // namespace clang::tidy::async

//===--- LambdaCaptureLifetimeCheck.cpp - async-lint ----------------------===//

#include "LambdaCaptureLifetimeCheck.h"
#include "../Model/BlockingCatalog.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "../Model/Owners.h"
#include "LifetimeNotes.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral CallbackFunctionsOpt = "CallbackFunctions";
constexpr llvm::StringLiteral OwnerFunctionsOpt = "OwnerFunctions";
constexpr llvm::StringLiteral ComposeFunctionsOpt = "ComposeFunctions";
constexpr llvm::StringLiteral BlockingWaitsOpt = "BlockingWaits";
constexpr llvm::StringLiteral JoiningExecutorsOpt = "JoiningExecutors";

// Calls whose result keeps an object alive: a strong or weak reference.
constexpr llvm::StringLiteral DefaultOwnerFunctions =
    "shared_from_this;weak_from_this;get_strong;get_weak";

// APIs that call a function object and destroy it once the call returns.
constexpr llvm::StringLiteral DefaultCallbackFunctions =
    "asio::post;asio::dispatch;asio::defer;asio::io_context::post;"
    "asio::io_context::dispatch;folly::Executor::add;folly::Future::thenValue;"
    "folly::Future::thenTry;folly::SemiFuture::deferValue;folly::via;"
    "folly::Executor::addWithPriority;concurrencpp::executor::post;"
    "concurrencpp::executor::submit;"
    "::std::thread::thread;::std::jthread::jthread;::std::async;"
    "post;dispatch;defer;then;execute;submit;enqueue";

// Calls that keep a coroutine lambda, the implementation of an asynchronous
// operation, in the initiation object they return: it is destroyed once the
// operation has started, while the coroutine runs until it completes.
constexpr llvm::StringLiteral DefaultComposeFunctions =
    "asio::experimental::co_composed;asio::co_composed";

// Executor classes whose destructor joins the threads that run their work
// (work still queued is dropped, never resumed).
constexpr llvm::StringLiteral DefaultJoiningExecutors =
    "async_simple::executors::SimpleExecutor;::coro::thread_pool;"
    "::coro::io_scheduler;cppcoro::static_thread_pool;asio::thread_pool;"
    "concurrencpp::runtime;folly::CPUThreadPoolExecutor;"
    "folly::IOThreadPoolExecutor";

// Calls that block until something completes: async-blocking-call's waits
// and waits for a result (a latch, a barrier, a future, a join), and
// async_simple's future.
std::string defaultBlockingWaits() {
  std::string Names;
  for (const model::BlockingCategory &C : model::blockingCategories())
    if (C.Key == "wait" || C.Key == "result")
      Names += C.DefaultNames.str() + ";";
  return Names + "async_simple::Future::wait;async_simple::Future::get";
}

} // namespace

const CXXMethodDecl *
LambdaCaptureLifetimeCheck::capturingCoroutine(const CXXRecordDecl *Closure) {
  if (!Closure || !Closure->isLambda() || Closure->capture_size() == 0)
    return nullptr;
  const CXXMethodDecl *Op = Closure->getLambdaCallOperator();
  if (!Op)
    return nullptr;
  if (const FunctionDecl *Def = Op->getDefinition())
    Op = cast<CXXMethodDecl>(Def);
  return model::getCoroutineBody(*Op) ? Op : nullptr;
}

bool LambdaCaptureLifetimeCheck::copiesClosure(const CXXMethodDecl &Op) {
  return Op.isExplicitObjectMemberFunction() &&
         !Op.getParamDecl(0)->getType()->isReferenceType();
}

LambdaCaptureLifetimeCheck::LambdaCaptureLifetimeCheck(
    StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      OwnerFunctions(Options.get(OwnerFunctionsOpt, DefaultOwnerFunctions)),
      CallbackFunctions(
          Options.get(CallbackFunctionsOpt, DefaultCallbackFunctions)),
      ComposeFunctions(
          Options.get(ComposeFunctionsOpt, DefaultComposeFunctions)),
      Waits(Lib.SyncWaitFunctions.str() + ";" + Lib.JoinMembers.str()),
      BlockingWaits(Options.get(BlockingWaitsOpt, defaultBlockingWaits())),
      AllBlockingWaits(BlockingWaits.str() + ";" + Waits.str()),
      JoiningExecutors(
          Options.get(JoiningExecutorsOpt, DefaultJoiningExecutors)) {}

void LambdaCaptureLifetimeCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, CallbackFunctionsOpt, CallbackFunctions.str());
  Options.store(Opts, OwnerFunctionsOpt, OwnerFunctions.str());
  Options.store(Opts, ComposeFunctionsOpt, ComposeFunctions.str());
  Options.store(Opts, BlockingWaitsOpt, BlockingWaits.str());
  Options.store(Opts, JoiningExecutorsOpt, JoiningExecutors.str());
}

void LambdaCaptureLifetimeCheck::startTranslationUnit() {
  FirstUses[0].clear();
  FirstUses[1].clear();
  DetachedThises.clear();
  ParamLateUses.clear();
  OwnWaits.reset();
  OwnWaitsOf = nullptr;
}

bool LambdaCaptureLifetimeCheck::waitedOut(const CXXMethodDecl &Op,
                                           const model::TaskFate &F,
                                           const VarDecl &Dying,
                                           CheckedFunction &Encl) {
  // Only a task left running on an executor can be waited for here: a
  // returned task is the caller's.
  if (!F.OnExecutor || F.ViaReturn)
    return false;
  if (OwnWaitsOf != &Encl.Decl || !OwnWaits) {
    OwnWaits = std::make_unique<model::FunctionWaits>(
        Encl.Decl, Encl.Body, Encl.Ctx,
        [this, &Decl = Encl.Decl] { return Facts.session().cfg(Decl); },
        model::WaitKnowledge{&AllBlockingWaits, &JoiningExecutors});
    OwnWaitsOf = &Encl.Decl;
  }
  return bool(OwnWaits->waitsOut({&Op, F.Where}, Dying));
}

const Stmt *LambdaCaptureLifetimeCheck::firstCaptureUse(const CXXMethodDecl &Op,
                                                        const Decl *Var,
                                                        bool FromStart,
                                                        ASTContext &Ctx) {
  auto &Cache = FirstUses[FromStart];
  auto [It, New] = Cache.try_emplace({&Op, Var}, nullptr);
  if (!New)
    return It->second;
  // Var is a captured variable, the closure type for captured 'this', or
  // null for any capture.
  bool ThisOnly = Var == Op.getParent();
  auto IsUse = [&](const Stmt &S) {
    if (isa<CXXThisExpr>(S))
      return !Var || ThisOnly;
    if (ThisOnly)
      return false;
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    if (!Ref)
      return false;
    if (Var)
      return Ref->getDecl() == Var;
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    return Ref->refersToEnclosingVariableOrCapture() ||
           (VD && VD->isInitCapture());
  };
  const Stmt *Use = firstUseAfterSuspension(Op, Ctx, IsUse, FromStart);
  Cache[{&Op, Var}] = Use;
  return Use;
}

bool LambdaCaptureLifetimeCheck::checkClosure(const CallExpr &Call,
                                              const CXXMethodDecl &Op,
                                              CheckedFunction &Encl) {
  ASTContext &Ctx = Encl.Ctx;
  const model::TaskFlow &Flow = Encl.flow();
  if (copiesClosure(Op) || Call.getNumArgs() == 0)
    return false;
  model::Referent R = model::TaskFlow::referentOf(Call.getArg(0), false);
  // A function object taken by value is reported where it is passed in.
  if (R.What == model::Referent::Kind::Other ||
      isa_and_nonnull<ParmVarDecl>(R.Var))
    return false;
  model::Laziness L = model::lazinessOf(Op.getReturnType());
  bool Lazy = L == model::Laziness::Lazy;
  model::TaskFate F = Flow.fateOf(&Call);
  SourceLocation Dies = Flow.diesBeforeTask(R, &Call, F, L);
  if (Dies.isInvalid() || (R.What == model::Referent::Kind::Local &&
                           waitedOut(Op, F, *R.Var, Encl)))
    return false;
  const Stmt *Use = firstCaptureUse(Op, nullptr, Lazy, Ctx);
  SourceLocation Loc = Call.getArg(0)->getBeginLoc();
  if (!Use || !reportOnce(Loc))
    return false;
  if (R.What == model::Referent::Kind::Temporary)
    diag(Loc, "the closure of this coroutine lambda is "
              "destroyed before its task is done with the "
              "captures");
  else
    diag(Loc, "closure %0 of a coroutine lambda is destroyed "
              "while its task may still use the captures")
        << R.Var;
  const auto *Ref = dyn_cast<DeclRefExpr>(Use);
  std::string UseName =
      Ref ? "capture '" + Ref->getDecl()->getName().str() + "'"
          : std::string("captured 'this'");
  addLifetimeNotes(*this, Ctx.getSourceManager(), F,
                   {"the closure",
                    R.What == model::Referent::Kind::Local ? R.Var : nullptr,
                    Dies},
                   Use, UseName, Lazy);
  return true;
}

void LambdaCaptureLifetimeCheck::checkCaptures(const CXXMethodDecl &Op,
                                               const Expr &Origin,
                                               const model::TaskFate &F,
                                               bool FromStart,
                                               CheckedFunction &Encl) {
  ASTContext &Ctx = Encl.Ctx;
  const model::TaskFlow &Flow = Encl.flow();
  const CXXRecordDecl *Closure = Op.getParent();
  model::Laziness L =
      FromStart ? model::Laziness::Lazy : model::lazinessOf(Op.getReturnType());
  for (const LambdaCapture &Capture : Closure->captures()) {
    if (Capture.capturesThis()) {
      // Only a class made to be owned by shared_ptr tells, by itself, that
      // nothing else keeps '*this' alive; other classes are judged where the
      // member function that starts the lambda is called.
      const auto *This =
          dyn_cast_or_null<CXXThisExpr>(unownedThisUse(Op, F, FromStart, Encl));
      const CXXRecordDecl *Class =
          This ? This->getType()->getPointeeCXXRecordDecl() : nullptr;
      if (!This || !model::isSharedFromThisClass(Class) ||
          model::mayJoinOnDestruction(Class) ||
          !reportOnce(Capture.getLocation()))
        continue;
      diag(Capture.getLocation(), "'this' is captured by a coroutine lambda "
                                  "that runs detached, and nothing keeps the "
                                  "object alive; capture a "
                                  "'shared_from_this()' copy");
      diag(F.Where, "the task is %0", DiagnosticIDs::Note) << F.How;
      diag(This->getBeginLoc(),
           FromStart ? "'this' is used here, when the task runs"
                     : "'this' is used here, after the coroutine may have "
                       "suspended",
           DiagnosticIDs::Note);
      continue;
    }
    if (!Capture.capturesVariable() || Capture.getCaptureKind() != LCK_ByRef)
      continue;
    const auto *Var = dyn_cast_or_null<VarDecl>(Capture.getCapturedVar());
    if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
        Var->isInitCapture())
      continue;
    model::Referent R{model::Referent::Kind::Local, Var};
    SourceLocation Dies = Flow.diesBeforeTask(R, &Origin, F, L);
    if (Dies.isInvalid() || waitedOut(Op, F, *Var, Encl))
      continue;
    const Stmt *Use = firstCaptureUse(Op, Var, FromStart, Ctx);
    if (!Use || !reportOnce(Capture.getLocation()))
      continue;
    diag(Capture.getLocation(), "local %0 is captured by reference by a "
                                "coroutine lambda whose task outlives it")
        << Var;
    addLifetimeNotes(*this, Ctx.getSourceManager(), F, {"", Var, Dies}, Use,
                     "'" + Var->getName().str() + "'", FromStart);
  }
}

void LambdaCaptureLifetimeCheck::checkFunction(CheckedFunction &F) {
  ASTContext &Ctx = F.Ctx;
  checkDetachingCalls(F);
  F.forEachStmt([&](const Stmt &S) {
    // A coroutine lambda handed over as a function object: to a spawn that
    // keeps it, to a wrapper that keeps it in its task, or to a callback
    // API that destroys it.
    if (const auto *Lambda = dyn_cast<LambdaExpr>(&S)) {
      const CXXMethodDecl *Op = capturingCoroutine(Lambda->getLambdaClass());
      if (!Op)
        return;
      model::TaskFate Fate = F.flow().fateOf(Lambda);
      if (Fate.What == model::TaskFate::Kind::Escapes)
        checkCaptures(*Op, *Lambda, Fate, /*FromStart=*/true, F);
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    const auto *Op =
        dyn_cast_or_null<CXXMethodDecl>(model::calledDefinition(*Call));
    if (Op && isa<CXXOperatorCallExpr>(Call) &&
        capturingCoroutine(Op->getParent())) {
      // A coroutine lambda called: its task refers to the closure.
      if (!checkClosure(*Call, *Op, F))
        checkCaptures(*Op, *Call, F.flow().fateOf(Call), /*FromStart=*/false,
                      F);
      return;
    }
    checkCallbacks(*Call, Ctx);
  });
}

} // namespace clang::tidy::async

//===--- LambdaCaptureLifetimeCheck.cpp - async-lint ----------------------===//

#include "LambdaCaptureLifetimeCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "../Model/Owners.h"
#include "LifetimeNotes.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral CallbackFunctionsOpt = "CallbackFunctions";
constexpr llvm::StringLiteral OwnerFunctionsOpt = "OwnerFunctions";

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

/// The call operator of a coroutine lambda with captures, or null.
const CXXMethodDecl *capturingCoroutine(const CXXRecordDecl *Closure) {
  if (!Closure || !Closure->isLambda() || Closure->capture_size() == 0)
    return nullptr;
  const CXXMethodDecl *Op = Closure->getLambdaCallOperator();
  if (!Op)
    return nullptr;
  if (const FunctionDecl *Def = Op->getDefinition())
    Op = cast<CXXMethodDecl>(Def);
  return model::getCoroutineBody(*Op) ? Op : nullptr;
}

/// True when the coroutine lambda \p Op copies its closure into its frame:
/// an explicit object parameter taken by value (C++23 'this auto self').
bool copiesClosure(const CXXMethodDecl &Op) {
  return Op.isExplicitObjectMemberFunction() &&
         !Op.getParamDecl(0)->getType()->isReferenceType();
}

/// True when a capture of \p Closure keeps an object alive: a shared_ptr or
/// weak_ptr, a call of \p OwnerFunctions, or a hold on an executor or scope
/// the object owns ([h = gate_.hold()]).
bool capturesOwner(const CXXRecordDecl &Closure,
                   const model::NameMatcher &OwnerFunctions) {
  for (const LambdaCapture &Capture : Closure.captures()) {
    const auto *Var = Capture.capturesVariable()
                          ? dyn_cast_or_null<VarDecl>(Capture.getCapturedVar())
                          : nullptr;
    if (!Var)
      continue;
    if (model::isSharedOrWeakPtrType(Var->getType()))
      return true;
    const Expr *Init = Var->isInitCapture() ? Var->getInit() : nullptr;
    if (Init && (model::holdsReference(*Init, OwnerFunctions) ||
                 model::ownedMemberIn(*Init)))
      return true;
  }
  return false;
}

/// The closure a call invokes: f(), std::invoke(f, ...); null otherwise.
const Expr *invokedClosure(const Stmt &S) {
  if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S);
      Call && Call->getOperator() == OO_Call)
    return Call->getArg(0);
  const auto *Call = dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
      Callee->getName() == "invoke" && Call->getNumArgs() > 0)
    return Call->getArg(0);
  return nullptr;
}

/// The statement of \p Callee's body that calls its function-object
/// parameter \p Param and lets the closure it calls die when the call
/// returns, or, for a parameter taken by reference (bound to a temporary
/// lambda), in the caller's full expression after the task was dropped:
///   - by value: a call of the parameter, or of a local copy of it;
///   - by reference: a call of a local copy, or a call of the parameter
///     whose result is discarded.
/// Null when there is none, or when the body waits for work to finish
/// (\p Waits: a sync-wait or join), which may outlast the coroutine.
const Stmt *callThatDropsClosure(const FunctionDecl &Callee,
                                 const ParmVarDecl *Param,
                                 const model::NameMatcher &Waits) {
  bool ByValue = !Param->getType()->isReferenceType();
  llvm::SmallPtrSet<const VarDecl *, 2> Copies;
  llvm::SmallPtrSet<const Stmt *, 8> Discarded;
  bool Waiting = false;
  model::forEachOwnStmt(Callee.getBody(), [&](const Stmt &S) {
    const auto *Decl = dyn_cast<DeclStmt>(&S);
    const auto *Var = Decl && Decl->isSingleDecl()
                          ? dyn_cast<VarDecl>(Decl->getSingleDecl())
                          : nullptr;
    if (Var && Var->getInit() && Var->hasLocalStorage() &&
        !Var->getType()->isReferenceType() &&
        model::referencedVariable(Var->getInit()) == Param)
      Copies.insert(Var);
    if (const auto *Block = dyn_cast<CompoundStmt>(&S))
      for (const Stmt *Child : Block->body())
        if (const auto *E = dyn_cast<Expr>(Child))
          if (const Expr *Bare = model::strip(E, model::Wrappers::Implicit))
            Discarded.insert(
                model::strip(Bare->IgnoreCasts(), model::Wrappers::Implicit));
    Waiting |= model::callOfListed(S, Waits) != nullptr;
  });
  const Stmt *Found = nullptr;
  model::forEachOwnStmt(Callee.getBody(), [&](const Stmt &S) {
    const VarDecl *Target =
        Found ? nullptr : model::referencedVariable(invokedClosure(S));
    if (Target && (Copies.contains(Target) ||
                   (Target == Param && (ByValue || Discarded.contains(&S)))))
      Found = &S;
  });
  return Waiting ? nullptr : Found;
}

/// The variable \p Lambda captures by copy that \p E names in its body: a
/// captured variable or an init-capture; null otherwise.
const VarDecl *copiedCapture(const LambdaExpr &Lambda, const Expr *E) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(model::strip(E, model::Wrappers::Object));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return nullptr;
  if (Var->isInitCapture())
    return Var->getType()->isReferenceType() ? nullptr : Var;
  if (!Ref->refersToEnclosingVariableOrCapture())
    return nullptr;
  for (const LambdaCapture &Capture : Lambda.captures())
    if (Capture.capturesVariable() && Capture.getCapturedVar() == Var)
      return Capture.getCaptureKind() == LCK_ByCopy ? Var : nullptr;
  return nullptr;
}

} // namespace

LambdaCaptureLifetimeCheck::LambdaCaptureLifetimeCheck(
    StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      OwnerFunctions(Options.get(OwnerFunctionsOpt, DefaultOwnerFunctions)),
      CallbackFunctions(
          Options.get(CallbackFunctionsOpt, DefaultCallbackFunctions)),
      Waits(Lib.SyncWaitFunctions.str() + ";" + Lib.JoinMembers.str()) {}

void LambdaCaptureLifetimeCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, CallbackFunctionsOpt, CallbackFunctions.str());
  Options.store(Opts, OwnerFunctionsOpt, OwnerFunctions.str());
}

void LambdaCaptureLifetimeCheck::startTranslationUnit() {
  FirstUses[0].clear();
  FirstUses[1].clear();
  DetachedThises.clear();
  ParamLateUses.clear();
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
  const Stmt *Use = model::firstUseAfterSuspension(
      Op, Ctx, IsUse, FromStart, &Lib.NonSuspendingAwaitables);
  Cache[{&Op, Var}] = Use;
  return Use;
}

bool LambdaCaptureLifetimeCheck::checkClosure(const CallExpr &Call,
                                              const CXXMethodDecl &Op,
                                              const model::TaskFlow &Flow,
                                              ASTContext &Ctx) {
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
  if (Dies.isInvalid())
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
    if (Dies.isInvalid())
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

LambdaCaptureLifetimeCheck::Consumption
LambdaCaptureLifetimeCheck::consumerCall(const CallExpr &Call, unsigned I,
                                         const model::CallInfo &Info) {
  const FunctionDecl *Callee = model::calledDefinition(Call);
  const auto *Method = dyn_cast<CXXMethodDecl>(Info.Callee);
  unsigned Offset =
      isa<CXXOperatorCallExpr>(Call) && Method && Method->isInstance() ? 1 : 0;
  // A coroutine keeps its by-value parameters in its frame.
  if (!Callee || model::getCoroutineBody(*Callee) || I < Offset ||
      I - Offset >= Callee->getNumParams())
    return {};
  const ParmVarDecl *Param = Callee->getParamDecl(I - Offset);
  const Stmt *At = callThatDropsClosure(*Callee, Param, Waits);
  // A call of the reference parameter itself calls the caller's temporary.
  const Expr *Called = At ? invokedClosure(*At) : nullptr;
  return {At, Called && model::referencedVariable(Called) == Param &&
                  Param->getType()->isReferenceType()};
}

void LambdaCaptureLifetimeCheck::calledAtNote(const Consumption &By) {
  if (!By.CalledAt)
    return;
  diag(By.CalledAt->getBeginLoc(),
       By.Temporary ? "the lambda is called here, and its task dropped"
                    : "the lambda is called here, and destroyed when this "
                      "function returns",
       DiagnosticIDs::Note);
}

void LambdaCaptureLifetimeCheck::checkCallbacks(const CallExpr &Call,
                                                ASTContext &Ctx) {
  std::optional<model::CallInfo> Info = model::describeCall(Call);
  if (!Info)
    return;
  auto Listed = [&](const model::NameMatcher &List) {
    return model::anyNameMatches(List, *Info);
  };
  if (Listed(Lib.SpawnFunctions) || Listed(Lib.KeepAliveFunctions))
    return;
  bool Callback = Listed(CallbackFunctions);
  std::string Consumer = "'" + model::displayName(Info->Names.front()) + "'";
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    const LambdaExpr *Lambda = model::lambdaOf(Call.getArg(I));
    const CXXMethodDecl *Op = Lambda ? Lambda->getCallOperator() : nullptr;
    if (!Op || Lambda->capture_size() == 0 || copiesClosure(*Op))
      continue;
    if (const FunctionDecl *Def = Op->getDefinition())
      Op = cast<CXXMethodDecl>(Def);
    // The callee calls the lambda and destroys it when the call returns: by
    // name, or seen in its body.
    Consumption By = Callback ? Consumption{} : consumerCall(Call, I, *Info);
    if (!Callback && !By.CalledAt)
      continue;
    if (!model::getCoroutineBody(*Op)) {
      checkBorrowedCaptures(*Lambda, *Op, Consumer, By, Ctx);
      continue;
    }
    if (model::lazinessOf(Op->getReturnType()) != model::Laziness::Eager)
      continue;
    const Stmt *Use = firstCaptureUse(*Op, nullptr, false, Ctx);
    if (!Use || !reportOnce(Lambda->getBeginLoc()))
      continue;
    if (By.Temporary)
      diag(Lambda->getBeginLoc(),
           "coroutine lambda with captures is passed to %0, which calls it "
           "and drops its task; the closure is destroyed at the end of this "
           "full expression, while the coroutine may still run")
          << Consumer;
    else
      diag(Lambda->getBeginLoc(),
           "coroutine lambda with captures is passed to %0, which destroys it "
           "once the call returns, while the coroutine may still run")
          << Consumer;
    calledAtNote(By);
    const auto *Ref = dyn_cast<DeclRefExpr>(Use);
    diag(Use->getBeginLoc(),
         "%0 is used here, after the coroutine may have suspended",
         DiagnosticIDs::Note)
        << (Ref ? "capture '" + Ref->getDecl()->getName().str() + "'"
                : std::string("captured 'this'"));
  }
}

void LambdaCaptureLifetimeCheck::checkBorrowedCaptures(const LambdaExpr &Lambda,
                                                       const CXXMethodDecl &Op,
                                                       StringRef Consumer,
                                                       const Consumption &By,
                                                       ASTContext &Ctx) {
  const Stmt *Body = Op.getBody();
  if (!Body)
    return;
  CheckedFunction Closure(Op, *Body, Ctx, Lib, Facts);
  Closure.forEachStmt([&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Coro = Call ? model::calledDefinition(*Call) : nullptr;
    if (!Coro || !model::getCoroutineBody(*Coro) ||
        Coro->isDependentContext() ||
        model::lazinessOf(Coro->getReturnType()) != model::Laziness::Eager)
      return;
    // The task must be left running: dropped, or handed back to the API.
    model::TaskFate F = Closure.flow().fateOf(Call);
    if (F.What != model::TaskFate::Kind::Dropped && !F.ViaReturn)
      return;
    unsigned Offset = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
    for (unsigned I = 0;
         I < Coro->getNumParams() && I + Offset < Call->getNumArgs(); ++I) {
      const ParmVarDecl *Param = Coro->getParamDecl(I);
      const Expr *Arg = Call->getArg(I + Offset);
      const VarDecl *Capture = copiedCapture(Lambda, Arg);
      if (!Capture || !Param->getType()->isReferenceType())
        continue;
      const Stmt *Use = lateParameterUse(*Coro, Param, Ctx);
      if (!Use || !reportOnce(Arg->getBeginLoc()))
        continue;
      diag(Arg->getBeginLoc(), "parameter %0 of %1 refers to capture %2 of a "
                               "lambda that is destroyed once %3 has called "
                               "it, while the coroutine may still run")
          << Param << model::describeFunction(*Coro) << Capture << Consumer;
      calledAtNote(By);
      diag(Use->getBeginLoc(),
           "%0 is used here, after the coroutine may have suspended",
           DiagnosticIDs::Note)
          << Param;
    }
  });
}

const Stmt *LambdaCaptureLifetimeCheck::lateParameterUse(
    const FunctionDecl &Coro, const ParmVarDecl *Param, ASTContext &Ctx) {
  auto [It, New] = ParamLateUses.try_emplace(Param, nullptr);
  if (!New)
    return It->second;
  const Stmt *Use = model::firstUseAfterSuspension(
      Coro, Ctx,
      [&](const Stmt &S) {
        const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        return Ref && Ref->getDecl() == Param;
      },
      /*FromStart=*/false, &Lib.NonSuspendingAwaitables);
  ParamLateUses[Param] = Use;
  return Use;
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
      if (!checkClosure(*Call, *Op, F.flow(), Ctx))
        checkCaptures(*Op, *Call, F.flow().fateOf(Call), /*FromStart=*/false,
                      F);
      return;
    }
    checkCallbacks(*Call, Ctx);
  });
}

const Stmt *LambdaCaptureLifetimeCheck::unownedThisUse(
    const CXXMethodDecl &Op, const model::TaskFate &F, bool FromStart,
    const CheckedFunction &Encl) {
  model::Laziness L =
      FromStart ? model::Laziness::Lazy : model::lazinessOf(Op.getReturnType());
  if (!F.runsDetached(L) || capturesOwner(*Op.getParent(), OwnerFunctions) ||
      model::firstOwnerCall(model::getUserBody(Op), OwnerFunctions) ||
      model::spawnKeepsObject(Encl.Body, F.Where, Lib.SpawnFunctions,
                              OwnerFunctions))
    return nullptr;
  return dyn_cast_or_null<CXXThisExpr>(
      firstCaptureUse(Op, Op.getParent(), FromStart, Encl.Ctx));
}

const LambdaCaptureLifetimeCheck::DetachedThis *
LambdaCaptureLifetimeCheck::detachedThis(const CXXMethodDecl &M,
                                         ASTContext &Ctx) {
  auto [It, New] = DetachedThises.try_emplace(&M, std::nullopt);
  if (!New)
    return It->second ? &*It->second : nullptr;
  const Stmt *Body = M.getBody();
  if (!Body || model::getCoroutineBody(M))
    return nullptr;
  CheckedFunction Starter(M, *Body, Ctx, Lib, Facts);
  std::optional<DetachedThis> Found;
  auto Consider = [&](const CXXMethodDecl *Op, const Expr &Origin,
                      bool FromStart) {
    if (Found || !Op ||
        llvm::none_of(Op->getParent()->captures(),
                      [](const LambdaCapture &C) { return C.capturesThis(); }))
      return;
    model::TaskFate F = Starter.flow().fateOf(&Origin);
    if (const Stmt *Use = unownedThisUse(*Op, F, FromStart, Starter))
      Found = DetachedThis{F, Use, FromStart};
  };
  Starter.forEachStmt([&](const Stmt &S) {
    // A lambda handed over as a function object, or called at once.
    if (const auto *Lambda = dyn_cast<LambdaExpr>(&S))
      return Consider(capturingCoroutine(Lambda->getLambdaClass()), *Lambda,
                      /*FromStart=*/true);
    const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S);
    const auto *Op =
        Call ? dyn_cast_or_null<CXXMethodDecl>(model::calledDefinition(*Call))
             : nullptr;
    if (Op && capturingCoroutine(Op->getParent()))
      Consider(Op, *Call, /*FromStart=*/false);
  });
  DetachedThises[&M] = Found;
  auto Cached = DetachedThises.find(&M);
  return Cached->second ? &*Cached->second : nullptr;
}

void LambdaCaptureLifetimeCheck::checkDetachingCalls(CheckedFunction &F) {
  F.forEachStmt([&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const auto *M =
        Call ? dyn_cast_or_null<CXXMethodDecl>(model::calledDefinition(*Call))
             : nullptr;
    if (!M || !M->isInstance() || M->isDependentContext() ||
        model::isLambdaCallOperator(*M) ||
        // A shared-owned class is reported where it starts the lambda.
        model::isSharedFromThisClass(M->getParent()) ||
        model::mayJoinOnDestruction(M->getParent()))
      return;
    const DetachedThis *Self = detachedThis(*M, F.Ctx);
    if (!Self)
      return;
    model::OwnerDeath Death =
        model::ownerDiesDuringTask(*Call, F.Body, F.flow());
    const VarDecl *Owner = Death.Owner.Var;
    if (Death.Dies.isInvalid() ||
        model::mayWaitForObject(F.Body, Owner, Call->getBeginLoc(), Death.Dies,
                                Lib.JoinMembers, F.Ctx.getSourceManager()) ||
        !reportOnce(Call->getBeginLoc()))
      return;
    if (Owner)
      diag(Call->getBeginLoc(), "%0 starts a coroutine lambda capturing "
                                "'this' detached, on an object owned by local "
                                "%1, which is destroyed while the task may "
                                "still run")
          << model::describeFunction(*M) << Owner;
    else
      diag(Call->getBeginLoc(), "%0 starts a coroutine lambda capturing "
                                "'this' detached, on a temporary object that "
                                "is destroyed before the task is done with it")
          << model::describeFunction(*M);
    addLifetimeNotes(*this, F.Ctx.getSourceManager(), Self->Fate,
                     {"the object", Owner, Death.Dies}, Self->Use,
                     "captured 'this'", Self->FromStart);
  });
}

} // namespace clang::tidy::async

//===--- UnboundedSpawnCheck.cpp - async-lint -----------------------------===//

#include "UnboundedSpawnCheck.h"
#include "../Model/Awaitables.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Expressions.h"
#include "../Model/LocalFlow.h"
#include "../Model/RangeSizes.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral StrictModeOpt = "StrictMode";
constexpr llvm::StringLiteral LimiterFunctionsOpt = "LimiterFunctions";
constexpr llvm::StringLiteral SpawnLikeFunctionsOpt = "SpawnLikeFunctions";
constexpr llvm::StringLiteral ParallelForEachFunctionsOpt =
    "ParallelForEachFunctions";

constexpr llvm::StringLiteral DefaultLimiterFunctions =
    "acquire;async_acquire;try_acquire;co_acquire;acquire_slot;"
    "folly::coro::Semaphore::co_wait;::coro::semaphore::acquire;"
    "async_simple::coro::CountingSemaphore::acquire";
constexpr llvm::StringLiteral DefaultSpawnLikeFunctions = "::std::async";
constexpr llvm::StringLiteral DefaultParallelForEachFunctions =
    "seastar::parallel_for_each;seastar::coroutine::parallel_for_each;"
    "parallel_for_each";

/// The declarations \p E reads: variables, and members.
void readDecls(const Expr *E, llvm::SmallPtrSetImpl<const Decl *> &Out) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    Out.insert(Ref->getDecl());
  else if (const auto *Member = dyn_cast<MemberExpr>(E))
    Out.insert(Member->getMemberDecl());
  for (const Stmt *Child : E->children())
    if (const auto *Sub = dyn_cast_or_null<Expr>(Child))
      readDecls(Sub, Out);
}

/// The variable or member \p E names, when it names one.
const ValueDecl *namedDecl(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

/// The declaration an assignment, increment or non-const member call
/// writes, when \p S is one.
const Decl *writtenDecl(const Stmt &S) {
  const Expr *Target = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(&S); BO && BO->isAssignmentOp())
    Target = BO->getLHS();
  else if (const auto *UO = dyn_cast<UnaryOperator>(&S);
           UO && UO->isIncrementDecrementOp())
    Target = UO->getSubExpr();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
           Op && Op->isAssignmentOp() && Op->getNumArgs() > 0)
    Target = Op->getArg(0);
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
           Call && Call->getMethodDecl() && !Call->getMethodDecl()->isConst())
    Target = Call->getImplicitObjectArgument();
  return Target ? namedDecl(Target) : nullptr;
}

/// True when \p E reads only locals, members and globals that \p For's body
/// and increment leave as is (no parameter but \p Sizing's), and calls
/// nothing but const members (size(), operator->).
bool loopInvariant(const Expr *E, const ForStmt &For,
                   const FunctionDecl *Sizing) {
  bool Calls = false;
  model::forEachOwnStmt(E, [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
      Calls |= !Method || !Method->isConst();
    }
  });
  if (Calls)
    return false;
  llvm::SmallPtrSet<const Decl *, 4> Read;
  readDecls(E, Read);
  // A parameter is the caller's input: as far as this function knows, it
  // grows with the load. The size a pool is made with is the exception.
  if (llvm::any_of(Read, [&](const Decl *D) {
        return isa<ParmVarDecl>(D) && D->getDeclContext() != Sizing;
      }))
    return false;
  bool Written = false;
  for (const Stmt *Part :
       {For.getBody(), static_cast<const Stmt *>(For.getInc())})
    model::forEachOwnStmt(Part, [&](const Stmt &S) {
      if (const Decl *D = writtenDecl(S))
        Written |= Read.contains(D);
    });
  return !Written;
}

} // namespace

bool UnboundedSpawnCheck::fixedSizeRange(const Expr *Range, ASTContext &Ctx) {
  if (!Range)
    return false;
  QualType T = Range->getType().getNonReferenceType();
  if (T->isConstantArrayType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  std::string Name = model::canonicalName(*RD);
  if (Name == "::std::initializer_list" || Name == "::std::array")
    return true;
  // A range made from constants and globals (iota(0, 4), irange(0,
  // smp::count)): a count the program fixes, not input that grows.
  const Expr *Made = model::strip(Range, model::Wrappers::Object);
  llvm::SmallVector<const Expr *, 3> Args;
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Made))
    Args.append(Call->arg_begin(), Call->arg_end());
  else if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Made))
    Args.append(Construct->arg_begin(), Construct->arg_end());
  if (Args.empty())
    return false;
  return llvm::all_of(Args, [&](const Expr *Arg) {
    Arg = Arg->IgnoreParenImpCasts();
    if (!Arg->getType()->isIntegerType())
      return false;
    if (!Arg->isValueDependent() && Arg->isIntegerConstantExpr(Ctx))
      return true;
    const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var && Var->hasGlobalStorage() && !Var->isStaticLocal();
  });
}

/// True when \p Loop runs a number of times fixed before it starts: a
/// range-based for over an array or an initializer list, or a counting for
/// loop against a constant, main's argc, or a bound the loop does not
/// change.
bool UnboundedSpawnCheck::staticallyBounded(const Stmt &Loop, ASTContext &Ctx,
                                            const FunctionDecl *Sizing) {
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return fixedSizeRange(Range->getRangeInit(), Ctx);
  const auto *For = dyn_cast<ForStmt>(&Loop);
  const auto *Cond =
      For ? dyn_cast_or_null<BinaryOperator>(
                For->getCond() ? For->getCond()->IgnoreParenImpCasts()
                               : nullptr)
          : nullptr;
  if (!Cond || !Cond->isRelationalOp())
    return false;
  // A constant, or the command line's argument count: the operator's
  // choice, not input that grows under load.
  auto Bound = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (!E->isValueDependent() && E->isIntegerConstantExpr(Ctx))
      return true;
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    const auto *Main =
        Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
    return Main && Main->isMain() && Param->getFunctionScopeIndex() == 0;
  };
  if (Bound(Cond->getLHS()) || Bound(Cond->getRHS()))
    return true;
  // A counter compared with a bound that the loop does not change: the
  // number of iterations is fixed when the loop starts.
  auto Counter = [](const Expr *E) -> const VarDecl * {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  };
  const VarDecl *I = Counter(Cond->getLHS());
  const Expr *Limit = Cond->getRHS();
  if (!I) {
    I = Counter(Cond->getRHS());
    Limit = Cond->getLHS();
  }
  if (!I || !For->getInc())
    return false;
  // An index loop over a range (`i < r.size()`, `i < n` with `n =
  // r.size()`) runs once per element, as a range-based for over it does:
  // bounded only when the range's size is fixed, also when it is a
  // parameter (`std::span<T, 4>`). Where a pool is sized, what the
  // function is given is the bound.
  const Expr *Counted = model::countedRange(Limit);
  bool Fixed = Counted && (fixedSizeRange(Counted, Ctx) ||
                           model::fixedExtent(Counted, Ctx));
  if (Fixed)
    return true;
  return loopInvariant(Limit, *For, Sizing) &&
         (Sizing || !Counted || !model::growsWithInput(Counted));
}

namespace {

/// True when \p S is or contains something that waits or skips: a
/// co_await, a jump out of the iteration.
bool waitsOrSkips(const Stmt *S) {
  bool Found = false;
  model::forEachOwnStmt(S, [&](const Stmt &Inner) {
    Found = Found || isa<CoawaitExpr, CoreturnStmt, ReturnStmt, BreakStmt,
                         ContinueStmt, CXXThrowExpr>(Inner);
  });
  return Found;
}

/// The variables whose value \p Body counts up or down.
llvm::SmallPtrSet<const ValueDecl *, 4> counters(const Stmt *Body) {
  llvm::SmallPtrSet<const ValueDecl *, 4> Result;
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Unary = dyn_cast<UnaryOperator>(&S);
        Unary && Unary->isIncrementDecrementOp())
      if (const ValueDecl *D = namedDecl(Unary->getSubExpr()))
        Result.insert(D);
    if (const auto *Assign = dyn_cast<CompoundAssignOperator>(&S))
      if (const ValueDecl *D = namedDecl(Assign->getLHS()))
        Result.insert(D);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
        Op && (Op->getOperator() == OO_PlusPlus ||
               Op->getOperator() == OO_MinusMinus ||
               Op->getOperator() == OO_PlusEqual ||
               Op->getOperator() == OO_MinusEqual))
      if (const ValueDecl *D = namedDecl(Op->getArg(0)))
        Result.insert(D);
  });
  return Result;
}

/// True when \p Cond compares a counter with something.
bool comparesCounter(const Expr *Cond,
                     const llvm::SmallPtrSet<const ValueDecl *, 4> &Counters) {
  bool Found = false;
  model::forEachOwnStmt(Cond, [&](const Stmt &S) {
    const auto *Compare = dyn_cast<BinaryOperator>(&S);
    if (Found || !Compare || !Compare->isComparisonOp())
      return;
    model::forEachOwnStmt(Compare, [&](const Stmt &Operand) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(&Operand))
        Found = Found || Counters.contains(Ref->getDecl());
      if (const auto *Member = dyn_cast<MemberExpr>(&Operand))
        Found = Found || Counters.contains(Member->getMemberDecl());
    });
  });
  return Found;
}

} // namespace

const Stmt *UnboundedSpawnCheck::loopBody(const Stmt &Loop) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return Range->getBody();
  return nullptr;
}

UnboundedSpawnCheck::UnboundedSpawnCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      StrictMode(Options.get(StrictModeOpt, false)),
      LimiterFunctions(
          Options.get(LimiterFunctionsOpt, DefaultLimiterFunctions)),
      SpawnLikeFunctions(
          Options.get(SpawnLikeFunctionsOpt, DefaultSpawnLikeFunctions)),
      ParallelForEachFunctions(Options.get(ParallelForEachFunctionsOpt,
                                           DefaultParallelForEachFunctions)) {}

void UnboundedSpawnCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, StrictModeOpt, StrictMode);
  Options.store(Opts, LimiterFunctionsOpt, LimiterFunctions.str());
  Options.store(Opts, SpawnLikeFunctionsOpt, SpawnLikeFunctions.str());
  Options.store(Opts, ParallelForEachFunctionsOpt,
                ParallelForEachFunctions.str());
}

void UnboundedSpawnCheck::startTranslationUnit() {
  FansOut.clear();
  TaskOrAwaitable.clear();
}

const Expr *UnboundedSpawnCheck::spawned(const CallExpr &Call) const {
  std::optional<model::CallInfo> Info = model::describeCall(Call);
  if (!Info)
    return nullptr;
  if (model::anyNameMatches(Lib.SpawnFunctions, *Info) ||
      model::anyNameMatches(SpawnLikeFunctions, *Info)) {
    // What is spawned: the object of a member spawn (task.start()), or the
    // first argument that is a task or a function object.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
      return Member->getImplicitObjectArgument();
    for (const Expr *Arg : Call.arguments()) {
      QualType T = Arg->getType();
      const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      if (model::isTaskType(T) || model::isAwaitableType(T) ||
          (RD && RD->isLambda()) || T->isFunctionPointerType())
        return Arg;
    }
    return Call.getNumArgs() ? Call.getArg(0) : &Call;
  }
  // A detached thread, or a thread started into a collection.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    const CXXRecordDecl *RD = Method ? Method->getParent() : nullptr;
    if (!RD || !Method->getIdentifier())
      return nullptr;
    auto IsThread = [](StringRef Name) {
      return Name == "::std::thread" || Name == "::std::jthread";
    };
    if (Method->getName() == "detach" && IsThread(model::canonicalName(*RD)))
      return Member->getImplicitObjectArgument();
    const auto *Container = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (Container &&
        llvm::is_contained({"emplace_back", "push_back", "emplace"},
                           Method->getName()) &&
        Container->getTemplateArgs().size() > 0 &&
        Container->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        IsThread(model::canonicalTypeName(
            Container->getTemplateArgs()[0].getAsType())))
      return Member->getImplicitObjectArgument();
  }
  // An eager coroutine made to be dropped runs detached: calling one is a
  // spawn.
  QualType T = Call.getType();
  if (!T->isRecordType() || !model::isTaskType(T) ||
      model::isAwaitableType(T) ||
      model::lazinessOf(T) != model::Laziness::Eager)
    return nullptr;
  return &Call;
}

bool UnboundedSpawnCheck::limited(const Stmt &Loop) const {
  const Stmt *Body = loopBody(Loop);
  bool Limited = false;
  llvm::SmallPtrSet<const ValueDecl *, 4> Counters = counters(Body);
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Limited)
      return;
    // An awaited acquisition, or an operation on a bounded channel or
    // semaphore.
    if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      std::optional<model::CallInfo> Info = model::describeCall(*Call);
      if (Info && model::anyNameMatches(LimiterFunctions, *Info))
        Limited = true;
      if (Info && !Info->ObjectType.isNull())
        if (const CXXRecordDecl *RD =
                Info->ObjectType.getNonReferenceType()->getAsCXXRecordDecl())
          Limited |= Lib.Limiters.matches(model::canonicalName(*RD));
      return;
    }
    // A check against a counter of running tasks that waits or skips, or
    // that guards the spawn.
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(&S))
      Cond = If->getCond();
    else if (const auto *While = dyn_cast<WhileStmt>(&S))
      Cond = While->getCond();
    if (Cond && comparesCounter(Cond, Counters) &&
        (waitsOrSkips(&S) || isa<IfStmt>(S)))
      Limited = true;
  });
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    Limited |= comparesCounter(While->getCond(), Counters);
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    Limited |= For->getCond() && comparesCounter(For->getCond(), Counters) &&
               !isa<DeclRefExpr>(For->getCond());
  return Limited;
}

void UnboundedSpawnCheck::checkLoop(const FunctionDecl &FD, const Stmt &Loop,
                                    ASTContext &Ctx) {
  if (staticallyBounded(Loop, Ctx))
    return;
  // The first spawn of the loop's own; one in a nested loop is that loop's.
  const Stmt *Body = loopBody(Loop);
  llvm::SmallPtrSet<const Stmt *, 8> Nested;
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
      model::forEachOwnStmt(loopBody(S),
                            [&](const Stmt &Inner) { Nested.insert(&Inner); });
  });
  const CallExpr *Spawn = nullptr;
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S);
        Call && !Spawn && !Nested.contains(Call) && spawned(*Call))
      Spawn = Call;
  });
  if (!Spawn || limited(Loop) || sizesPool(FD, Loop, Ctx))
    return;
  bool Paced = !suspensionsOf(FD, Ctx).repeatsWithoutSuspending(*Spawn);
  if (Paced && !StrictMode)
    return;
  std::string What = "this call";
  if (std::optional<model::CallInfo> Info = model::describeCall(*Spawn))
    What = "'" + model::displayName(Info->Names.front()) + "'";
  if (Paced)
    diag(Spawn->getBeginLoc(),
         "%0 starts a task on every iteration of a loop without a bound, "
         "paced only by what the loop awaits; limit how many run at once "
         "(await a semaphore or a bounded channel before spawning)")
        << What << Spawn->getSourceRange();
  else
    diag(Spawn->getBeginLoc(),
         "%0 starts a task on every iteration of a loop without a bound, "
         "and the loop does not wait for any of them; limit how many run "
         "at once (await a semaphore or a bounded channel before "
         "spawning) or await them in batches")
        << What << Spawn->getSourceRange();
  diag(Loop.getBeginLoc(),
       Paced ? "the loop has no static bound; each iteration suspends before "
               "spawning, but nothing waits for the spawned tasks"
             : "the loop has no static bound, and some path through it comes "
               "back to the spawn without suspending",
       DiagnosticIDs::Note);
}

void UnboundedSpawnCheck::checkRecursion(const FunctionDecl &FD,
                                         const Stmt *Body) {
  const FunctionDecl *Self = FD.getCanonicalDecl();
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const Expr *What = Call ? spawned(*Call) : nullptr;
    const auto *Inner =
        What ? dyn_cast<CallExpr>(What->IgnoreImplicit()) : nullptr;
    const FunctionDecl *Callee = Inner ? Inner->getDirectCallee() : nullptr;
    if (!Callee || Callee->getCanonicalDecl() != Self || Inner == Call)
      return;
    diag(Call->getBeginLoc(),
         "%0 spawns itself: every run starts another, with no bound on how "
         "many run at once")
        << model::describeFunction(FD) << Call->getSourceRange();
  });
}

void UnboundedSpawnCheck::checkFunction(CheckedFunction &F) {
  F.forEachStmt([&](const Stmt &S) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
      checkLoop(F.Decl, S, F.Ctx);
  });
  checkFanOut(&F.Body, F.Ctx);
  checkParallelForEach(F);
  if (F.isCoroutine())
    checkRecursion(F.Decl, &F.Body);
}

} // namespace clang::tidy::async

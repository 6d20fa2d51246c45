//===--- FanOuts.cpp - async-lint -----------------------------------------===//

#include "FanOuts.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "ConcurrencyLimits.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "JoinedBatches.h"
#include "NameMatcher.h"
#include "SpawnSites.h"
#include "StaticLoopBounds.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

bool isTaskOrAwaitableType(QualType T) {
  return !T.isNull() && !T->isDependentType() && T->isRecordType() &&
         (isTaskType(T) || isAwaitableType(T));
}

namespace {

/// The local container that \p S adds a lazy task to (`c.push_back(t)`,
/// `c.emplace_back(...)`, `c[i] = t`), with the task; null otherwise.
std::pair<const VarDecl *, const Expr *> taskAdded(const Stmt &S) {
  const Expr *Target = nullptr;
  const Expr *Value = nullptr;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->getIdentifier() || Call->getNumArgs() == 0 ||
        !llvm::is_contained(
            {"push_back", "emplace_back", "push", "insert", "emplace"},
            Method->getName()))
      return {};
    Target = Call->getImplicitObjectArgument();
    Value = Call->getArg(0);
  } else if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(&S);
             Assign && Assign->getOperator() == OO_Equal &&
             Assign->getNumArgs() == 2) {
    const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(
        strip(Assign->getArg(0), Wrappers::Syntax));
    if (!Subscript || Subscript->getOperator() != OO_Subscript)
      return {};
    Target = Subscript->getArg(0);
    Value = Assign->getArg(1);
  }
  // Only a lazy task is started by the combinator. An eager one runs from
  // the moment it is made, and combining eager ones waits for them and
  // starts nothing (a promise's result, a submitted job); of one whose
  // laziness is unknown, neither can be said.
  if (!Target || !isTaskType(Value->getType()) ||
      lazinessOfEveryPromise(Value->getType()) != Laziness::Lazy)
    return {};
  const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return {Var, Var ? Value : nullptr};
}

/// The local container that \p Arg, an argument of a combinator, hands
/// over: the container (`std::move(c)`) or an iterator into it (`c.begin()`).
const VarDecl *containerPassed(const Expr *Arg) {
  const Expr *E = strip(Arg, Wrappers::Implicit);
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier() ||
        !llvm::is_contained({"begin", "end", "cbegin", "cend"},
                            Method->getName()))
      return nullptr;
    E = strip(Member->getImplicitObjectArgument(), Wrappers::Implicit);
  }
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

bool containsStmt(const Stmt *Outer, const Stmt *Inner) {
  bool Found = false;
  forEachOwnStmt(Outer, [&](const Stmt &S) { Found |= &S == Inner; });
  return Found;
}

/// True when \p Call is inside one of \p Rounds, loops that collect tasks,
/// that also holds \p Add: the tasks are combined every round of it. A loop
/// read as limited (an early exit on a counter) still has rounds, and the
/// loops nested in it fill one round each.
bool combinedPerRound(llvm::ArrayRef<const Stmt *> Rounds, const Stmt &Add,
                      const CallExpr &Call) {
  return llvm::any_of(Rounds, [&](const Stmt *Loop) {
    return containsStmt(Loop, &Add) && containsStmt(Loop, &Call);
  });
}

/// True when \p E calls the parameter \p Param: `fn(x)`, `std::invoke(fn,
/// x)`.
bool invokes(const Expr *E, const ParmVarDecl &Param) {
  const auto *Call = dyn_cast_or_null<CallExpr>(strip(E, Wrappers::Object));
  if (!Call)
    return false;
  const Expr *Called = Call->getCallee();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Call)
    Called = Op->getArg(0);
  else if (const FunctionDecl *Callee = Call->getDirectCallee();
           Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
           Callee->getName() == "invoke" && Call->getNumArgs() > 0)
    Called = Call->getArg(0);
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(strip(Called, Wrappers::Object));
  return Ref && Ref->getDecl() == &Param;
}

/// True when a loop of \p Body without a static bound, a limit or a
/// co_await spawns what a call of \p Param returns: the helper starts a
/// task per element, and nothing in it waits for one.
bool spawnsEach(const Stmt *Body, const ParmVarDecl &Param, ASTContext &Ctx,
                const FanOutLists &Lists) {
  if (!Lists.SpawnFunctions || !Lists.SpawnLikeFunctions)
    return false;
  bool Found = false;
  forEachOwnStmt(Body, [&](const Stmt &Loop) {
    if (Found || !isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Loop) ||
        staticallyBounded(Loop, Ctx))
      return;
    bool Spawns = false, Awaits = false;
    forEachOwnStmt(loopBody(Loop), [&](const Stmt &S) {
      Awaits |= isa<CoawaitExpr, CoyieldExpr>(S);
      const auto *Call = dyn_cast<CallExpr>(&S);
      const Expr *What = Call ? spawnedBy(*Call, *Lists.SpawnFunctions,
                                          *Lists.SpawnLikeFunctions)
                              : nullptr;
      Spawns |= What && invokes(What, Param);
    });
    Found =
        Spawns && !Awaits &&
        !limitsConcurrency(Loop, Lists.LimiterFunctions, Lists.LimiterTypes);
  });
  return Found;
}

/// True when \p S names \p Param.
bool mentions(const Stmt *S, const ParmVarDecl &Param) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S))
    return Ref->getDecl() == &Param;
  return S && llvm::any_of(S->children(), [&](const Stmt *Child) {
           return mentions(Child, Param);
         });
}

/// When \p T is a callable (a class with a call operator, a lambda, a
/// pointer or reference to a function): whether it returns a task or an
/// awaitable; std::nullopt when that is not known (a generic lambda that is
/// not instantiated). False for anything that is no callable.
std::optional<bool> returnsTask(QualType T, ASTContext &Ctx) {
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isFunctionType()) {
    const auto *Fn = T->isFunctionType()
                         ? T->getAs<FunctionType>()
                         : T->getPointeeType()->getAs<FunctionType>();
    return Fn && isTaskOrAwaitableType(Fn->getReturnType());
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  std::optional<bool> Result = false;
  auto Returns = [&](const FunctionDecl &FD) {
    QualType R = FD.getReturnType();
    if (R->isUndeducedType() || R->isDependentType())
      Result = Result.value_or(false) ? Result : std::nullopt;
    else if (isTaskOrAwaitableType(R))
      Result = true;
  };
  for (const NamedDecl *D :
       RD->lookup(Ctx.DeclarationNames.getCXXOperatorName(OO_Call))) {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(D))
      Returns(*Method);
    else if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D)) {
      // A generic call operator by its instantiations, when it has some.
      for (const FunctionDecl *Instance : Template->specializations())
        Returns(*Instance);
      if (Template->specializations().empty())
        Returns(*Template->getTemplatedDecl());
    }
  }
  return Result;
}

/// True when \p T is a range: an array, or a class with begin().
bool isRange(QualType T, ASTContext &Ctx) {
  T = T.getNonReferenceType();
  if (T->isArrayType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() &&
         !RD->lookup(&Ctx.Idents.get("begin")).empty();
}

} // namespace

std::pair<const Expr *, unsigned>
rangeAndCallable(llvm::ArrayRef<const Expr *> Args, ASTContext &Ctx,
                 const NameMatcher &Limiters) {
  const Expr *Range = nullptr;
  std::optional<unsigned> Callable;
  for (unsigned I = 0; I < Args.size(); ++I) {
    QualType T = Args[I]->getType().getNonReferenceType();
    if ((T->isIntegerType() && !T->isBooleanType()) ||
        Limiters.matches(canonicalTypeName(T)))
      return {};
    if (!Range && isRange(T, Ctx))
      Range = Args[I];
    else if (std::optional<bool> Returns = returnsTask(T, Ctx);
             !Callable && Returns.value_or(true))
      Callable = I;
  }
  if (!Callable)
    return {};
  return {Range, *Callable};
}

llvm::SmallVector<FanOut, 1> fanOuts(const Stmt *Body, ASTContext &Ctx,
                                     const FanOutLists &Lists,
                                     const OwnStmts *Own) {
  // Tasks collected, one per iteration, into a local container in a loop
  // without a bound.
  llvm::MapVector<const VarDecl *, FanOut> Collected;
  // Every loop without a static bound that adds tasks, limited or not.
  llvm::SmallVector<const Stmt *, 2> Rounds;
  forEachOwnStmt(Own, Body, [&](const Stmt &S) {
    // A count every caller fixes bounds a batch: it is combined whole by
    // this run of the function.
    if (!isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S) ||
        staticallyBounded(S, Ctx) ||
        countFixedByCallers(S, Ctx, Lists.UnitLocalFunctions))
      return;
    llvm::SmallVector<
        std::pair<const Stmt *, std::pair<const VarDecl *, const Expr *>>, 2>
        Added;
    forEachOwnStmt(Own, loopBody(S), [&](const Stmt &Inner) {
      if (auto Add = taskAdded(Inner); Add.first)
        Added.push_back({&Inner, Add});
    });
    // Whether the loop limits itself (describeCall of each of its calls)
    // is asked only of a loop that collects tasks.
    if (Added.empty())
      return;
    Rounds.push_back(&S);
    if (limitsConcurrency(S, Lists.LimiterFunctions, Lists.LimiterTypes))
      return;
    for (auto [Inner, Add] : Added)
      Collected.insert(
          {Add.first, {Add.first, Inner, &S, nullptr, Add.second}});
  });
  llvm::SmallVector<FanOut, 1> Result;
  if (Collected.empty())
    return Result;
  // Combined all at once; a container combined inside the loop that fills
  // it is processed in batches, and so is what remains of it after the loop.
  // So is one combined inside an enclosing loop that collects per round.
  llvm::SmallPtrSet<const VarDecl *, 2> Batched;
  forEachOwnStmt(Own, Body, [&](const Stmt &S) {
    const CallExpr *Call = callOfListed(S, Lists.Combinators);
    if (!Call)
      return;
    for (const Expr *Arg : Call->arguments()) {
      auto It = Collected.find(containerPassed(Arg));
      if (It == Collected.end())
        continue;
      if (combinedPerRound(Rounds, *It->second.Add, *Call))
        Batched.insert(It->first);
      else if (Result.empty() || Result.back().Combine != Call ||
               Result.back().Container != It->first)
        Result.push_back({It->first, It->second.Add, It->second.Loop, Call,
                          It->second.Value});
    }
  });
  llvm::erase_if(
      Result, [&](const FanOut &F) { return Batched.contains(F.Container); });
  return Result;
}

bool CallableFanOuts::fansOut(const FunctionDecl &Callee, unsigned Param,
                              ASTContext &Ctx, const FanOutLists &Lists) {
  auto [It, New] = Known.try_emplace({Callee.getCanonicalDecl(), Param});
  if (!New)
    return It->second;
  const FunctionDecl *Def = Callee.getDefinition();
  const Stmt *Body = Def ? getUserBody(*Def) : nullptr;
  if (!Body || Param >= Def->getNumParams())
    return false;
  const ParmVarDecl &Callable = *Def->getParamDecl(Param);
  bool Result = llvm::any_of(fanOuts(Body, Ctx, Lists),
                             [&](const FanOut &F) {
                               return invokes(F.Value, Callable);
                             }) ||
                spawnsEach(Body, Callable, Ctx, Lists) ||
                (Lists.Transforms &&
                 llvm::any_of(transformedFanOuts(Body, Ctx, *Lists.Transforms),
                              [&](const TransformedFanOut &F) {
                                return mentions(F.Made, Callable);
                              }));
  Known[{Callee.getCanonicalDecl(), Param}] = Result;
  return Result;
}

} // namespace clang::tidy::async::model

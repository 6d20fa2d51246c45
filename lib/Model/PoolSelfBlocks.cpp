//===--- PoolSelfBlocks.cpp - async-lint ----------------------------------===//

#include "PoolSelfBlocks.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FirstArrival.h"
#include "NameMatcher.h"
#include "StartedTogether.h"
#include "SuspensionFlow.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async::model {

namespace {

/// The variable \p E names, also through a smart pointer's -> or *.
const ValueDecl *poolNamed(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() == 1 &&
      (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
    E = Op->getArg(0);
  return namedDecl(E);
}

/// The pool whose schedule \p Point awaits, as named there; null otherwise.
const ValueDecl *scheduledOnto(const CoroutineSuspendExpr &Point,
                               const PoolKnowledge &Know) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
      strip(Point.getOperand(), Wrappers::Implicit));
  std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
  return isa<CoawaitExpr>(Point) && Info &&
                 anyNameMatches(Know.ScheduleMembers, *Info)
             ? poolNamed(Call->getImplicitObjectArgument())
             : nullptr;
}

/// True when \p E is a constant 1.
bool isOne(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult Count;
  return E && !E->isValueDependent() && E->EvaluateAsInt(Count, Ctx) &&
         Count.Val.getInt() == 1;
}

/// True when \p Init is a maker call given options, written as a braced
/// initialiser, whose thread count field is the constant 1.
bool madeWithOneThread(const Expr *Init, const PoolKnowledge &Know,
                       const ASTContext &Ctx) {
  const auto *Call = dyn_cast_or_null<CallExpr>(
      Init ? Init->IgnoreUnlessSpelledInSource() : nullptr);
  std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
  if (!Info || !anyNameMatches(Know.Makers, *Info))
    return false;
  for (const Expr *Arg : Call->arguments()) {
    Arg = Arg->IgnoreUnlessSpelledInSource();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Arg))
      Arg = Cast->getSubExpr()->IgnoreImplicit();
    const auto *List = dyn_cast<InitListExpr>(Arg);
    if (List && !List->isSemanticForm())
      List = List->getSemanticForm();
    const RecordDecl *Options =
        List ? List->getType()->getAsRecordDecl() : nullptr;
    if (!Options)
      continue;
    for (const FieldDecl *Field : Options->fields())
      if (Field->getFieldIndex() < List->getNumInits() &&
          Know.ThreadCounts.matches(canonicalName(*Field)) &&
          isOne(List->getInit(Field->getFieldIndex()), Ctx))
        return true;
  }
  return false;
}

/// True when \p D is a pool variable constructed with one thread, or a
/// smart pointer to a pool a maker made with one thread.
bool hasOneThread(const ValueDecl *D, const PoolKnowledge &Know) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  if (!Var || isa<ParmVarDecl>(Var) || Var->getType()->isReferenceType())
    return false;
  const ASTContext &Ctx = Var->getASTContext();
  if (!Know.Types.matches(canonicalTypeName(Var->getType()))) {
    const auto *Pointer = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        Var->getType()->getAsCXXRecordDecl());
    const TemplateArgumentList *Args =
        Pointer ? &Pointer->getTemplateArgs() : nullptr;
    return Args && Args->size() >= 1 &&
           (*Args)[0].getKind() == TemplateArgument::Type &&
           Know.Types.matches(canonicalTypeName((*Args)[0].getAsType())) &&
           madeWithOneThread(Var->getInit(), Know, Ctx);
  }
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr);
  return Construct && Construct->getNumArgs() >= 1 &&
         isOne(Construct->getArg(0), Ctx);
}

/// The caller's variable that \p Key of the started coroutine names: a
/// reference parameter given the pool a pointer points to ('work(*pool)')
/// is given that pointer.
const ValueDecl *givenFor(const ValueDecl *Key, const StartedCoroutine &Started,
                          const FunctionDecl &Caller) {
  const auto *Param = dyn_cast<ParmVarDecl>(Key);
  if (Param && Param->getDeclContext() == Started.Coroutine &&
      Param->getType()->isReferenceType())
    return poolNamed(
        argumentFor(*Started.Call, Param->getFunctionScopeIndex()));
  return denotedInCaller(Key, Started, Caller).first;
}

/// Where the coroutine that \p Work calls moves onto \p Pool on every path
/// to its end; null when it may end without.
const CoroutineSuspendExpr *workOnPool(
    const CallExpr &Work, const FunctionDecl &Caller, const VarDecl &Pool,
    const PoolKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf) {
  StartedCoroutine Started{calledDefinition(Work), &Work, &Work};
  const CFG *Graph = Started.Coroutine ? CFGOf(*Started.Coroutine) : nullptr;
  if (!Graph)
    return nullptr;
  for (const CoroutineSuspendExpr *Point : FlowOf(*Started.Coroutine).points())
    if (const ValueDecl *Key = scheduledOnto(*Point, Know))
      if (givenFor(Key, Started, Caller) == &Pool &&
          alwaysArrives(*Graph, *Point))
        return Point;
  return nullptr;
}

} // namespace

std::vector<PoolSelfBlock> poolSelfBlocks(
    const FunctionDecl &Coroutine, const Stmt &Body, const CFG &Graph,
    ArrayRef<const CoroutineSuspendExpr *> Points, const PoolKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf,
    const OwnStmts *Own) {
  std::vector<PoolSelfBlock> Blocks;
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    const auto *Wait = dyn_cast<CallExpr>(&S);
    std::optional<CallInfo> Scratch;
    const CallInfo *Info = Wait ? describeCall(*Wait, Own, Scratch) : nullptr;
    if (!Info || !anyNameMatches(Know.SyncWaits, *Info) ||
        Wait->getNumArgs() < 1)
      return;
    const CallExpr *Work = coroutineCall(Wait->getArg(0));
    FirstArrival Arrival = firstArrival(Graph, *Wait);
    for (const CoroutineSuspendExpr *OnPool : Points) {
      const auto *Pool =
          dyn_cast_or_null<VarDecl>(scheduledOnto(*OnPool, Know));
      if (!Work || !Arrival.Reached || !hasOneThread(Pool, Know) ||
          !passesFirst(Graph, *OnPool, *Wait))
        continue;
      // No other suspension between the move onto the pool and the wait:
      // the coroutine is still on the pool's thread when it blocks.
      if (llvm::any_of(Points, [&](const CoroutineSuspendExpr *Other) {
            return Other != OnPool && Arrival.Before.contains(Other) &&
                   mayRunAfter(Graph, *OnPool, *Other);
          }))
        continue;
      if (const CoroutineSuspendExpr *WorkOnPool =
              workOnPool(*Work, Coroutine, *Pool, Know, CFGOf, FlowOf))
        Blocks.push_back(
            {Wait, Pool, OnPool, calledDefinition(*Work), WorkOnPool});
    }
  });
  return Blocks;
}

} // namespace clang::tidy::async::model

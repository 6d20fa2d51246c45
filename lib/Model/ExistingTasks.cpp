//===--- ExistingTasks.cpp - async-lint -----------------------------------===//

#include "ExistingTasks.h"
#include "Awaitables.h"
#include "BlockingCatalog.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "ExpressionContext.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "RangeSizes.h"
#include "StaticLoopBounds.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p T (through references) is a task or an awaitable.
bool taskElement(QualType T) {
  T = T.getNonReferenceType();
  return !T->isDependentType() && T->isRecordType() &&
         (isTaskType(T) || isAwaitableType(T));
}

/// The parameter \p E names directly (through moves and copies).
const ParmVarDecl *parameterNamed(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Object));
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

/// What a loop over a parameter hands on: the element variable of a
/// range-based for, or the parameter and the counter of an index loop.
struct Element {
  const VarDecl *Var = nullptr;
  const ParmVarDecl *Range = nullptr;
  const VarDecl *Counter = nullptr;
};

/// The counter and the counted parameter of `i < r.size()` (either side).
Element indexLoop(const ForStmt &For) {
  const auto *Cond =
      dyn_cast_or_null<BinaryOperator>(strip(For.getCond(), Wrappers::Syntax));
  if (!Cond || !Cond->isRelationalOp())
    return {};
  for (auto [Count, Index] : {std::pair{Cond->getRHS(), Cond->getLHS()},
                              std::pair{Cond->getLHS(), Cond->getRHS()}}) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Index->IgnoreParenImpCasts());
    const auto *Counter = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    const ParmVarDecl *Range = parameterNamed(countedRange(Count));
    if (Counter && Range)
      return {nullptr, Range, Counter};
  }
  return {};
}

/// True when \p Arg denotes the loop's element \p El.
bool isElement(const Expr *Arg, const Element &El) {
  Arg = strip(Arg, Wrappers::Object);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Arg))
    return El.Var && Ref->getDecl() == El.Var;
  const Expr *Base = nullptr, *Index = nullptr;
  if (const auto *Sub = dyn_cast_or_null<ArraySubscriptExpr>(Arg)) {
    Base = Sub->getBase();
    Index = Sub->getIdx();
  } else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Arg);
             Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
    Base = Op->getArg(0);
    Index = Op->getArg(1);
  }
  const auto *IndexRef =
      Index ? dyn_cast<DeclRefExpr>(Index->IgnoreParenImpCasts()) : nullptr;
  return El.Range && IndexRef && IndexRef->getDecl() == El.Counter &&
         parameterNamed(Base) == El.Range;
}

} // namespace

bool spawnsGivenTasks(const Stmt &Loop, const OwnStmts &Own,
                      const llvm::SmallPtrSetImpl<const CallExpr *> &Spawns) {
  Element El;
  QualType ElementType;
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    El.Var = Range->getLoopVariable();
    El.Range = parameterNamed(Range->getRangeInit());
    ElementType = El.Var ? El.Var->getType() : QualType();
  } else if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    El = indexLoop(*For);
    if (El.Range)
      if (const auto *Named =
              El.Range->getType().getNonReferenceType()->getAsCXXRecordDecl())
        for (const auto *Method : Named->methods())
          if (Method->getOverloadedOperator() == OO_Subscript)
            ElementType = Method->getReturnType();
  }
  if (!El.Range || ElementType.isNull() || !taskElement(ElementType))
    return false;
  bool Any = false, All = true;
  Own.forEach(loopBody(Loop), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call || !Spawns.contains(Call))
      return;
    Any = true;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    All &= (Member && isElement(Member->getImplicitObjectArgument(), El)) ||
           llvm::any_of(Call->arguments(),
                        [&](const Expr *Arg) { return isElement(Arg, El); });
  });
  return Any && All;
}

NameMatcher untimedJoins(const NameMatcher &JoinMembers,
                         const NameMatcher &WaitAll) {
  std::vector<std::string> Names = splitList(JoinMembers.str());
  for (const std::string &Name : splitList(WaitAll.str()))
    Names.push_back(Name);
  // The catalogue's waits for a result and on another thread, by their
  // qualified names (std::future::get, std::atomic::wait).
  for (const BlockingCategory &C : blockingCategories())
    if (C.Key == "result" || C.Key == "wait")
      for (const std::string &Name : splitList(C.DefaultNames))
        if (!StringRef(Name).ends_with("_for") &&
            !StringRef(Name).ends_with("_until"))
          Names.push_back(Name);
  return NameMatcher(joinList(Names));
}

namespace {

/// True when \p E is the object `this` points to, a part of it, or what a
/// member of it returns (`handle.promise().ready`, `*this`, `t` for a
/// reference `auto &t = *this`).
bool fromThis(const Expr *E, unsigned Depth = 0) {
  E = strip(E, Wrappers::Object);
  if (!E || Depth > 6)
    return false;
  if (isa<CXXThisExpr>(E))
    return true;
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    return fromThis(Deref->getSubExpr(), Depth + 1);
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return fromThis(Member->getBase(), Depth + 1);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return fromThis(Call->getImplicitObjectArgument(), Depth + 1);
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->isLocalVarDecl() && Var->getType()->isReferenceType() &&
         fromThis(Var->getInit(), Depth + 1);
}

/// True when the visible body of \p Member waits on the state of its own
/// object: it calls one of \p Waits on it or given it (`ready.wait(false)`,
/// yaclib's `Wait(*this)`), or a member of what it holds that does
/// (kelcoro's `get() &&` calls `get() &`, which calls `wait()`).
bool waitsOnOwnState(const FunctionDecl *Member, const NameMatcher &Waits,
                     unsigned Depth = 0) {
  const FunctionDecl *Def = nullptr;
  if (!Member || Depth > 3 || !Member->hasBody(Def))
    return false;
  bool Waited = false;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (Waited || !Call)
      return;
    const auto *OnMember = dyn_cast<CXXMemberCallExpr>(Call);
    bool OnThis = OnMember && fromThis(OnMember->getImplicitObjectArgument());
    std::optional<CallInfo> Info = describeCall(*Call);
    if (Info && anyNameMatches(Waits, *Info))
      Waited = OnThis || llvm::any_of(Call->arguments(), [](const Expr *Arg) {
                 return fromThis(Arg);
               });
    else if (OnThis)
      Waited = waitsOnOwnState(OnMember->getMethodDecl(), Waits, Depth + 1);
  });
  return Waited;
}

} // namespace

bool joinedInPlace(const CallExpr &Spawn, ASTContext &Ctx,
                   const NameMatcher &Joins) {
  // Up through what leaves the object as it is, to the member it is the
  // object of.
  const auto *Member =
      dyn_cast_or_null<MemberExpr>(holderOf(Spawn, Ctx, 8).Parent);
  if (!Member)
    return false;
  DynTypedNodeList Up = Ctx.getParents(*Member);
  const auto *Call = Up.size() == 1 ? Up[0].get<CXXMemberCallExpr>() : nullptr;
  std::optional<CallInfo> Info =
      Call && Call->getCallee()->IgnoreParens() == Member ? describeCall(*Call)
                                                          : std::nullopt;
  // A listed join, or a member whose body waits on the task's state.
  return Info &&
         (anyNameMatches(Joins, *Info) || waitsOnOwnState(Info->Callee, Joins));
}

} // namespace clang::tidy::async::model

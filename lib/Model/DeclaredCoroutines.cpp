//===--- DeclaredCoroutines.cpp - async-lint ------------------------------===//

#include "DeclaredCoroutines.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "SkippedBodies.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

bool DeclaredCoroutines::returnsNewTask(const FunctionDecl &Callee) {
  auto [It, New] = ReturnsNewTask.try_emplace(&Callee, false);
  if (!New)
    return It->second;
  // A non-coroutine returning a task type (coro_wrapper), and a function
  // that opts out of Clang's coroutine lifetime analysis.
  const FunctionDecl *Latest = Callee.getMostRecentDecl();
  if (Latest->hasAttr<CoroWrapperAttr>() ||
      Latest->hasAttr<CoroDisableLifetimeBoundAttr>())
    return false;
  // A coroutine returns its task by value; a function returning a reference
  // to a task (std::move) hands on one that exists already.
  QualType Result = Callee.getReturnType();
  bool Task = !Result.isNull() && !Result->isDependentType() &&
              !Result->isReferenceType() && isTaskType(Result);
  ReturnsNewTask[&Callee] = Task;
  return Task;
}

namespace {

/// Collects the overriding definitions of every virtual method of a unit.
struct OverriderCollector : RecursiveASTVisitor<OverriderCollector> {
  llvm::DenseMap<const CXXMethodDecl *,
                 llvm::SmallVector<const CXXMethodDecl *, 2>> &Into;
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitCXXMethodDecl(CXXMethodDecl *MD) {
    if (!MD->doesThisDeclarationHaveABody() || MD->isDependentContext())
      return true;
    // Every method it overrides, through the chain, but each once.
    llvm::SmallVector<const CXXMethodDecl *, 4> Work(
        MD->overridden_methods().begin(), MD->overridden_methods().end());
    llvm::SmallPtrSet<const CXXMethodDecl *, 4> Seen;
    while (!Work.empty()) {
      const CXXMethodDecl *Base = Work.pop_back_val()->getCanonicalDecl();
      if (!Seen.insert(Base).second)
        continue;
      Into[Base].push_back(MD);
      Work.append(Base->overridden_methods().begin(),
                  Base->overridden_methods().end());
    }
    return true;
  }
};

/// The method a call through \p Call's object runs when its dynamic type
/// is known (Clang's devirtualisation), or null.
const CXXMethodDecl *devirtualised(const CXXMemberCallExpr &Call,
                                   const CXXMethodDecl &MD) {
  const auto *Member = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  if (!Member || !Member->getBase())
    return nullptr;
  const CXXMethodDecl *Runs =
      MD.getDevirtualizedMethod(Member->getBase(), /*IsAppleKext=*/false);
  return Runs && Runs->getCanonicalDecl() != MD.getCanonicalDecl() ? Runs
                                                                   : nullptr;
}

} // namespace

const DeclaredCoroutines::Methods &
DeclaredCoroutines::overridersOf(const CXXMethodDecl &MD) {
  if (!Overriders) {
    Overriders.emplace();
    OverriderCollector Collector{{}, *Overriders};
    Collector.TraverseDecl(MD.getASTContext().getTranslationUnitDecl());
  }
  return (*Overriders)[MD.getCanonicalDecl()];
}

const FunctionDecl *
DeclaredCoroutines::dispatched(const CXXMemberCallExpr &Call,
                               const CXXMethodDecl &MD) {
  if (const CXXMethodDecl *Runs = devirtualised(Call, MD)) {
    const FunctionDecl *Body = nullptr;
    if (!Runs->hasBody(Body))
      return &MD; // declared only: judged by the type
    return getCoroutineBody(*Body) ? Body : nullptr;
  }
  // The overrides a call on an object of the static type may reach.
  const CXXRecordDecl *Static = nullptr;
  if (const Expr *Object = Call.getImplicitObjectArgument()) {
    QualType Type = Object->IgnoreParenImpCasts()->getType();
    if (Type->isPointerType())
      Type = Type->getPointeeType();
    Static = Type->getAsCXXRecordDecl();
  }
  Methods Reached;
  for (const CXXMethodDecl *Override : overridersOf(MD)) {
    const CXXRecordDecl *Class = Override->getParent();
    if (!Static || Class->getCanonicalDecl() == Static->getCanonicalDecl() ||
        Class->isDerivedFrom(Static))
      Reached.push_back(Override);
  }
  if (Reached.empty()) {
    ByType.insert(&Call);
    return &MD;
  }
  Methods Coroutines;
  for (const CXXMethodDecl *Override : Reached)
    if (getCoroutineBody(*Override))
      Coroutines.push_back(Override);
  // One coroutine among them: the call is judged by its body; several: by
  // the type, for the parameters one of them names.
  if (Coroutines.size() <= 1)
    return Coroutines.empty() ? nullptr : Coroutines.front();
  Borrowers[&Call] = std::move(Coroutines);
  return &MD;
}

const FunctionDecl *DeclaredCoroutines::calledBy(const CallExpr &Call,
                                                 const Library &Lib) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !definedElsewhere(*Callee) || Callee->isDeleted() ||
      Callee->isDependentContext() || isLambdaCallOperator(*Callee) ||
      !returnsNewTask(*Callee) || isLibraryTaskCall(Call, Lib))
    return nullptr;
  // A call qualified with the class name does not dispatch.
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(&Call);
  const auto *Member =
      MemberCall ? dyn_cast<MemberExpr>(MemberCall->getCallee()->IgnoreParens())
                 : nullptr;
  if (!MD || !MD->isVirtual() || !Member || Member->hasQualifier())
    return Callee;
  return dispatched(*MemberCall, *MD);
}

bool DeclaredCoroutines::mayBorrow(const CallExpr &Call, unsigned Index) const {
  auto It = Borrowers.find(&Call);
  if (It == Borrowers.end())
    return true;
  return llvm::any_of(It->second, [&](const CXXMethodDecl *Override) {
    return Index < Override->getNumParams() &&
           Override->getParamDecl(Index)->isReferenced();
  });
}

bool DeclaredCoroutines::judgedByType(const CallExpr &Call) const {
  return ByType.contains(&Call);
}

Borrow borrowOf(const CoroutineCall &C, const ParmVarDecl *Param) {
  if (Param && Param->hasAttr<LifetimeBoundAttr>())
    return Borrow::Lifetimebound;
  // Clang's reading of [[clang::coro_return_type, clang::coro_lifetimebound]]:
  // every parameter lives as long as the task.
  const auto *RD = C.Coro.getReturnType()->getAsRecordDecl();
  if (RD && RD->hasAttr<CoroReturnTypeAttr>() &&
      RD->hasAttr<CoroLifetimeBoundAttr>())
    return Borrow::CoroLifetimebound;
  // A lazy task has not run when the call returns: whatever its body does
  // with the parameter, it does later. An eager one may be done with it
  // before its first suspension; nothing here says.
  return C.lazy() ? Borrow::Lazy : Borrow::Unknown;
}

namespace {

/// The task of \p C may still use \p D's referent when it dies.
std::optional<ArgumentDeath> diesBeforeTask(const CoroutineCall &C,
                                            ArgumentDeath D) {
  D.Fate = C.fate();
  D.Dies = C.dies(D.R, D.Fate);
  if (D.Dies.isInvalid())
    return std::nullopt;
  return D;
}

} // namespace

std::optional<ArgumentDeath>
declaredArgumentDeath(const CoroutineCall &C, const ParmVarDecl &Param,
                      const Expr &Arg, bool EagerTemporaries, Borrow &B) {
  B = borrowOf(C, &Param);
  if ((B == Borrow::Unknown && !EagerTemporaries) ||
      (B == Borrow::Lazy && takesTask(Param)))
    return std::nullopt;
  ArgumentDeath D{
      TaskFlow::referentOf(&Arg, !Param.getType()->isReferenceType())};
  if (D.R.What == Referent::Kind::Other)
    return std::nullopt;
  // An eager coroutine of unknown borrowing, with EagerTemporaries: a
  // temporary, and a task awaited after the full expression, which shows
  // that the caller expects it to suspend.
  if (B == Borrow::Unknown && (D.R.What != Referent::Kind::Temporary ||
                               C.fate().What != TaskFate::Kind::AwaitedLater))
    return std::nullopt;
  return diesBeforeTask(C, D);
}

std::optional<ArgumentDeath> summarisedArgumentDeath(const CoroutineCall &C,
                                                     const ParmVarDecl &Param,
                                                     const Expr &Arg) {
  Borrow B = borrowOf(C, &Param);
  if (B == Borrow::Lifetimebound || B == Borrow::CoroLifetimebound ||
      (B == Borrow::Lazy && takesTask(Param)))
    return std::nullopt;
  ArgumentDeath D{
      TaskFlow::referentOf(&Arg, !Param.getType()->isReferenceType())};
  if (D.R.What == Referent::Kind::Other)
    return std::nullopt;
  return diesBeforeTask(C, D);
}

std::optional<ArgumentDeath>
declaredObjectDeath(const CoroutineCall &C, const Expr &Object, Borrow &B) {
  // The implicit object parameter is a reference, borrowed as the others.
  B = borrowOf(C, nullptr);
  if (B == Borrow::Unknown)
    return std::nullopt;
  ArgumentDeath D{TaskFlow::referentOf(&Object, false)};
  if (D.R.What == Referent::Kind::Other)
    return std::nullopt;
  return diesBeforeTask(C, D);
}

} // namespace clang::tidy::async::model

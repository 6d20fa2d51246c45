//===--- DroppedValues.cpp - async-lint -----------------------------------===//

#include "DroppedValues.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "DropHandOffs.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "PromiseFutures.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

void forEachDiscardedChild(const Stmt &S,
                           llvm::function_ref<void(const Expr *, bool)> Fn) {
  auto Sub = [&](const Stmt *Child) {
    if (const auto *E = dyn_cast_or_null<Expr>(Child))
      Fn(E, true);
  };
  if (const auto *Compound = dyn_cast<CompoundStmt>(&S)) {
    for (const Stmt *Child : Compound->body())
      Sub(Child);
  } else if (const auto *If = dyn_cast<IfStmt>(&S)) {
    Sub(If->getThen());
    Sub(If->getElse());
  } else if (const auto *For = dyn_cast<ForStmt>(&S)) {
    if (const Expr *Inc = For->getInc())
      Fn(Inc, false);
    Sub(For->getBody());
  } else if (const auto *While = dyn_cast<WhileStmt>(&S)) {
    Sub(While->getBody());
  } else if (const auto *Do = dyn_cast<DoStmt>(&S)) {
    Sub(Do->getBody());
  } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
    Sub(Range->getBody());
  } else if (const auto *Case = dyn_cast<SwitchCase>(&S)) {
    Sub(Case->getSubStmt());
  } else if (const auto *Label = dyn_cast<LabelStmt>(&S)) {
    Sub(Label->getSubStmt());
  } else if (const auto *Attributed = dyn_cast<AttributedStmt>(&S)) {
    Sub(Attributed->getSubStmt());
  }
}

bool isResultHandle(QualType T) {
  if (isTaskType(T))
    return lazinessOf(T) == Laziness::Eager;
  return isAwaitableType(T);
}

bool isVoidCast(const Expr *E) {
  const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
  return Cast && Cast->getTypeAsWritten()->isVoidType();
}

std::string discardedCalleeName(const Expr &Call) {
  if (std::optional<CallInfo> Info = describeCall(Call)) {
    if (isLambdaCallOperator(*Info->Callee))
      return "a lambda";
    return "'" + displayName(Info->Names.front()) + "'";
  }
  return "this call";
}

bool isStdContainer(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->hasDefinition())
    return false;
  return llvm::any_of(RD->methods(), [](const CXXMethodDecl *M) {
    return M->getIdentifier() && M->getName() == "begin";
  });
}

const VarDecl *exchangesContents(const Stmt &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const auto *Ref =
      Member ? dyn_cast<DeclRefExpr>(
                   strip(Member->getImplicitObjectArgument(), Wrappers::Syntax))
             : nullptr;
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return nullptr;
  QualType Own = Var->getType().getNonReferenceType().getUnqualifiedType();
  for (const Expr *Arg : Member->arguments())
    if (Arg->getType()
            .getNonReferenceType()
            .getUnqualifiedType()
            .getCanonicalType() == Own.getCanonicalType())
      return Var;
  return nullptr;
}

DropVerdict DropVerdicts::judge(QualType T, const Expr *Call) const {
  DropVerdict None{DropVerdict::Kind::None, Laziness::Unknown};
  if (T.isNull() || T->isDependentType() || !T->isRecordType())
    return None;
  // An asynchronous operation given use_awaitable or deferred only starts
  // when it is awaited.
  if (const auto *CE =
          dyn_cast_or_null<CallExpr>(Call ? Call->IgnoreImplicit() : nullptr)) {
    std::string Token = completionTokenName(*CE);
    if (!Token.empty() && Lib.DeferredTokens.matches(Token))
      return {DropVerdict::Kind::DeferredOperation, Laziness::Lazy};
    // No token written: the default one (asio's deferred since 1.28).
    std::string Default = defaultedTokenName(*CE);
    if (!Default.empty() && Lib.DeferredTokens.matches(Default))
      return {DropVerdict::Kind::DeferredOperation, Laziness::Lazy, Default};
    // The read end of a promise whose work the callee started or handed on.
    if (returnsFuture(*CE))
      return None;
  }
  // The rest depends on the type only: judged once per type.
  const Type *Key = T.getCanonicalType().getTypePtr();
  if (auto It = TypeVerdicts.find(Key); It != TypeVerdicts.end())
    return It->second;
  DropVerdict V = judgeType(T);
  TypeVerdicts[Key] = V;
  return V;
}

bool DropVerdicts::returnsFuture(const CallExpr &Call) const {
  if (isFutureCall(&Call, Lib.PromiseFutureMembers))
    return true;
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  return Def && calleeReturnsFuture(*Def, 0);
}

bool DropVerdicts::calleeReturnsFuture(const FunctionDecl &Def,
                                       unsigned Depth) const {
  // A few helpers deep (make_error_future); one being judged (recursion)
  // counts as not returning a future.
  constexpr unsigned MaxHelperDepth = 3;
  if (auto It = FutureCallees.find(&Def); It != FutureCallees.end())
    return It->second;
  if (Depth > MaxHelperDepth)
    return false;
  FutureCallees[&Def] = false;
  bool Returns = returnsPromiseFuture(
      Def, Lib.PromiseFutureMembers, [&](const FunctionDecl &Helper) {
        return calleeReturnsFuture(Helper, Depth + 1);
      });
  FutureCallees[&Def] = Returns;
  return Returns;
}

DropVerdict DropVerdicts::judgeType(QualType T) const {
  DropVerdict None{DropVerdict::Kind::None, Laziness::Unknown};
  std::string Name = canonicalTypeName(T);
  // Fire-and-forget types are made to be dropped; a synchronous generator
  // runs only as it is iterated, so dropping one loses no work; nor does an
  // awaitable whose destructor hands its work on when it was not awaited.
  if (Lib.FireAndForgetTypes.matches(Name) || isSynchronousGenerator(T) ||
      handsOnWhenDropped(T))
    return None;
  bool Listed = Lib.TaskTypes.matches(Name);
  bool Task = Listed || isTaskType(T);
  bool Awaitable = isAwaitableType(T);
  // An awaiter whose await does nothing (std::suspend_never) is no work.
  if (!Task)
    return Awaitable && !isInertAwaiter(T)
               ? DropVerdict{DropVerdict::Kind::Awaitable, Laziness::Unknown}
               : None;
  Laziness L = lazinessOf(T);
  // Unknown only because the editor did not see the body that says: no claim
  // the driver, which sees it, would not make.
  if (L == Laziness::Unknown && lazinessHidden(T))
    return None;
  // A coroutine type that cannot be awaited and does not wait to be started
  // is made to be dropped (fire and forget).
  if (!Awaitable && L != Laziness::Lazy && !Listed)
    return None;
  return {DropVerdict::Kind::Task, L};
}

} // namespace clang::tidy::async::model

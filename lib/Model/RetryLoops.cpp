//===--- RetryLoops.cpp - async-lint --------------------------------------===//

#include "RetryLoops.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "LoopProgress.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

namespace clang::tidy::async::model {

namespace {

/// A condition that tells whether a listed call succeeded: the call, and
/// whether the condition holds when it did.
struct Outcome {
  const CallExpr *Call = nullptr;
  bool HoldsOnSuccess = true;
};

/// The truth a literal compared with states: true for 'true', false for
/// 'false', 'nullptr' and 'std::nullopt'; none for anything else.
std::optional<bool> literalTruth(const Expr *E) {
  E = strip(E, Wrappers::Implicit);
  if (const auto *Bool = dyn_cast_or_null<CXXBoolLiteralExpr>(E))
    return Bool->getValue();
  if (isa_and_nonnull<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
    return false;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  if (Ref && Ref->getDecl()->getIdentifier() &&
      Ref->getDecl()->getName() == "nullopt" &&
      Ref->getDecl()->isInStdNamespace())
    return false;
  return std::nullopt;
}

class RetryWalker {
public:
  RetryWalker(const NameMatcher &MayFail) : MayFail(MayFail) {}

  /// The listed call whose success \p E tests.
  std::optional<Outcome> outcomeOf(const Expr *E, unsigned Depth = 0) const;
  /// Walks \p S; false when a way out of the loop is reached without
  /// \p KnownBy, a call known to have succeeded. \p Inner: in an inner loop
  /// or switch, whose breaks are its own; \p InTry: in a try block.
  bool walk(const Stmt *S, const CallExpr *KnownBy, bool Inner, bool InTry);

  /// The calls on whose success the loop leaves.
  llvm::SmallPtrSet<const CallExpr *, 2> Retried;
  /// What runs before the retried call is known to have succeeded: only
  /// that can make it succeed on the next round.
  llvm::SmallVector<const Stmt *, 16> OnFailure;

private:
  bool leave(const CallExpr *KnownBy) {
    if (KnownBy)
      Retried.insert(KnownBy);
    return KnownBy != nullptr;
  }
  const NameMatcher &MayFail;
};

std::optional<Outcome> RetryWalker::outcomeOf(const Expr *E,
                                              unsigned Depth) const {
  E = strip(E, Wrappers::Condition);
  if (!E || Depth > 8)
    return std::nullopt;
  auto Flip = [](std::optional<Outcome> O, bool By) {
    if (O && By)
      O->HoldsOnSuccess = !O->HoldsOnSuccess;
    return O;
  };
  if (const auto *Not = dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot)
    return Flip(outcomeOf(Not->getSubExpr(), Depth + 1), true);
  if (std::optional<Equality> Test = equalityParts(E)) {
    for (auto [Side, Other] :
         {std::pair(Test->LHS, Test->RHS), std::pair(Test->RHS, Test->LHS)})
      if (std::optional<bool> Truth = literalTruth(Other))
        return Flip(outcomeOf(Side, Depth + 1), *Truth != Test->Equal);
    return std::nullopt;
  }
  // opt.has_value(), and a conversion to bool (an optional, a smart
  // pointer, a lock).
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && Member->getNumArgs() == 0 &&
        (isa<CXXConversionDecl>(Method) ||
         (Method->getIdentifier() && Method->getName() == "has_value")))
      return outcomeOf(Member->getImplicitObjectArgument(), Depth + 1);
  }
  // A variable that holds what the call returned (`auto v = q.try_pop();`,
  // a condition variable).
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && Var->hasLocalStorage() && Var->getInit() &&
        !Var->getType()->isReferenceType())
      return outcomeOf(strip(Var->getInit(), Wrappers::Object), Depth + 1);
    return std::nullopt;
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
  if (!Info || !anyNameMatches(MayFail, *Info))
    return std::nullopt;
  return Outcome{Call, true};
}

bool RetryWalker::walk(const Stmt *S, const CallExpr *KnownBy, bool Inner,
                       bool InTry) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return true;
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
    return walk(Suspend->getOperand(), KnownBy, Inner, InTry);
  if (isa<GotoStmt, IndirectGotoStmt>(S))
    return false; // Where it goes is not followed.
  if (!KnownBy)
    OnFailure.push_back(S);
  bool Leaves = (isa<BreakStmt>(S) && !Inner) ||
                isa<ReturnStmt, CoreturnStmt>(S) ||
                (isa<CXXThrowExpr>(S) && !InTry);
  if (Leaves && !leave(KnownBy))
    return false;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (!walk(If->getInit(), KnownBy, Inner, InTry) ||
        !walk(If->getConditionVariableDeclStmt(), KnownBy, Inner, InTry) ||
        !walk(If->getCond(), KnownBy, Inner, InTry))
      return false;
    std::optional<Outcome> Test = outcomeOf(If->getCond());
    const CallExpr *OnThen =
        Test && Test->HoldsOnSuccess ? Test->Call : KnownBy;
    const CallExpr *OnElse =
        Test && !Test->HoldsOnSuccess ? Test->Call : KnownBy;
    return walk(If->getThen(), OnThen, Inner, InTry) &&
           walk(If->getElse(), OnElse, Inner, InTry);
  }
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    if (!walk(Try->getTryBlock(), KnownBy, Inner, true))
      return false;
    // A handler runs on an exception, not on the call's success.
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (!walk(Try->getHandler(I), nullptr, Inner, InTry))
        return false;
    return true;
  }
  bool Nested = isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (!walk(Child, KnownBy, Inner || Nested, InTry))
      return false;
  return true;
}

/// The variable or member a call is made on, or an argument names.
const Decl *objectOf(const Expr *E) {
  const ValueDecl *D = namedDecl(E);
  return D ? D->getCanonicalDecl() : nullptr;
}

/// True when a statement of \p OnFailure changes what a call in \p Retried
/// is made on or given, or makes a call that may change state the loop does
/// not show; the retried calls themselves, and other calls of \p MayFail,
/// aside.
bool changesRetried(llvm::ArrayRef<const Stmt *> OnFailure,
                    const llvm::SmallPtrSetImpl<const CallExpr *> &Retried,
                    const NameMatcher &MayFail) {
  llvm::SmallPtrSet<const Decl *, 4> Used;
  for (const CallExpr *Call : Retried) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Used.insert(objectOf(Member->getImplicitObjectArgument()));
    for (const Expr *Arg : Call->arguments())
      Used.insert(objectOf(Arg));
  }
  Used.erase(nullptr);
  bool Changes = false;
  for (const Stmt *Each : OnFailure) {
    if (Changes)
      break;
    const Stmt &S = *Each;
    if (auto [Target, Value] = assignmentParts(&S); Target)
      Changes = Used.contains(objectOf(Target));
    const auto *Call = dyn_cast<CallExpr>(&S);
    std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
    if (!Call || (Info && anyNameMatches(MayFail, *Info)))
      continue;
    if (mayChangeUnseenState(*Call)) {
      Changes = true;
      continue;
    }
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    if (Method && !Method->isConst() &&
        Used.contains(objectOf(Member->getImplicitObjectArgument())))
      Changes = true;
  }
  return Changes;
}

} // namespace

const CallExpr *retriedCall(const Stmt &Loop, const ASTContext &Ctx,
                            const NameMatcher &MayFail) {
  const Expr *Cond = nullptr;
  llvm::SmallVector<const Stmt *, 3> Parts;
  if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    Cond = For->getCond();
    Parts = {For->getConditionVariableDeclStmt(), For->getBody(),
             For->getInc()};
  } else if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    Cond = While->getCond();
    Parts = {While->getConditionVariableDeclStmt(), While->getBody()};
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    Cond = Do->getCond();
    Parts = {Do->getBody()};
  } else {
    return nullptr;
  }
  if (MayFail.empty())
    return nullptr;
  RetryWalker Walk(MayFail);
  bool Value = false;
  bool Forever =
      !Cond || (!Cond->isValueDependent() &&
                Cond->EvaluateAsBooleanCondition(Value, Ctx) && Value);
  // The condition leaves the loop when it fails: it must fail only on the
  // call's success (`while (!q.try_pop(x))`).
  if (!Forever) {
    std::optional<Outcome> Test = Walk.outcomeOf(Cond);
    if (!Test || Test->HoldsOnSuccess)
      return nullptr;
    Walk.Retried.insert(Test->Call);
  }
  for (const Stmt *Part : Parts)
    if (!Walk.walk(Part, nullptr, false, false))
      return nullptr;
  if (Walk.Retried.empty() ||
      changesRetried(Walk.OnFailure, Walk.Retried, MayFail))
    return nullptr;
  return *Walk.Retried.begin();
}

} // namespace clang::tidy::async::model

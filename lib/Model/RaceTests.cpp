//===--- RaceTests.cpp - async-lint ---------------------------------------===//

#include "RaceTests.h"
#include "Assertions.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"

namespace clang::tidy::async::model {

namespace {

/// The condition that \p Cond carries the truth of: the operand of '!'
/// (with \p Holds flipped), the object of a conversion to bool (GoogleTest's
/// 'AssertionResult(cond)'), the initialiser of a condition variable, the
/// argument a wrapper is built from, the operand of a cast. Null when
/// \p Cond is none of them.
const Expr *carriedCondition(const Expr *Cond, bool &Holds) {
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    Holds = !Holds;
    return Not->getSubExpr();
  }
  // A wrapper that carries the truth of what it is built from (GoogleTest's
  // 'AssertionResult(cond)', kept in the if's condition variable, then
  // converted to bool).
  if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(Cond);
      Conversion &&
      isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()) &&
      Conversion->getType()->isBooleanType())
    return Conversion->getImplicitObjectArgument();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Cond);
      Construct && Construct->getNumArgs() >= 1 &&
      Construct->getArg(0)->getType()->isBooleanType())
    return Construct->getArg(0);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Cond))
    return Cast->getSubExpr();
  return nullptr;
}

/// The winner stated by \p Test, an equality test of an outcome's index
/// with a constant, either way round.
void winnerOfEquality(const RaceOutcomes &Races, const Expr *Cond,
                      const Equality &Test, RaceWinners &Out) {
  for (auto [Index, Value] :
       {std::pair(Test.LHS, Test.RHS), std::pair(Test.RHS, Test.LHS)}) {
    const VarDecl *VD = Races.indexRead(Index);
    const Expr *Constant = strip(Value, Wrappers::Implicit);
    std::optional<llvm::APSInt> M =
        VD && Constant && !Constant->isValueDependent()
            ? Constant->getIntegerConstantExpr(Races.context())
            : std::nullopt;
    if (M) {
      Out[VD] = {M->getExtValue(), Cond->getBeginLoc()};
      return;
    }
  }
}

} // namespace

RaceOutcomes::VarSet checkedOutcomes(const RaceOutcomes &Races,
                                     const Stmt *Cond) {
  RaceOutcomes::VarSet Checked;
  forEachOwnStmt(Cond, [&](const Stmt &S) {
    if (const VarDecl *VD = Races.boundOutcome(dyn_cast<Expr>(&S), true)) {
      Checked.insert(VD);
      return;
    }
    // r.index, the winner's index of a when_any over a range.
    if (const auto *Member = dyn_cast<MemberExpr>(&S);
        Member && isa<FieldDecl>(Member->getMemberDecl()) &&
        Member->getMemberDecl()->getIdentifier() &&
        Member->getMemberDecl()->getName() == "index") {
      if (const VarDecl *VD = raceVarOf(Member->getBase());
          VD && Races.isOutcome(VD))
        Checked.insert(VD);
      return;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && Method->getIdentifier() && Method->getName() == "index")
        if (const VarDecl *VD = raceVarOf(Member->getImplicitObjectArgument());
            VD && Races.isOutcome(VD))
          Checked.insert(VD);
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call || Call->getNumArgs() == 0 ||
        !(callsStdFunction(*Call, "holds_alternative") ||
          callsStdFunction(*Call, "get_if")))
      return;
    if (const VarDecl *VD = raceVarOf(Call->getArg(0));
        VD && Races.isOutcome(VD))
      Checked.insert(VD);
  });
  return Checked;
}

void winnersIn(const RaceOutcomes &Races, const Expr *Cond, bool Holds,
               RaceWinners &Out) {
  Cond = strip(Cond, Wrappers::Condition);
  if (!Cond)
    return;
  if (const auto *Logical = dyn_cast<BinaryOperator>(Cond);
      Logical && Logical->isLogicalOp()) {
    // Both sides hold after 'a && b' held, or after 'a || b' failed.
    if ((Logical->getOpcode() == BO_LAnd) == Holds) {
      winnersIn(Races, Logical->getLHS(), Holds, Out);
      winnersIn(Races, Logical->getRHS(), Holds, Out);
    }
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Cond)) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->isCXXCondDecl() && Var->getInit())
      winnersIn(Races, Var->getInit(), Holds, Out);
    return;
  }
  if (const Expr *Carried = carriedCondition(Cond, Holds))
    return winnersIn(Races, Carried, Holds, Out);
  // r.index() == M (or !=), built in or overloaded, either way round.
  std::optional<Equality> Test = equalityParts(Cond);
  if (Test && Test->Equal == Holds)
    return winnerOfEquality(Races, Cond, *Test, Out);
  // std::holds_alternative<T>(r), std::get_if<N>(&r) tested for null.
  const auto *Call = dyn_cast<CallExpr>(Cond);
  if (!Holds || !Call || Call->getNumArgs() != 1 ||
      !(callsStdFunction(*Call, "holds_alternative") ||
        callsStdFunction(*Call, "get_if")))
    return;
  if (const VarDecl *VD = raceVarOf(Call->getArg(0)); VD && Races.isOutcome(VD))
    if (std::optional<int64_t> N = Races.alternativeRead(*Call, *VD))
      Out[VD] = {*N, Cond->getBeginLoc()};
}

bool raceAssertion(const RaceOutcomes &Races, const Stmt &S,
                   llvm::ArrayRef<std::string> AssertionMacros,
                   const NameMatcher &AssertionFunctions, RaceAssertion &Out) {
  const ASTContext &Ctx = Races.context();
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = S.getBeginLoc();
  if (Begin.isMacroID()) {
    if (!isAssertionMacro(S, AssertionMacros, Ctx))
      return false;
    Out.Checked = checkedOutcomes(Races, &S);
    bool Holds = true;
    if (const Expr *Test = assertionFailureTest(&S, SM, Holds))
      winnersIn(Races, Test, Holds, Out.Winners);
    return !Out.Checked.empty();
  }
  const auto *Call =
      dyn_cast_or_null<CallExpr>(strip(dyn_cast<Expr>(&S), Wrappers::Implicit));
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  std::optional<unsigned> Param = assertedBoolParameter(*Callee);
  if (!Param) {
    std::optional<CallInfo> Info = describeCall(*Call);
    if (!Info || !anyNameMatches(AssertionFunctions, *Info) ||
        Call->getNumArgs() == 0)
      return false;
    Param = 0;
  }
  if (*Param >= Call->getNumArgs())
    return false;
  const Expr *Arg = Call->getArg(*Param);
  Out.Checked = checkedOutcomes(Races, Arg);
  winnersIn(Races, Arg, /*Holds=*/true, Out.Winners);
  return !Out.Checked.empty();
}

} // namespace clang::tidy::async::model

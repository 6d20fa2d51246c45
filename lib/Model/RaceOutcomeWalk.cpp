//===--- RaceOutcomeWalk.cpp - async-lint ---------------------------------===//

#include "RaceOutcomeWalk.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "StatementChildren.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p S always leaves the enclosing block: it ends in a jump.
bool alwaysLeaves(const Stmt *S) {
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(S))
    return !Compound->body_empty() && alwaysLeaves(Compound->body_back());
  if (const auto *E = dyn_cast_or_null<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreParenImpCasts());
  return isa_and_nonnull<ReturnStmt, CoreturnStmt, BreakStmt, ContinueStmt,
                         GotoStmt>(S);
}

/// True when \p Child changes the variant \p VD holds: an assignment to it,
/// or a call of a non-const member function on it (emplace, swap).
bool changes(const Stmt *Child, const VarDecl *VD) {
  bool Changed = false;
  forEachOwnStmt(Child, [&](const Stmt &S) {
    if (auto [Target, Value] = assignmentParts(&S);
        Target && raceVarOf(Target) == VD)
      Changed = true;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
        Member && Member->getMethodDecl() &&
        !Member->getMethodDecl()->isConst() &&
        raceVarOf(Member->getImplicitObjectArgument()) == VD)
      Changed = true;
  });
  return Changed;
}

/// The walk of one body.
struct RaceWalk {
  const RaceOutcomes &Races;
  llvm::ArrayRef<std::string> AssertionMacros;
  const NameMatcher &AssertionFunctions;
  llvm::function_ref<void(const Stmt &, const RaceScope &)> Read;

  void walk(const Stmt *S, RaceScope In);
  void walkBlock(const CompoundStmt &Block, RaceScope Running);
};

void RaceWalk::walk(const Stmt *S, RaceScope In) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  auto Union = [&](const RaceOutcomes::VarSet &More) {
    RaceScope Result = In;
    Result.Guarded.insert(More.begin(), More.end());
    return Result;
  };
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    for (const Stmt *Part : conditionParts(*If)->beforeChoice())
      walk(Part, In);
    RaceScope Inside = Union(checkedOutcomes(Races, If->getCond()));
    RaceScope Then = Inside, Else = Inside;
    winnersIn(Races, If->getCond(), /*Holds=*/true, Then.Winners);
    winnersIn(Races, If->getCond(), /*Holds=*/false, Else.Winners);
    walk(If->getThen(), std::move(Then));
    walk(If->getElse(), std::move(Else));
    return;
  }
  if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
    walk(Switch->getCond(), In);
    walk(Switch->getBody(), Union(checkedOutcomes(Races, Switch->getCond())));
    return;
  }
  if (const auto *Cond = dyn_cast<ConditionalOperator>(S)) {
    walk(Cond->getCond(), In);
    RaceScope Inside = Union(checkedOutcomes(Races, Cond->getCond()));
    walk(Cond->getTrueExpr(), Inside);
    walk(Cond->getFalseExpr(), Inside);
    return;
  }
  if (const auto *Logical = dyn_cast<BinaryOperator>(S);
      Logical && Logical->isLogicalOp()) {
    walk(Logical->getLHS(), In);
    walk(Logical->getRHS(), Union(checkedOutcomes(Races, Logical->getLHS())));
    return;
  }
  if (const auto *Compound = dyn_cast<CompoundStmt>(S))
    return walkBlock(*Compound, std::move(In));
  // The operand only: the promise call repeats it.
  if (const auto *Return = dyn_cast<CoreturnStmt>(S))
    return walk(Return->getOperand(), In);
  Read(*S, In);
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
    return walk(Suspend->getOperand(), In);
  for (const Stmt *Child : S->children())
    walk(Child, In);
}

void RaceWalk::walkBlock(const CompoundStmt &Block, RaceScope Running) {
  for (const Stmt *Child : Block.body()) {
    walk(Child, Running);
    // After 'if (check) { ... return; }' the rest of the block is checked;
    // a check that logs and falls through is not.
    if (const auto *If = dyn_cast<IfStmt>(Child);
        If && (alwaysLeaves(If->getThen()) || alwaysLeaves(If->getElse()))) {
      RaceOutcomes::VarSet Checked = checkedOutcomes(Races, If->getCond());
      Running.Guarded.insert(Checked.begin(), Checked.end());
      // What the condition states on the side that goes on.
      if (alwaysLeaves(If->getThen()) != alwaysLeaves(If->getElse()))
        winnersIn(Races, If->getCond(), alwaysLeaves(If->getElse()),
                  Running.Winners);
    }
    // A winner held only until the variant is changed.
    for (const auto &[VD, Known] : RaceWinners(Running.Winners))
      if (changes(Child, VD))
        Running.Winners.erase(VD);
    // An assertion states its condition for the statements after it.
    if (RaceAssertion Facts; raceAssertion(Races, *Child, AssertionMacros,
                                           AssertionFunctions, Facts)) {
      Running.Guarded.insert(Facts.Checked.begin(), Facts.Checked.end());
      for (const auto &[VD, Known] : Facts.Winners)
        Running.Winners[VD] = Known;
    }
    // A race given to a variable: what was checked of its previous outcome
    // no longer holds.
    RaceOutcomes::VarSet Made;
    Races.startsRaces(Child, Made, Running.Inputs);
    for (const VarDecl *VD : Made) {
      Running.Guarded.erase(VD);
      Running.Winners.erase(VD);
      Running.Assigned.insert(VD);
    }
  }
}

} // namespace

const VarDecl *judgedOutcome(const RaceOutcomes &Races, const VarDecl *VD,
                             const RaceScope &In) {
  if (!VD || !Races.isOutcome(VD) || Races.hasOtherValues(VD) ||
      In.Guarded.contains(VD))
    return nullptr;
  if (Races.givenLate(VD) && !In.Assigned.contains(VD))
    return nullptr;
  return VD;
}

void walkRaceOutcomes(
    const Stmt *Body, const RaceOutcomes &Races,
    llvm::ArrayRef<std::string> AssertionMacros,
    const NameMatcher &AssertionFunctions,
    llvm::function_ref<void(const Stmt &, const RaceScope &)> Read) {
  RaceWalk{Races, AssertionMacros, AssertionFunctions, Read}.walk(Body,
                                                                  RaceScope());
}

} // namespace clang::tidy::async::model

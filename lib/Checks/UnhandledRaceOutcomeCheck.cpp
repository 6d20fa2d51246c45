//===--- UnhandledRaceOutcomeCheck.cpp - async-lint -----------------------===//

#include "UnhandledRaceOutcomeCheck.h"
#include "../Model/Awaitables.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Expressions.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral RaceFunctionsOpt = "RaceFunctions";
constexpr llvm::StringLiteral DefaultRaceFunctions =
    "when_any;collectAny;collectAnyRange;collectAnyWithoutException;"
    "boost::cobalt::race;boost::cobalt::left_race";

/// The variable \p E names (through '&' and std::move).
const VarDecl *varOf(const Expr *E) {
  E = model::strip(E, model::Wrappers::Implicit);
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    E = model::strip(Unary->getSubExpr(), model::Wrappers::Implicit);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

bool isStdCall(const CallExpr &Call, StringRef Name) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
         Callee->getName() == Name;
}

/// True when \p S always leaves the enclosing block: it ends in a jump.
bool alwaysLeaves(const Stmt *S) {
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(S))
    return !Compound->body_empty() && alwaysLeaves(Compound->body_back());
  if (const auto *E = dyn_cast_or_null<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreParenImpCasts());
  return isa_and_nonnull<ReturnStmt, CoreturnStmt, BreakStmt, ContinueStmt,
                         GotoStmt>(S);
}

/// The element whose result \p E takes: the operand of a co_await, or the
/// object of get(), value() or result().
const Expr *usedResult(const Expr *E) {
  if (const auto *Await = dyn_cast_or_null<CoawaitExpr>(E))
    return Await->getOperand();
  const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (Method && Method->getIdentifier() &&
      llvm::is_contained({"get", "value", "result"}, Method->getName()))
    return Member->getImplicitObjectArgument();
  return nullptr;
}

/// How the winner's index of \p Outcome is read: a member 'index' or a
/// member function 'index()'; empty when it has neither (libcoro's
/// when_any yields the winner's value alone).
std::string indexSpelling(const VarDecl &Outcome) {
  const CXXRecordDecl *RD = Outcome.getType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return "";
  std::string Name = Outcome.getName().str() + ".index";
  for (const FieldDecl *Field : RD->fields())
    if (Field->getIdentifier() && Field->getName() == "index")
      return Name;
  for (const CXXMethodDecl *Method : RD->methods())
    if (Method->getIdentifier() && Method->getName() == "index")
      return Name + "()";
  return "";
}

} // namespace

UnhandledRaceOutcomeCheck::UnhandledRaceOutcomeCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines, /*Templates=*/false,
                 /*StoresLibrary=*/false),
      RaceFunctions(Options.get(RaceFunctionsOpt, DefaultRaceFunctions)) {}

void UnhandledRaceOutcomeCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, RaceFunctionsOpt, RaceFunctions.str());
}

const CoawaitExpr *UnhandledRaceOutcomeCheck::raceAwait(const Expr *E) const {
  const auto *Await =
      dyn_cast_or_null<CoawaitExpr>(model::strip(E, model::Wrappers::Implicit));
  if (!Await)
    return nullptr;
  const auto *Call = dyn_cast<CallExpr>(
      model::strip(Await->getOperand(), model::Wrappers::Implicit));
  if (!Call)
    return nullptr;
  // asio's awaitable operators: a || b of two awaitables.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_PipePipe && Op->getNumArgs() == 2 &&
      Op->getType()->isRecordType() && Op->getArg(0)->getType()->isRecordType())
    return Await;
  std::optional<model::CallInfo> Info = model::describeCall(*Call);
  if (Info && model::anyNameMatches(RaceFunctions, *Info))
    return Await;
  return nullptr;
}

void UnhandledRaceOutcomeCheck::collectOutcome(const Stmt &S) {
  const VarDecl *VD = nullptr;
  const CoawaitExpr *Await = nullptr;
  if (const auto *DS = dyn_cast<DeclStmt>(&S)) {
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (const CoawaitExpr *Race = raceAwait(Var->getInit())) {
          VD = Var;
          Await = Outcomes[Var] = Race;
        }
  } else if (auto [Target, Value] = model::assignmentParts(&S); Target) {
    VD = varOf(Target);
    Await = raceAwait(Value);
    if (VD && !Await)
      OtherValues.insert(VD);
    if (VD && Await && Outcomes.try_emplace(VD, Await).second)
      LateOutcomes.insert(VD);
  }
  if (!VD || !Await)
    return;
  // The ranges a race takes whole (when_any(tasks)).
  const auto *Call = dyn_cast<CallExpr>(
      model::strip(Await->getOperand(), model::Wrappers::Implicit));
  if (!Call || isa<CXXOperatorCallExpr>(Call))
    return;
  for (const Expr *Arg : Call->arguments())
    if (const VarDecl *Range = varOf(Arg); Range &&
                                           Range->getType()->isRecordType() &&
                                           !model::isTaskType(Range->getType()))
      RacedRanges[Range] = VD;
}

UnhandledRaceOutcomeCheck::VarSet
UnhandledRaceOutcomeCheck::checkedIn(const Stmt *Cond) const {
  VarSet Checked;
  model::forEachOwnStmt(Cond, [&](const Stmt &S) {
    // r.index, the winner's index of a when_any over a range.
    if (const auto *Member = dyn_cast<MemberExpr>(&S);
        Member && isa<FieldDecl>(Member->getMemberDecl()) &&
        Member->getMemberDecl()->getIdentifier() &&
        Member->getMemberDecl()->getName() == "index") {
      if (const VarDecl *VD = varOf(Member->getBase());
          VD && Outcomes.count(VD))
        Checked.insert(VD);
      return;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && Method->getIdentifier() && Method->getName() == "index")
        if (const VarDecl *VD = varOf(Member->getImplicitObjectArgument());
            VD && Outcomes.count(VD))
          Checked.insert(VD);
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call || Call->getNumArgs() == 0 ||
        !(isStdCall(*Call, "holds_alternative") || isStdCall(*Call, "get_if")))
      return;
    if (const VarDecl *VD = varOf(Call->getArg(0)); VD && Outcomes.count(VD))
      Checked.insert(VD);
  });
  return Checked;
}

const VarDecl *UnhandledRaceOutcomeCheck::judgedOutcome(const VarDecl *VD,
                                                        const Scope &In) const {
  if (!VD || !Outcomes.count(VD) || OtherValues.contains(VD) ||
      In.Guarded.contains(VD))
    return nullptr;
  if (LateOutcomes.contains(VD) && !In.Assigned.contains(VD))
    return nullptr;
  return VD;
}

void UnhandledRaceOutcomeCheck::checkRead(const Stmt &S, const Scope &In) {
  checkPositionalRead(S, In);
  const CallExpr *Read = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(&S);
      Call && isStdCall(*Call, "get"))
    Read = Call;
  if (const auto *Deref = dyn_cast<UnaryOperator>(&S);
      Deref && Deref->getOpcode() == UO_Deref)
    if (const auto *Call = dyn_cast<CallExpr>(
            model::strip(Deref->getSubExpr(), model::Wrappers::Implicit));
        Call && isStdCall(*Call, "get_if"))
      Read = Call;
  if (!Read || Read->getNumArgs() == 0)
    return;
  const VarDecl *VD = judgedOutcome(varOf(Read->getArg(0)), In);
  if (!VD)
    return;
  diag(S.getBeginLoc(), "%0 reads the outcome of a race as one alternative "
                        "without checking which side completed; check "
                        "'%1.index()' or use 'std::visit' first")
      << (isStdCall(*Read, "get") ? "'std::get'" : "'*std::get_if'")
      << VD->getName() << S.getSourceRange();
  diag(Outcomes.lookup(VD)->getBeginLoc(),
       "either side of this race may complete "
       "first",
       DiagnosticIDs::Note);
}

void UnhandledRaceOutcomeCheck::checkPositionalRead(const Stmt &S,
                                                    const Scope &In) {
  const auto *E = dyn_cast<Expr>(&S);
  const Expr *Container = nullptr;
  std::optional<int64_t> Position =
      E ? model::constantPosition(E, Container, *Ctx) : std::nullopt;
  const VarDecl *VD = nullptr;
  bool OfInput = false;
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(
          Position ? model::strip(Container, model::Wrappers::Implicit)
                   : nullptr)) {
    // r.results[0]: one input's result, taken from the outcome.
    VD = judgedOutcome(varOf(Member->getBase()), In);
  } else if (const Expr *Element = usedResult(E)) {
    // co_await tasks[0], tasks[0].get(): one input, credited with winning.
    Position = model::constantPosition(Element, Container, *Ctx);
    const VarDecl *Range = Position ? varOf(Container) : nullptr;
    if (Range && In.Inputs.contains(Range))
      VD = judgedOutcome(RacedRanges.lookup(Range), In);
    OfInput = true;
  }
  std::string Index = VD ? indexSpelling(*VD) : "";
  if (Index.empty() || !reportOnce(S.getBeginLoc()))
    return;
  diag(S.getBeginLoc(),
       "this %select{reads the result of|takes}0 input %1 of a race as if it "
       "completed first, without checking which input did; check '%2' first")
      << OfInput << static_cast<int>(*Position) << Index << S.getSourceRange();
  diag(Outcomes.lookup(VD)->getBeginLoc(),
       "any input of this race may complete first", DiagnosticIDs::Note);
}

void UnhandledRaceOutcomeCheck::startsRaces(const Stmt *S, VarSet &Made,
                                            VarSet &Inputs) const {
  const VarDecl *VD = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D);
          Var && raceAwait(Var->getInit()))
        VD = Var;
  } else if (auto [Target, Value] = model::assignmentParts(S);
             Target && raceAwait(Value)) {
    VD = varOf(Target);
  }
  if (!VD)
    return;
  Made.insert(VD);
  for (auto [Range, Outcome] : RacedRanges)
    if (Outcome == VD)
      Inputs.insert(Range);
}

void UnhandledRaceOutcomeCheck::walk(const Stmt *S, Scope In) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  auto Union = [&](const VarSet &More) {
    Scope Result = In;
    Result.Guarded.insert(More.begin(), More.end());
    return Result;
  };
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    walk(If->getInit(), In);
    walk(If->getConditionVariableDeclStmt(), In);
    walk(If->getCond(), In);
    Scope Inside = Union(checkedIn(If->getCond()));
    walk(If->getThen(), Inside);
    walk(If->getElse(), Inside);
    return;
  }
  if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
    walk(Switch->getCond(), In);
    walk(Switch->getBody(), Union(checkedIn(Switch->getCond())));
    return;
  }
  if (const auto *Cond = dyn_cast<ConditionalOperator>(S)) {
    walk(Cond->getCond(), In);
    Scope Inside = Union(checkedIn(Cond->getCond()));
    walk(Cond->getTrueExpr(), Inside);
    walk(Cond->getFalseExpr(), Inside);
    return;
  }
  if (const auto *Logical = dyn_cast<BinaryOperator>(S);
      Logical && Logical->isLogicalOp()) {
    walk(Logical->getLHS(), In);
    walk(Logical->getRHS(), Union(checkedIn(Logical->getLHS())));
    return;
  }
  if (const auto *Compound = dyn_cast<CompoundStmt>(S))
    return walkBlock(*Compound, std::move(In));
  checkRead(*S, In);
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
    return walk(Suspend->getOperand(), In);
  for (const Stmt *Child : S->children())
    walk(Child, In);
}

void UnhandledRaceOutcomeCheck::walkBlock(const CompoundStmt &Block,
                                          Scope Running) {
  for (const Stmt *Child : Block.body()) {
    walk(Child, Running);
    // After 'if (check) { ... return; }' the rest of the block is checked;
    // a check that logs and falls through is not.
    if (const auto *If = dyn_cast<IfStmt>(Child);
        If && (alwaysLeaves(If->getThen()) || alwaysLeaves(If->getElse()))) {
      VarSet Checked = checkedIn(If->getCond());
      Running.Guarded.insert(Checked.begin(), Checked.end());
    }
    // A race given to a variable: what was checked of its previous outcome
    // no longer holds.
    VarSet Made;
    startsRaces(Child, Made, Running.Inputs);
    for (const VarDecl *VD : Made) {
      Running.Guarded.erase(VD);
      Running.Assigned.insert(VD);
    }
  }
}

void UnhandledRaceOutcomeCheck::checkFunction(CheckedFunction &F) {
  const Stmt *Body = &F.Body;
  Outcomes.clear();
  LateOutcomes.clear();
  OtherValues.clear();
  RacedRanges.clear();
  Ctx = &F.Ctx;
  F.forEachStmt([&](const Stmt &S) {
    collectOutcome(S);
    // A race whose outcome is dropped: a whole statement.
    const auto *Compound = dyn_cast<CompoundStmt>(&S);
    if (!Compound)
      return;
    for (const Stmt *Child : Compound->body()) {
      const auto *E = dyn_cast<Expr>(Child);
      const CoawaitExpr *Await = E ? raceAwait(E) : nullptr;
      if (!Await || Await->getType()->isVoidType())
        continue;
      diag(Await->getBeginLoc(),
           "the outcome of this race is discarded, so the code after it "
           "cannot tell which side completed; inspect the result, or cast it "
           "to 'void' when either side will do")
          << Await->getSourceRange();
    }
  });
  if (!Outcomes.empty())
    walk(Body, {});
}

} // namespace clang::tidy::async

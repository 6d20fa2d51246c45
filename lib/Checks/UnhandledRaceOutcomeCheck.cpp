//===--- UnhandledRaceOutcomeCheck.cpp - async-lint -----------------------===//

#include "UnhandledRaceOutcomeCheck.h"
#include "../Model/Assertions.h"
#include "../Model/Awaitables.h"
#include "../Model/Bindings.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Expressions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral RaceFunctionsOpt = "RaceFunctions";
constexpr llvm::StringLiteral DefaultRaceFunctions =
    "when_any;collectAny;collectAnyRange;collectAnyWithoutException;"
    "boost::cobalt::race;boost::cobalt::left_race";
constexpr llvm::StringLiteral AssertionMacrosOpt = "AssertionMacros";
// Assertion macros that do not report their condition's text; those that do
// (assert, GoogleTest, Catch2, Boost.Test, doctest, most in-house CHECK
// macros) are recognised by that.
constexpr llvm::StringLiteral DefaultAssertionMacros = "";
constexpr llvm::StringLiteral AssertionFunctionsOpt = "AssertionFunctions";
constexpr llvm::StringLiteral DefaultAssertionFunctions = "boost::ut::expect";

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
  if (const BindingDecl *Binding = model::bindingOf(Outcome, "index"))
    return Binding->getName().str();
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

/// True when \p Child changes the variant \p VD holds: an assignment to it,
/// or a call of a non-const member function on it (emplace, swap).
bool changes(const Stmt *Child, const VarDecl *VD) {
  bool Changed = false;
  model::forEachOwnStmt(Child, [&](const Stmt &S) {
    if (auto [Target, Value] = model::assignmentParts(&S);
        Target && varOf(Target) == VD)
      Changed = true;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
        Member && Member->getMethodDecl() &&
        !Member->getMethodDecl()->isConst() &&
        varOf(Member->getImplicitObjectArgument()) == VD)
      Changed = true;
  });
  return Changed;
}

} // namespace

UnhandledRaceOutcomeCheck::UnhandledRaceOutcomeCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines, /*Templates=*/false,
                 /*StoresLibrary=*/false),
      RaceFunctions(Options.get(RaceFunctionsOpt, DefaultRaceFunctions)),
      AssertionMacros(model::splitList(
          Options.get(AssertionMacrosOpt, DefaultAssertionMacros))),
      AssertionFunctions(
          Options.get(AssertionFunctionsOpt, DefaultAssertionFunctions)) {}

void UnhandledRaceOutcomeCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, RaceFunctionsOpt, RaceFunctions.str());
  Options.store(Opts, AssertionMacrosOpt, model::joinList(AssertionMacros));
  Options.store(Opts, AssertionFunctionsOpt, AssertionFunctions.str());
}

const CoawaitExpr *UnhandledRaceOutcomeCheck::raceAwait(const Expr *E,
                                                        bool Value) const {
  // A task whose await_resume returns 'T &&' (libcoro, cppcoro) hands the
  // outcome over by a move: the variable is still the race's outcome.
  const auto *Await = dyn_cast_or_null<CoawaitExpr>(model::strip(
      E, Value ? model::Wrappers::Object : model::Wrappers::Implicit));
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
        if (const CoawaitExpr *Race = raceAwait(Var->getInit(), true)) {
          VD = Var;
          Await = Outcomes[Var] = Race;
        }
  } else if (auto [Target, Value] = model::assignmentParts(&S); Target) {
    VD = varOf(Target);
    Await = raceAwait(Value, true);
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
    if (const VarDecl *VD = boundOutcome(dyn_cast<Expr>(&S), true)) {
      Checked.insert(VD);
      return;
    }
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

const VarDecl *UnhandledRaceOutcomeCheck::indexRead(const Expr *E) const {
  E = model::strip(E, model::Wrappers::Implicit);
  if (const VarDecl *VD = boundOutcome(E, true))
    return VD;
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    const VarDecl *VD = varOf(Member->getImplicitObjectArgument());
    if (Method && Method->getIdentifier() && Method->getName() == "index" &&
        Member->getNumArgs() == 0 && VD && Outcomes.count(VD))
      return VD;
    return nullptr;
  }
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E)) {
    const VarDecl *VD = varOf(Member->getBase());
    if (isa<FieldDecl>(Member->getMemberDecl()) &&
        Member->getMemberDecl()->getIdentifier() &&
        Member->getMemberDecl()->getName() == "index" && VD &&
        Outcomes.count(VD))
      return VD;
    return nullptr;
  }
  // A test framework's decomposer keeps the operand it is given ('Decomposer()
  // <= r.index()' in Catch2 and doctest, 'seed ->* r.index()' in Boost.Test):
  // an overloaded operator that yields an object, or the object's
  // construction from one value.
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() == 2 && Op->getType()->isRecordType() &&
      !Op->isComparisonOp())
    return indexRead(Op->getArg(1));
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1)
    return indexRead(Construct->getArg(0));
  return nullptr;
}

std::optional<int64_t>
UnhandledRaceOutcomeCheck::alternativeOf(const VarDecl &VD,
                                         const TemplateArgument &Arg) const {
  if (Arg.getKind() == TemplateArgument::Integral)
    return Arg.getAsIntegral().getExtValue();
  if (Arg.getKind() != TemplateArgument::Type)
    return std::nullopt;
  const auto *Variant = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      VD.getType().getNonReferenceType()->getAsCXXRecordDecl());
  if (!Variant || Variant->getTemplateArgs().size() != 1 ||
      Variant->getTemplateArgs()[0].getKind() != TemplateArgument::Pack)
    return std::nullopt;
  QualType Wanted = Arg.getAsType().getCanonicalType().getUnqualifiedType();
  std::optional<int64_t> Found;
  int64_t Position = 0;
  for (const TemplateArgument &Alt :
       Variant->getTemplateArgs()[0].pack_elements()) {
    if (Alt.getKind() == TemplateArgument::Type &&
        Alt.getAsType().getCanonicalType().getUnqualifiedType() == Wanted) {
      if (Found) // Named twice: the type does not tell which.
        return std::nullopt;
      Found = Position;
    }
    ++Position;
  }
  return Found;
}

std::optional<int64_t>
UnhandledRaceOutcomeCheck::alternativeRead(const CallExpr &Read,
                                           const VarDecl &VD) const {
  const FunctionDecl *Callee = Read.getDirectCallee();
  const TemplateArgumentList *Args =
      Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
  if (!Args || Args->size() == 0)
    return std::nullopt;
  return alternativeOf(VD, Args->get(0));
}

void UnhandledRaceOutcomeCheck::winnersIn(const Expr *Cond, bool Holds,
                                          WinnerMap &Out) const {
  Cond = model::strip(Cond, model::Wrappers::Condition);
  if (!Cond)
    return;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return winnersIn(Not->getSubExpr(), !Holds, Out);
  if (const auto *Logical = dyn_cast<BinaryOperator>(Cond);
      Logical && Logical->isLogicalOp()) {
    // Both sides hold after 'a && b' held, or after 'a || b' failed.
    if ((Logical->getOpcode() == BO_LAnd) == Holds) {
      winnersIn(Logical->getLHS(), Holds, Out);
      winnersIn(Logical->getRHS(), Holds, Out);
    }
    return;
  }
  // A wrapper that carries the truth of what it is built from (GoogleTest's
  // 'AssertionResult(cond)', kept in the if's condition variable, then
  // converted to bool).
  if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(Cond);
      Conversion &&
      isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()) &&
      Conversion->getType()->isBooleanType())
    return winnersIn(Conversion->getImplicitObjectArgument(), Holds, Out);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Cond)) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->isCXXCondDecl() && Var->getInit())
      winnersIn(Var->getInit(), Holds, Out);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Cond);
      Construct && Construct->getNumArgs() >= 1 &&
      Construct->getArg(0)->getType()->isBooleanType())
    return winnersIn(Construct->getArg(0), Holds, Out);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Cond))
    return winnersIn(Cast->getSubExpr(), Holds, Out);

  // r.index() == M (or !=), built in or overloaded, either way round.
  std::optional<model::Equality> Test = model::equalityParts(Cond);
  if (Test && Test->Equal == Holds) {
    for (auto [Index, Value] :
         {std::pair(Test->LHS, Test->RHS), std::pair(Test->RHS, Test->LHS)}) {
      const VarDecl *VD = indexRead(Index);
      const Expr *Constant = model::strip(Value, model::Wrappers::Implicit);
      std::optional<llvm::APSInt> M =
          VD && Constant && !Constant->isValueDependent()
              ? Constant->getIntegerConstantExpr(*Ctx)
              : std::nullopt;
      if (M) {
        Out[VD] = {M->getExtValue(), Cond->getBeginLoc()};
        return;
      }
    }
    return;
  }
  // std::holds_alternative<T>(r), std::get_if<N>(&r) tested for null.
  const auto *Call = dyn_cast<CallExpr>(Cond);
  if (!Holds || !Call || Call->getNumArgs() != 1 ||
      !(isStdCall(*Call, "holds_alternative") || isStdCall(*Call, "get_if")))
    return;
  if (const VarDecl *VD = varOf(Call->getArg(0)); VD && Outcomes.count(VD))
    if (std::optional<int64_t> N = alternativeRead(*Call, *VD))
      Out[VD] = {*N, Cond->getBeginLoc()};
}

bool UnhandledRaceOutcomeCheck::assertion(const Stmt &S, Asserted &Out) const {
  const SourceManager &SM = Ctx->getSourceManager();
  SourceLocation Begin = S.getBeginLoc();
  if (Begin.isMacroID()) {
    if (!model::isAssertionMacro(S, AssertionMacros, *Ctx))
      return false;
    Out.Checked = checkedIn(&S);
    bool Holds = true;
    if (const Expr *Test = model::assertionFailureTest(&S, SM, Holds))
      winnersIn(Test, Holds, Out.Winners);
    return !Out.Checked.empty();
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(
      model::strip(dyn_cast<Expr>(&S), model::Wrappers::Implicit));
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  std::optional<unsigned> Param = model::assertedBoolParameter(*Callee);
  if (!Param) {
    std::optional<model::CallInfo> Info = model::describeCall(*Call);
    if (!Info || !model::anyNameMatches(AssertionFunctions, *Info) ||
        Call->getNumArgs() == 0)
      return false;
    Param = 0;
  }
  if (*Param >= Call->getNumArgs())
    return false;
  const Expr *Arg = Call->getArg(*Param);
  Out.Checked = checkedIn(Arg);
  winnersIn(Arg, /*Holds=*/true, Out.Winners);
  return !Out.Checked.empty();
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
  const VarDecl *Named = varOf(Read->getArg(0));
  StringRef What = isStdCall(*Read, "get") ? "'std::get'" : "'*std::get_if'";
  // After a check that alternative M won, a read of another one is wrong
  // whatever the race did: std::get throws, std::get_if yields null.
  if (auto Known = Named ? In.Winners.find(Named) : In.Winners.end();
      Known != In.Winners.end()) {
    std::optional<int64_t> N = alternativeRead(*Read, *Named);
    if (!N || *N == Known->second.Index ||
        !reportOnce(Read->getArg(0)->getExprLoc()))
      return;
    diag(S.getBeginLoc(),
         "%0 reads alternative %1 of '%2' after checking that alternative %3 "
         "won; it %select{throws 'std::bad_variant_access'|yields a null "
         "pointer}4 there")
        << What << static_cast<int>(*N) << Named->getName()
        << static_cast<int>(Known->second.Index) << !isStdCall(*Read, "get")
        << S.getSourceRange();
    diag(Known->second.Where, "'%0' is checked to hold alternative %1 here",
         DiagnosticIDs::Note)
        << Named->getName() << static_cast<int>(Known->second.Index);
    return;
  }
  const VarDecl *VD = judgedOutcome(Named, In);
  // One report per read, however the walk reaches it.
  if (!VD || !reportOnce(Read->getArg(0)->getExprLoc()))
    return;
  diag(S.getBeginLoc(), "%0 reads the outcome of a race as one alternative "
                        "without checking which side completed; check "
                        "'%1.index()' or use 'std::visit' first")
      << What << VD->getName() << S.getSourceRange();
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
  } else if (const VarDecl *Whole =
                 Position ? boundOutcome(Container, false) : nullptr) {
    // Results[0], with 'auto [Index, Results] = co_await when_any(...)'.
    VD = judgedOutcome(Whole, In);
  } else if (const Expr *Element =
                 usedResult(E) ? usedResult(E) : handedInput(S)) {
    // co_await tasks[0], tasks[0].get(), use(tasks[0]): one input, credited
    // with winning.
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
          Var && raceAwait(Var->getInit(), true))
        VD = Var;
  } else if (auto [Target, Value] = model::assignmentParts(S);
             Target && raceAwait(Value, true)) {
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
    Scope Then = Inside, Else = Inside;
    winnersIn(If->getCond(), /*Holds=*/true, Then.Winners);
    winnersIn(If->getCond(), /*Holds=*/false, Else.Winners);
    walk(If->getThen(), std::move(Then));
    walk(If->getElse(), std::move(Else));
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
  // The operand only: the promise call repeats it.
  if (const auto *Return = dyn_cast<CoreturnStmt>(S))
    return walk(Return->getOperand(), In);
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
      // What the condition states on the side that goes on.
      if (alwaysLeaves(If->getThen()) != alwaysLeaves(If->getElse()))
        winnersIn(If->getCond(), alwaysLeaves(If->getElse()), Running.Winners);
    }
    // A winner held only until the variant is changed.
    for (const auto &[VD, Known] : WinnerMap(Running.Winners))
      if (changes(Child, VD))
        Running.Winners.erase(VD);
    // An assertion states its condition for the statements after it.
    if (Asserted Facts; assertion(*Child, Facts)) {
      Running.Guarded.insert(Facts.Checked.begin(), Facts.Checked.end());
      for (const auto &[VD, Known] : Facts.Winners)
        Running.Winners[VD] = Known;
    }
    // A race given to a variable: what was checked of its previous outcome
    // no longer holds.
    VarSet Made;
    startsRaces(Child, Made, Running.Inputs);
    for (const VarDecl *VD : Made) {
      Running.Guarded.erase(VD);
      Running.Winners.erase(VD);
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
    walk(Body, Scope());
}

} // namespace clang::tidy::async

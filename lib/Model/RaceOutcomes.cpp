//===--- RaceOutcomes.cpp - async-lint ------------------------------------===//

#include "RaceOutcomes.h"
#include "Awaitables.h"
#include "Bindings.h"
#include "CallInfo.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::async::model {

namespace {

/// The position of the alternative \p Arg (an index or a type) names in
/// the outcome \p VD, when it names exactly one.
std::optional<int64_t> alternativeOf(const VarDecl &VD,
                                     const TemplateArgument &Arg) {
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

} // namespace

const VarDecl *raceVarOf(const Expr *E) {
  E = strip(E, Wrappers::Implicit);
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    E = strip(Unary->getSubExpr(), Wrappers::Implicit);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

bool callsStdFunction(const CallExpr &Call, StringRef Name) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
         Callee->getName() == Name;
}

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

std::string indexSpelling(const VarDecl &Outcome) {
  if (const BindingDecl *Binding = bindingOf(Outcome, "index"))
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

const CoawaitExpr *RaceOutcomes::raceAwait(const Expr *E, bool Value) const {
  // A task whose await_resume returns 'T &&' (libcoro, cppcoro) hands the
  // outcome over by a move: the variable is still the race's outcome.
  const auto *Await = dyn_cast_or_null<CoawaitExpr>(
      strip(E, Value ? Wrappers::Object : Wrappers::Implicit));
  if (!Await)
    return nullptr;
  const auto *Call =
      dyn_cast<CallExpr>(strip(Await->getOperand(), Wrappers::Implicit));
  if (!Call)
    return nullptr;
  // asio's awaitable operators: a || b of two awaitables.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_PipePipe && Op->getNumArgs() == 2 &&
      Op->getType()->isRecordType() && Op->getArg(0)->getType()->isRecordType())
    return Await;
  std::optional<CallInfo> Info = describeCall(*Call);
  if (Info && anyNameMatches(RaceFunctions, *Info))
    return Await;
  return nullptr;
}

void RaceOutcomes::collect(const Stmt &S) {
  const VarDecl *VD = nullptr;
  const CoawaitExpr *Await = nullptr;
  if (const auto *DS = dyn_cast<DeclStmt>(&S)) {
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (const CoawaitExpr *Race = raceAwait(Var->getInit(), true)) {
          VD = Var;
          Await = Outcomes[Var] = Race;
        }
  } else if (auto [Target, Value] = assignmentParts(&S); Target) {
    VD = raceVarOf(Target);
    Await = raceAwait(Value, true);
    if (VD && !Await)
      OtherValues.insert(VD);
    if (VD && Await && Outcomes.try_emplace(VD, Await).second)
      LateOutcomes.insert(VD);
  }
  if (!VD || !Await)
    return;
  // The ranges a race takes whole (when_any(tasks)).
  const auto *Call =
      dyn_cast<CallExpr>(strip(Await->getOperand(), Wrappers::Implicit));
  if (!Call || isa<CXXOperatorCallExpr>(Call))
    return;
  for (const Expr *Arg : Call->arguments())
    if (const VarDecl *Range = raceVarOf(Arg);
        Range && Range->getType()->isRecordType() &&
        !isTaskType(Range->getType()))
      RacedRanges[Range] = VD;
}

void RaceOutcomes::startsRaces(const Stmt *S, VarSet &Made,
                               VarSet &Inputs) const {
  const VarDecl *VD = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D);
          Var && raceAwait(Var->getInit(), true))
        VD = Var;
  } else if (auto [Target, Value] = assignmentParts(S);
             Target && raceAwait(Value, true)) {
    VD = raceVarOf(Target);
  }
  if (!VD)
    return;
  Made.insert(VD);
  for (auto [Range, Outcome] : RacedRanges)
    if (Outcome == VD)
      Inputs.insert(Range);
}

const VarDecl *RaceOutcomes::boundOutcome(const Expr *E, bool Index) const {
  BoundMember Bound = boundMember(E);
  if (!Bound.Member || !Outcomes.count(Bound.Whole))
    return nullptr;
  bool IsIndex =
      Bound.Member->getIdentifier() && Bound.Member->getName() == "index";
  return IsIndex == Index ? Bound.Whole : nullptr;
}

const Expr *RaceOutcomes::handedInput(const Stmt &S) const {
  const auto *Call = dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  // An operator ([], =) or a standard function (std::move, std::swap) is no
  // reader of the result; a race or a combinator given the element races or
  // joins it again rather than taking it as the winner.
  if (!Callee || isa<CXXOperatorCallExpr>(Call) || Callee->isInStdNamespace())
    return nullptr;
  std::optional<CallInfo> Info = describeCall(*Call);
  if (!Info || anyNameMatches(RaceFunctions, *Info) ||
      anyNameMatches(Combinators, *Info))
    return nullptr;
  for (const Expr *Arg : Call->arguments()) {
    const Expr *Container = nullptr;
    if (constantPosition(strip(Arg, Wrappers::Object), Container, Ctx))
      return strip(Arg, Wrappers::Object);
  }
  return nullptr;
}

const VarDecl *RaceOutcomes::indexRead(const Expr *E) const {
  E = strip(E, Wrappers::Implicit);
  if (const VarDecl *VD = boundOutcome(E, true))
    return VD;
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    const VarDecl *VD = raceVarOf(Member->getImplicitObjectArgument());
    if (Method && Method->getIdentifier() && Method->getName() == "index" &&
        Member->getNumArgs() == 0 && VD && Outcomes.count(VD))
      return VD;
    return nullptr;
  }
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E)) {
    const VarDecl *VD = raceVarOf(Member->getBase());
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

std::optional<int64_t> RaceOutcomes::alternativeRead(const CallExpr &Read,
                                                     const VarDecl &VD) const {
  const FunctionDecl *Callee = Read.getDirectCallee();
  const TemplateArgumentList *Args =
      Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
  if (!Args || Args->size() == 0)
    return std::nullopt;
  return alternativeOf(VD, Args->get(0));
}

} // namespace clang::tidy::async::model

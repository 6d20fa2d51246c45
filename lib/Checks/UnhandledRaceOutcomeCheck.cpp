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

UnhandledRaceOutcomeCheck::VarSet
UnhandledRaceOutcomeCheck::checkedIn(const Stmt *Cond) const {
  VarSet Checked;
  model::forEachOwnStmt(Cond, [&](const Stmt &S) {
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

void UnhandledRaceOutcomeCheck::checkRead(const Stmt &S,
                                          const VarSet &Guarded) {
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
  const VarDecl *VD = varOf(Read->getArg(0));
  auto It = VD ? Outcomes.find(VD) : Outcomes.end();
  if (It == Outcomes.end() || Guarded.contains(VD))
    return;
  diag(S.getBeginLoc(), "%0 reads the outcome of a race as one alternative "
                        "without checking which side completed; check "
                        "'%1.index()' or use 'std::visit' first")
      << (isStdCall(*Read, "get") ? "'std::get'" : "'*std::get_if'")
      << VD->getName() << S.getSourceRange();
  diag(It->second->getBeginLoc(),
       "either side of this race may complete "
       "first",
       DiagnosticIDs::Note);
}

void UnhandledRaceOutcomeCheck::walk(const Stmt *S, VarSet Guarded) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  auto Union = [&](const VarSet &More) {
    VarSet Result = Guarded;
    Result.insert(More.begin(), More.end());
    return Result;
  };
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    walk(If->getInit(), Guarded);
    walk(If->getConditionVariableDeclStmt(), Guarded);
    walk(If->getCond(), Guarded);
    VarSet Inside = Union(checkedIn(If->getCond()));
    walk(If->getThen(), Inside);
    walk(If->getElse(), Inside);
    return;
  }
  if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
    walk(Switch->getCond(), Guarded);
    walk(Switch->getBody(), Union(checkedIn(Switch->getCond())));
    return;
  }
  if (const auto *Cond = dyn_cast<ConditionalOperator>(S)) {
    walk(Cond->getCond(), Guarded);
    VarSet Inside = Union(checkedIn(Cond->getCond()));
    walk(Cond->getTrueExpr(), Inside);
    walk(Cond->getFalseExpr(), Inside);
    return;
  }
  if (const auto *Logical = dyn_cast<BinaryOperator>(S);
      Logical && Logical->isLogicalOp()) {
    walk(Logical->getLHS(), Guarded);
    walk(Logical->getRHS(), Union(checkedIn(Logical->getLHS())));
    return;
  }
  if (const auto *Compound = dyn_cast<CompoundStmt>(S)) {
    // After 'if (check) { ... return; }' the rest of the block is checked;
    // a check that logs and falls through is not.
    VarSet Running = Guarded;
    for (const Stmt *Child : Compound->body()) {
      walk(Child, Running);
      if (const auto *If = dyn_cast<IfStmt>(Child);
          If && (alwaysLeaves(If->getThen()) || alwaysLeaves(If->getElse()))) {
        VarSet Checked = checkedIn(If->getCond());
        Running.insert(Checked.begin(), Checked.end());
      }
    }
    return;
  }
  checkRead(*S, Guarded);
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
    return walk(Suspend->getOperand(), Guarded);
  for (const Stmt *Child : S->children())
    walk(Child, Guarded);
}

void UnhandledRaceOutcomeCheck::checkFunction(CheckedFunction &F) {
  const Stmt *Body = &F.Body;
  Outcomes.clear();
  F.forEachStmt([&](const Stmt &S) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (const CoawaitExpr *Await = raceAwait(VD->getInit()))
            Outcomes[VD] = Await;
      return;
    }
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

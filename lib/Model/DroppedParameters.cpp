//===--- DroppedParameters.cpp - async-lint -------------------------------===//

#include "DroppedParameters.h"
#include "BlockingReports.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "SummaryPlaces.h"
#include "TaskFlow.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// How a summary names parameter \p Index of a function: quoted, or by its
/// position when it has no name.
std::string parameterName(const ParmVarDecl &Param, unsigned Index) {
  if (Param.getName().empty())
    return "#" + std::to_string(Index + 1);
  return "'" + Param.getName().str() + "'";
}

/// The call that makes the value of \p Arg, a prvalue (looking through
/// temporaries, implicit conversions and a copy or move); null when \p Arg
/// is not such a call (a local moved in, a member, a default argument).
const CallExpr *makingCall(const Expr *Arg) {
  Arg = Arg->IgnoreUnlessSpelledInSource()->IgnoreParens();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Arg);
      Construct && Construct->getNumArgs() == 1 &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    Arg = Construct->getArg(0)->IgnoreUnlessSpelledInSource()->IgnoreParens();
  const auto *Call = dyn_cast<CallExpr>(Arg);
  return Call && Call->isPRValue() ? Call : nullptr;
}

/// True when a value of \p T is a task (of any laziness) under \p Verdicts.
bool isTask(QualType T, const DropVerdicts &Verdicts) {
  return Verdicts.judge(T, nullptr).What == DropVerdict::Kind::Task;
}

/// True when every mention of \p Param in \p S is the object of a call of
/// a const member function (`t.done()`), which only observes it. The task
/// flow counts any member call on a task as neutral, a `t.start()` or
/// `t.resume()` included, which would run it: a fact must not depend on
/// which member functions start a task.
bool onlyObserved(const ParmVarDecl &Param, const Stmt &S) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S)) {
    const auto *Object = dyn_cast<DeclRefExpr>(
        Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Object && Object->getDecl() == &Param && Method && Method->isConst())
      return llvm::all_of(Call->arguments(), [&](const Expr *Arg) {
        return onlyObserved(Param, *Arg);
      });
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
      Ref && Ref->getDecl() == &Param)
    return false;
  return llvm::all_of(S.children(), [&](const Stmt *Child) {
    return !Child || onlyObserved(Param, *Child);
  });
}

/// Where a visible function (an inline wrapper of a header) hands its task
/// parameter on to a function of another unit: the call, the parameter's
/// index there.
struct HandOff {
  const CallExpr *Call = nullptr;
  unsigned Index = 0;
};

/// Visits every statement under \p S.
void forEachStmt(const Stmt *S, llvm::function_ref<void(const Stmt &)> Visit) {
  if (!S)
    return;
  Visit(*S);
  for (const Stmt *Child : S->children())
    forEachStmt(Child, Visit);
}

/// The one place \p Wrapper's body mentions its parameter \p Param: as an
/// argument (moved, copied) of a call of a function this unit only declares
/// (`schedule(std::move(t))`); none when it mentions it elsewhere or twice.
/// The task is then that function's to destroy or run: on a path that does
/// not reach the call, the wrapper destroys it unrun itself.
std::optional<HandOff> soleHandOff(const FunctionDecl &Wrapper,
                                   const ParmVarDecl &Param) {
  std::optional<HandOff> Found;
  unsigned Mentions = 0;
  forEachStmt(Wrapper.getBody(), [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Mentions += Ref->getDecl() == &Param;
    // The outermost call first: in `schedule(std::move(t))`, schedule.
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? staticCallee(*Call) : nullptr;
    if (Found || !Callee || isa<CXXOperatorCallExpr>(Call) ||
        Callee->hasBody() || Callee->isInStdNamespace())
      return;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
              strip(Call->getArg(I), Wrappers::Object));
          Ref && Ref->getDecl() == &Param)
        Found = HandOff{Call, I};
  });
  return Mentions == 1 ? Found : std::nullopt;
}

} // namespace

const SummaryStep *droppedParameter(const Summary &S, unsigned Index) {
  return S.Fact == SummaryFact::Drops ? parameterStep(S, Index) : nullptr;
}

std::vector<Finding>
ParameterDrops::judge(const FunctionDecl &FD, const OwnStmts &Own,
                      llvm::function_ref<const TaskFlow &()> Flow,
                      ASTContext &Ctx) {
  // A constructor's initialisers are not in the body the task flow reads:
  // one that keeps its task in a member would look like a drop.
  if (Writer.judging(Ctx) && isSummarised(FD, Ctx.getSourceManager()) &&
      !isa<CXXConstructorDecl>(FD) &&
      llvm::any_of(FD.parameters(), [&](const ParmVarDecl *P) {
        return !P->getType()->isReferenceType() &&
               isTask(P->getType(), Verdicts);
      }))
    summarise(FD, Flow(), Ctx);
  std::vector<Finding> Found;
  if (!Reader.active())
    return Found;
  for (const Stmt *S : Own.all())
    if (const auto *Call = dyn_cast<CallExpr>(S);
        Call && !isa<CXXOperatorCallExpr>(Call))
      checkCall(*Call, Ctx, Found);
  return Found;
}

void ParameterDrops::summarise(const FunctionDecl &FD, const TaskFlow &Flow,
                               ASTContext &Ctx) {
  // Only a parameter given by value is the function's to destroy; its fate
  // is what the whole body does with it: a single use that awaits, starts,
  // stores, returns it or hands it to anything (modelled or not) is not a
  // drop (TaskFlow::fateOfLocal), nor is any member call that may run it.
  Summary E;
  E.What = quotedFunctionName(FD);
  std::vector<std::string> Indexes;
  for (unsigned I = 0; I < FD.getNumParams(); ++I) {
    const ParmVarDecl *Param = FD.getParamDecl(I);
    if (Param->getType()->isReferenceType() ||
        !isTask(Param->getType(), Verdicts))
      continue;
    TaskFate Fate = Flow.fateOfLocal(Param);
    SummaryStep Step;
    Step.Caller = E.What;
    Step.Callee = parameterName(*Param, I);
    if (Fate.What != TaskFate::Kind::Dropped || Fate.Where.isInvalid() ||
        !onlyObserved(*Param, *FD.getBody()) ||
        !placeStep(Fate.Where, Ctx.getSourceManager(), Step))
      continue;
    Indexes.push_back(std::to_string(I));
    E.Steps.push_back(std::move(Step));
  }
  Writer.addPerParameter(std::move(E), Indexes, FD, Ctx);
}

void ParameterDrops::checkCall(const CallExpr &Call, ASTContext &Ctx,
                               std::vector<Finding> &Found) {
  const FunctionDecl *Callee = staticCallee(Call);
  if (!Callee)
    return;
  unsigned Params = Callee->getNumParams();
  for (unsigned I = 0; I < Call.getNumArgs() && I < Params; ++I) {
    // Asked only where a finding could follow: a lazy task made by the
    // argument's own call, for a task parameter taken by value.
    QualType ParamType = Callee->getParamDecl(I)->getType();
    const CallExpr *Made = makingCall(Call.getArg(I));
    if (!Made || ParamType->isReferenceType() || !isTask(ParamType, Verdicts))
      continue;
    DropVerdict V = Verdicts.judge(Made->getType(), Made);
    if (V.What != DropVerdict::Kind::Task || V.Laziness != Laziness::Lazy)
      continue;
    // A visible wrapper that hands the task on to a function of another
    // unit: that function's summary.
    const FunctionDecl *Wrapper = Callee->getDefinition();
    std::optional<HandOff> Via =
        Wrapper && Wrapper->hasBody()
            ? soleHandOff(*Wrapper, *Wrapper->getParamDecl(I))
            : std::nullopt;
    const FunctionDecl *Dropper = Via ? staticCallee(*Via->Call) : Callee;
    const Summary *S = lookup(*Dropper, Ctx);
    const SummaryStep *Step =
        S ? droppedParameter(*S, Via ? Via->Index : I) : nullptr;
    if (!Step)
      continue;
    std::vector<PlacedNote> Notes;
    if (Via)
      Notes.push_back(
          {Via->Call->getBeginLoc(),
           quotedFunctionName(*Wrapper) + " hands it to " + S->What + " here"});
    llvm::append_range(
        Notes, summaryStepNotes(
                   *S, *Step, Ctx.getSourceManager(), Made->getBeginLoc(),
                   [](const SummaryStep &At) {
                     return At.Caller + " destroys its parameter " + At.Callee +
                            " here, unrun";
                   },
                   [](const SummaryStep &At, llvm::StringRef Where) {
                     return At.Caller + " destroyed its parameter " +
                            At.Callee + " at " + Where.str() +
                            ", unrun (summary)";
                   }));
    Found.push_back(
        {Made->getBeginLoc(), Made->getSourceRange(),
         "task returned by " + discardedCalleeName(*Made) + " never runs: " +
             S->What + " destroys it without awaiting, starting or storing it",
         std::move(Notes)});
  }
}

} // namespace clang::tidy::async::model

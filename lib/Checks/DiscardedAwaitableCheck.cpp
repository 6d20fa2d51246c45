//===--- DiscardedAwaitableCheck.cpp - async-lint -------------------------===//

#include "DiscardedAwaitableCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/ContinuationCalls.h"
#include "../Model/CoroutineModel.h"
#include "../Model/DroppedValues.h"
#include "../Model/DroppingWrappers.h"
#include "../Model/Expressions.h"
#include "../Model/JoinedDrops.h"
#include "../Model/LostTaskLocals.h"
#include "../Model/PathFacts.h"
#include "SummaryOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/IgnoreExpr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"

namespace clang::tidy::async {

constexpr llvm::StringLiteral FlagVoidCastsOpt = "FlagVoidCasts";
constexpr llvm::StringLiteral AwaitingWrappersOpt = "AwaitingWrappers";
constexpr llvm::StringLiteral ContinuationsOpt = "ContinuationMembers";

DiscardedAwaitableCheck::DiscardedAwaitableCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions, /*Templates=*/true),
      FlagVoidCasts(Options.get(FlagVoidCastsOpt, false)),
      AwaitingWrappers(Options.get(AwaitingWrappersOpt, "")),
      ContinuationMembers(
          Options.get(ContinuationsOpt, model::DefaultContinuationMembers)),
      Drops(Verdicts, Options.getLocalOrGlobal(SummaryOutputOpt, "").str(),
            Options.getLocalOrGlobal(SummaryDirectoryOpt, "").str()) {}

void DiscardedAwaitableCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, FlagVoidCastsOpt, FlagVoidCasts);
  Options.store(Opts, AwaitingWrappersOpt, AwaitingWrappers.str());
  Options.store(Opts, ContinuationsOpt, ContinuationMembers.str());
  Options.store(Opts, SummaryOutputOpt, Drops.output());
  Options.store(Opts, SummaryDirectoryOpt, Drops.directory());
}

void DiscardedAwaitableCheck::startTranslationUnit() {
  Verdicts.reset();
  Drops.startUnit(Facts.session().summaryIndexes());
}

void DiscardedAwaitableCheck::checkDiscarded(const FunctionDecl &FD,
                                             const Expr *E, bool Statement,
                                             bool VoidCast, ASTContext &Ctx) {
  if (!E)
    return;
  // Parentheses, cleanups, temporaries and implicit casts.
  E = IgnoreExprNodes(E, IgnoreParensSingleStep, IgnoreImplicitSingleStep);
  if (const auto *Comma = dyn_cast<BinaryOperator>(E);
      Comma && Comma->getOpcode() == BO_Comma) {
    checkDiscarded(FD, Comma->getLHS(), false, VoidCast, Ctx);
    checkDiscarded(FD, Comma->getRHS(), false, VoidCast, Ctx);
    return;
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    checkDiscarded(FD, Cond->getTrueExpr(), false, VoidCast, Ctx);
    checkDiscarded(FD, Cond->getFalseExpr(), false, VoidCast, Ctx);
    return;
  }
  if (model::isVoidCast(E)) {
    if (FlagVoidCasts)
      checkDiscarded(FD, cast<ExplicitCastExpr>(E)->getSubExpr(), false, true,
                     Ctx);
    return;
  }
  // A call returning a reference hands back an existing task.
  if (!isa<CallExpr>(E) || !E->isPRValue())
    return;
  Verdict V = Verdicts.judge(E->getType(), E);
  // A continuation's callable observes its result (ContinuationCalls.h).
  auto Cont = model::droppedContinuation(*E, V, ContinuationMembers, Lib, Ctx);
  if (Cont && Cont->Lost)
    emitOnce(*Cont->Lost);
  else if (!Cont && V.What != Verdict::Kind::None &&
           !model::joinedBySignal(FD, *E, Lib, Ctx) &&
           reportOnce(E->getBeginLoc()))
    reportDiscarded(FD, *E, V, Statement && !VoidCast);
}

void DiscardedAwaitableCheck::reportDiscarded(const FunctionDecl &FD,
                                              const Expr &Call,
                                              const Verdict &V, bool Fixable) {
  const Expr *E = &Call;
  SourceLocation Loc = E->getBeginLoc();
  bool InCoroutine = model::isCoroutine(FD);
  bool CanAwait = InCoroutine && model::canAwaitIn(FD, E->getType());
  std::string Callee = model::discardedCalleeName(*E);
  const char *Advice = CanAwait
                           ? "did you forget 'co_await'?"
                           : "await it, start it, or hand it to an executor";
  {
    DiagnosticBuilder Diag = [&]() {
      if (V.What == Verdict::Kind::DeferredOperation)
        return diag(Loc, "asynchronous operation %0 is discarded and never "
                         "starts")
               << Callee;
      const char *Noun = V.What == Verdict::Kind::Task ? "task" : "awaitable";
      switch (V.Laziness) {
      case model::Laziness::Lazy:
        return diag(Loc, "%0 returned by %1 is discarded and never runs")
               << Noun << Callee;
      case model::Laziness::Eager:
        Advice = "its result and exceptions are lost";
        return diag(Loc, "%0 returned by %1 is discarded; what it does after "
                         "it first suspends runs detached")
               << Noun << Callee;
      case model::Laziness::Unknown:
        break;
      }
      return diag(Loc, "%0 returned by %1 is discarded") << Noun << Callee;
    }();
    Diag << E->getSourceRange();
    // In a template instantiation the same code may return something that
    // cannot be awaited for other arguments: no fix there.
    if (Fixable && CanAwait && !Loc.isMacroID() &&
        !FD.isTemplateInstantiation())
      Diag << FixItHint::CreateInsertion(Loc, "co_await ");
  }
  diag(Loc, Advice, DiagnosticIDs::Note);
  if (!V.DefaultToken.empty())
    diag(Loc,
         "no completion token is given, and the default one, '%0', makes an "
         "operation that starts only when it is awaited",
         DiagnosticIDs::Note)
        << model::displayName(V.DefaultToken);
}

void DiscardedAwaitableCheck::checkLocals(CheckedFunction &F) {
  llvm::SmallVector<const VarDecl *, 4> Vars;
  llvm::DenseMap<const VarDecl *, Verdict> VarVerdicts;
  llvm::DenseSet<const VarDecl *> Results; // isResultHandle's locals
  F.forEachLocal([&](const VarDecl &Var, const DeclStmt &) {
    const VarDecl *VD = &Var;
    if (!VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
        isa<ParmVarDecl>(VD))
      return;
    Verdict V = Verdicts.judge(VD->getType(), VD->getInit());
    if (V.What == Verdict::Kind::None)
      return;
    // An awaitable that is not a task (an event, a mutex) is an object to
    // share, not work to await: only one a call returns is tracked.
    if (V.What == Verdict::Kind::Awaitable &&
        !isa_and_nonnull<CallExpr>(
            VD->getInit() ? VD->getInit()->IgnoreImplicit() : nullptr))
      return;
    Vars.push_back(VD);
    VarVerdicts[VD] = V;
    if (V.What == Verdict::Kind::Awaitable ||
        V.Laziness == model::Laziness::Eager)
      Results.insert(VD);
  });
  std::vector<model::UnusedValueLoss> Losses = model::lostTaskLocals(
      Vars, Results, F.Body, F.Ctx, F.own(), Lib.AlwaysTrueFunctions,
      [&]() -> const model::PathFacts & { return F.facts(); });
  if (Losses.empty())
    return;
  const model::PathFacts &Flow = F.facts();
  const VarDecl *Last = nullptr;
  for (const model::UnusedValueLoss &Loss : Losses) {
    if (Loss.Var != Last) {
      Last = Loss.Var;
      reportUnawaited(*Loss.Var, VarVerdicts.lookup(Loss.Var),
                      Flow.isRead(Loss.Var));
    }
    diag(Loss.Where,
         Loss.Overwritten ? "%0 is overwritten here without having been awaited"
                          : "%0 goes out of scope here without having been "
                            "awaited",
         DiagnosticIDs::Note)
        << Loss.Var;
  }
}

void DiscardedAwaitableCheck::reportUnawaited(const VarDecl &Var,
                                              const Verdict &V, bool Read) {
  // "Not on every path" only where some path uses it.
  diag(Var.getLocation(),
       "%0 %1 is %select{never awaited|not awaited on every path}2%3")
      << (V.What == Verdict::Kind::Task ? "task" : "awaitable") << &Var << Read
      << model::unawaitedLoss(V.Laziness, Read);
}

void DiscardedAwaitableCheck::checkContainers(CheckedFunction &F) {
  // The first task stored in each local container of this function (not
  // one of an enclosing function's, captured), in source order.
  llvm::MapVector<const VarDecl *, std::pair<const Expr *, Verdict>> Stored;
  llvm::SmallPtrSet<const VarDecl *, 2> Exchanged;
  F.forEachStmt([&](const Stmt &S) {
    if (!isa<CXXMemberCallExpr, CXXOperatorCallExpr>(S))
      return;
    if (const VarDecl *Var = model::exchangesContents(S))
      Exchanged.insert(Var);
    for (const Expr *Arg : cast<CallExpr>(S).arguments()) {
      // An eager task runs once stored, as a local one does.
      Verdict V = Verdicts.judge(Arg->getType(), nullptr);
      if (V.What != Verdict::Kind::Task || V.Laziness == model::Laziness::Eager)
        continue;
      const VarDecl *Holder = F.flow().localHolderOf(Arg);
      if (Holder && Holder->getDeclContext() == &F.Decl &&
          model::isStdContainer(Holder->getType()))
        Stored.insert({Holder, {Arg, V}});
    }
  });
  for (const auto &[Holder, First] : Stored) {
    if (Exchanged.contains(Holder))
      continue;
    model::TaskFate Fate = F.flow().fateOfLocal(Holder);
    if (Fate.What != model::TaskFate::Kind::Dropped ||
        !reportOnce(Holder->getLocation()))
      continue;
    bool Lazy = First.second.Laziness == model::Laziness::Lazy;
    diag(Holder->getLocation(),
         Lazy ? "tasks stored in %0 are never awaited; they are destroyed "
                "without running"
              : "tasks stored in %0 are never awaited")
        << Holder;
    diag(First.first->getBeginLoc(), "a task is stored in %0 here",
         DiagnosticIDs::Note)
        << Holder;
    if (Fate.Where.isValid())
      diag(Fate.Where,
           "the tasks in %0 are dropped here without having been awaited",
           DiagnosticIDs::Note)
          << Holder;
  }
}

void DiscardedAwaitableCheck::checkFunction(CheckedFunction &F) {
  for (const Stmt *S : F.own().all())
    model::forEachDiscardedChild(*S, [&](const Expr *E, bool Statement) {
      checkDiscarded(F.Decl, E, Statement, false, F.Ctx);
    });
  // Templates are judged in their instantiations, where types are known.
  if (F.Decl.isDependentContext())
    return;
  auto Flow = [&]() -> const model::TaskFlow & { return F.flow(); };
  for (const model::Finding &D : Drops.judge(F.Decl, F.own(), Flow, F.Ctx))
    emitOnce(D);
  checkLocals(F);
  checkContainers(F);
  for (const model::Finding &D : model::droppingConversions(
           F.Decl, F.own(), Verdicts, AwaitingWrappers, F.Ctx))
    emitOnce(D);
}

} // namespace clang::tidy::async

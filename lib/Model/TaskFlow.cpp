//===--- TaskFlow.cpp - async-lint ----------------------------------------===//

#include "TaskFlow.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FrameEnds.h"
#include "HandedOverTasks.h"
#include "SpawnHandles.h"
#include "StatementChildren.h"
#include "StdCalls.h"
#include "TaskHolders.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

using UseKind = TaskFlow::Use::Kind;

/// Walks a function body once, top down, recording for every expression what
/// its value is used for.
class TaskFlow::Builder {
public:
  Builder(TaskFlow &Flow, const Library &Lib, CFGSource Graphs,
          SummarySource Kept)
      : Flow(Flow), Lib(Lib), Graphs(Graphs), Kept(Kept) {}

  void stmt(const Stmt *S, SourceLocation ScopeEnd) {
    if (!S)
      return;
    if (const auto *E = dyn_cast<Expr>(S))
      return expr(E, {UseKind::Discarded, false, E->getBeginLoc()}, nullptr);
    if (const auto *Compound = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *Child : Compound->body())
        stmt(Child, Compound->getRBracLoc());
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          var(VD, ScopeEnd);
      return;
    }
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      if (const Expr *Value = Return->getRetValue())
        expr(Value, {UseKind::Returned, false, Return->getBeginLoc()}, nullptr);
      return;
    }
    if (const auto *Return = dyn_cast<CoreturnStmt>(S)) {
      if (const Expr *Value = Return->getOperand();
          Value && !Return->isImplicit())
        expr(Value, {UseKind::Returned, false, Return->getBeginLoc()}, nullptr);
      return;
    }
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
      return rangeFor(*Range);
    if (isa<CXXTryStmt, CXXCatchStmt, SwitchCase, LabelStmt, AttributedStmt,
            IfStmt, ForStmt, WhileStmt, DoStmt, SwitchStmt>(S))
      return control(*S, ScopeEnd);
    for (const Stmt *Child : S->children())
      stmt(Child, ScopeEnd);
  }

private:
  void rangeFor(const CXXForRangeStmt &Range) {
    SourceLocation End = Range.getEndLoc();
    stmt(Range.getInit(), End);
    expr(Range.getRangeInit(), {UseKind::Iterated, false, Range.getBeginLoc()},
         nullptr);
    if (const VarDecl *Loop = Range.getLoopVariable())
      Flow.ScopeEnds[Loop] = End;
    stmt(Range.getBody(), End);
  }

  /// A statement with sub-statements: they are statements; conditions and
  /// the like are values consumed by the statement. Declarations there live
  /// until its end: a condition's variable is declared by a child (the
  /// declaration statement of an if, switch, for or while), a handler's
  /// exception here.
  void control(const Stmt &S, SourceLocation ScopeEnd) {
    SourceLocation End =
        isa<CXXTryStmt, SwitchCase, LabelStmt, AttributedStmt, CXXCatchStmt>(S)
            ? ScopeEnd
            : S.getEndLoc();
    for (const Stmt *Child : S.children()) {
      if (!Child)
        continue;
      if (isa<Expr>(Child) && !isStatementChild(S, *Child))
        other(cast<Expr>(Child));
      else
        stmt(Child, End);
    }
    if (const auto *Catch = dyn_cast<CXXCatchStmt>(&S);
        Catch && Catch->getExceptionDecl())
      Flow.ScopeEnds[Catch->getExceptionDecl()] = Catch->getEndLoc();
  }

  void var(const VarDecl *VD, SourceLocation ScopeEnd) {
    Flow.ScopeEnds[VD] = ScopeEnd;
    const Expr *Init = VD->getInit();
    if (!Init)
      return;
    Use U{UseKind::StoredOther, false, VD->getLocation()};
    if (VD->hasLocalStorage()) {
      U.What = UseKind::StoredLocal;
      U.Holder = VD;
      U.Store = VD;
      U.Replaces = true;
    }
    expr(Init, U, nullptr);
  }

  void other(const Expr *E) {
    if (E)
      expr(E, {UseKind::Other, false, E->getBeginLoc()}, nullptr);
  }

  /// What storing into the object \p Target does with the stored value;
  /// \p Store is the store (the assignment, the push_back). Only an
  /// assignment to the whole local replaces what it held.
  Use storeInto(const Expr *Target, SourceLocation Where, const Expr *Store,
                bool Assigns) {
    Target = strip(Target, Wrappers::Syntax);
    if (const auto *Subscript = dyn_cast_or_null<CXXOperatorCallExpr>(Target);
        Subscript && Subscript->getOperator() == OO_Subscript) {
      Target = strip(Subscript->getArg(0), Wrappers::Syntax);
      Assigns = false;
    }
    Use Local{UseKind::StoredLocal, false, Where};
    Local.Store = Store;
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Target)) {
      const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
      // `std::ignore = t;` keeps nothing: the value is thrown away.
      if (VD && isStdIgnore(*VD))
        return {UseKind::Discarded, false, Where};
      if (VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType()) {
        Local.Holder = VD;
        Local.Replaces = Assigns;
        return Local;
      }
      if (VD)
        return {UseKind::StoredOther, false, Where};
    }
    if (const auto *Member = dyn_cast_or_null<MemberExpr>(Target)) {
      // A member of a local object lives as long as that object.
      if (const VarDecl *Owner = localObjectOf(Member)) {
        Local.Holder = Owner;
        return Local;
      }
      Use Other{UseKind::StoredOther, false, Where};
      Other.IntoObject =
          isa<CXXThisExpr>(strip(Member->getBase(), Wrappers::Syntax));
      return Other;
    }
    return {UseKind::Other, false, Where};
  }

  /// The value of the object of a member call, or of a store's target: the
  /// store does not consume it.
  void holder(const Expr *Target, const Expr *Full) {
    if (!Target)
      return;
    const Expr *Stripped = strip(Target, Wrappers::Syntax);
    if (const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Stripped);
        Subscript && Subscript->getOperator() == OO_Subscript) {
      record(Target, {UseKind::Neutral}, Full);
      holder(Subscript->getArg(0), Full);
      for (unsigned I = 1; I < Subscript->getNumArgs(); ++I)
        expr(Subscript->getArg(I), {UseKind::Other}, Full);
      return;
    }
    expr(Target, {UseKind::Neutral, false, Target->getBeginLoc()}, Full);
  }

  void record(const Expr *E, Use U, const Expr *Full) {
    U.FullExpr = Full;
    auto [It, New] = Flow.UseOf.try_emplace(E, Flow.Uses.size());
    if (New)
      Flow.Uses.push_back(U);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
        Flow.VarMentions[VD].push_back(E);
  }

  /// Records \p E as used per \p U and descends.
  void expr(const Expr *E, Use U, const Expr *Full) {
    if (!E)
      return;
    if (!Full)
      Full = E;
    record(E, U, Full);
    Use Same = U;
    Use Consumed{UseKind::Other, false, E->getBeginLoc()};

    // Nodes that pass the value through.
    if (isa<ParenExpr, ExprWithCleanups, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ImplicitCastExpr, CXXFunctionalCastExpr,
            CXXStaticCastExpr, ConstantExpr>(E)) {
      for (const Stmt *Child : E->children())
        expr(cast_or_null<Expr>(Child), Same, Full);
      return;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      for (unsigned I = 0; I < Construct->getNumArgs(); ++I)
        expr(Construct->getArg(I),
             constructionKeeps(*Construct, I) ? Same : Consumed, Full);
      return;
    }
    if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(E)) {
      // Only the operand is user code; the awaiter calls are implicit.
      bool Await = isa<CoawaitExpr>(Suspend);
      expr(Suspend->getOperand(),
           Await ? Use{UseKind::Awaited, false, E->getBeginLoc()} : Consumed,
           Full);
      return;
    }
    if (const auto *Await = dyn_cast<DependentCoawaitExpr>(E)) {
      expr(Await->getOperand(), {UseKind::Awaited, false, E->getBeginLoc()},
           Full);
      return;
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
      for (const Expr *Init : Lambda->capture_inits())
        expr(Init, Consumed, Full);
      return;
    }
    if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr,
            ConceptSpecializationExpr, BlockExpr>(E))
      return;
    if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(E);
        Typeid && !Typeid->isPotentiallyEvaluated())
      return;
    if (operatorExpr(*E, U, Full))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return call(*Call, U, Full);
    for (const Stmt *Child : E->children())
      expr(dyn_cast_or_null<Expr>(Child), Consumed, Full);
  }

  /// Assignments, commas and conditional operators: true when \p E is one
  /// (and its operands are recorded).
  bool operatorExpr(const Expr &E, Use U, const Expr *Full) {
    if (const auto *BO = dyn_cast<BinaryOperator>(&E)) {
      if (BO->isAssignmentOp()) {
        expr(BO->getRHS(),
             storeInto(BO->getLHS(), BO->getOperatorLoc(), BO, true), Full);
        holder(BO->getLHS(), Full);
        return true;
      }
      if (BO->getOpcode() == BO_Comma) {
        expr(BO->getLHS(), {UseKind::Discarded, false, BO->getBeginLoc()},
             Full);
        expr(BO->getRHS(), U, Full);
        return true;
      }
    }
    if (const auto *Cond = dyn_cast<ConditionalOperator>(&E)) {
      expr(Cond->getCond(), {UseKind::Other, false, E.getBeginLoc()}, Full);
      expr(Cond->getTrueExpr(), U, Full);
      expr(Cond->getFalseExpr(), U, Full);
      return true;
    }
    return false;
  }

  void call(const CallExpr &Call, Use U, const Expr *Full) {
    Use Consumed{UseKind::Other, false, Call.getBeginLoc()};
    std::optional<CallInfo> Info = describeCall(Call);
    auto Matches = [&](const NameMatcher &List) {
      return Info && anyNameMatches(List, *Info);
    };
    auto Args = [&](Use ArgUse) {
      for (const Expr *Arg : Call.arguments())
        expr(Arg, ArgUse, Full);
    };
    const Expr *Object = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
      Object = Member->getImplicitObjectArgument();

    // std::move and std::forward hand the value on.
    if (isStdFunction(Call, {"move", "forward", "ref", "cref"}) &&
        Call.getNumArgs() == 1)
      return expr(Call.getArg(0), U, Full);

    if (Matches(Lib.SyncWaitFunctions)) {
      Flow.CompletionPoints.push_back(&Call);
      if (Object)
        holder(Object, Full);
      return Args({UseKind::Awaited, false, Call.getBeginLoc()});
    }
    // Combinators and keep-alive wrappers give their arguments the fate of
    // the task they make.
    bool Combinator =
        Matches(Lib.CombinatorFunctions) || Matches(Lib.KeepAliveFunctions);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
      Combinator |= (Op->getOperator() == OO_AmpAmp ||
                     Op->getOperator() == OO_PipePipe) &&
                    Call.getType()->isRecordType();
    if (Combinator) {
      if (Object)
        holder(Object, Full);
      return Args(U.What == UseKind::Awaited || U.What == UseKind::Returned ||
                          U.What == UseKind::Spawned ||
                          U.What == UseKind::StoredLocal ||
                          U.What == UseKind::StoredOther
                      ? U
                      : Consumed);
    }
    if (Matches(Lib.SpawnFunctions)) {
      // A spawn whose completion is awaited runs within the full expression;
      // one whose awaitable result is kept in a local has the local's fate.
      Use Spawned = spawnedBy(Call);
      if (U.What == UseKind::Awaited)
        Spawned = U;
      else if ((U.What == UseKind::StoredLocal && keptToJoin(Call, U.Holder)) ||
               (U.What == UseKind::Returned && keptToJoin(Call, nullptr)))
        (Spawned = U).Started = true;
      if (Object)
        expr(Object, Spawned, Full);
      return Args(Spawned);
    }
    if (Object)
      return memberCall(Call, *Object, U, Full, Matches(Lib.JoinMembers));
    plainCall(Call, U, Full);
  }

  /// Not a member call, nor one of the lists' above: an assignment operator
  /// stores its value; any other call consumes its callee and hands each
  /// argument to its parameter (an operator consumes them); \p U is the
  /// use of the call's value.
  void plainCall(const CallExpr &Call, Use U, const Expr *Full) {
    Use Consumed{UseKind::Other, false, Call.getBeginLoc()};
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      expr(Op->getArg(1),
           storeInto(Op->getArg(0), Op->getOperatorLoc(), Op, true), Full);
      holder(Op->getArg(0), Full);
      return;
    }
    expr(Call.getCallee(), Consumed, Full);
    if (isa<CXXOperatorCallExpr>(Call)) {
      for (const Expr *Arg : Call.arguments())
        expr(Arg, Consumed, Full);
      return;
    }
    for (unsigned I = 0; I < Call.getNumArgs(); ++I)
      expr(Call.getArg(I), handedTo(Call, I, U), Full);
  }

  /// A member call of another kind than above, on \p Object; \p Join: the
  /// member is one of JoinMembers.
  void memberCall(const CallExpr &Call, const Expr &Object, Use U,
                  const Expr *Full, bool Join) {
    Use Consumed{UseKind::Other, false, Call.getBeginLoc()};
    auto Args = [&](Use ArgUse) {
      for (const Expr *Arg : Call.arguments())
        expr(Arg, ArgUse, Full);
    };
    // t.get(), t.wait(), a resuming g.begin(): done or run, as by an await.
    if ((Join || resumesCoroutine(Call)) && isTaskType(Object.getType())) {
      expr(&Object, {UseKind::Awaited, false, Call.getBeginLoc()}, Full);
      return Args(Consumed);
    }
    const auto *Method =
        dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
    if (Method && isStoringMember(*Method)) {
      holder(&Object, Full);
      return Args(storeInto(&Object, Call.getBeginLoc(), &Call, false));
    }
    // t.via(ex), t.scheduleOn(ex): the same task in another wrapper;
    // spawn(t).with_priority(1), spawn(t).fork(): the spawned child's
    // awaitable, or the handle that joins it.
    QualType Result = Call.getType();
    if ((Result->isRecordType() && isTaskType(Object.getType())) ||
        standsForObject(Call, Object, Lib.SpawnFunctions))
      expr(&Object, U, Full);
    else if (Result->isRecordType() || Result->isReferenceType() ||
             Result->isPointerType() || (Method && destroysFrame(*Method)))
      expr(&Object, Consumed, Full); // t.destroy(): the end (FrameEnds.h)
    else
      holder(&Object, Full);
    // A member function defined here (a background holder's 'add') gives
    // its task parameters the fate its body gives them, as a free helper;
    // one that stores it in a member of its object stores it in \p Object
    // (a group kept in a local keeps it).
    for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
      Use Handed = handedTo(Call, I, U);
      if (Handed.What == UseKind::StoredOther && Handed.IntoObject)
        if (Use Local = storeInto(&Object, Call.getBeginLoc(), &Call, false);
            Local.What == UseKind::StoredLocal)
          Handed = Local;
      expr(Call.getArg(I), Handed, Full);
    }
  }

  /// What the function \p Call calls does with the task it is given as
  /// argument \p I, when its definition is here: awaits it (sync_wait)
  /// before it returns, or keeps it where it outlives the call (a member, a
  /// global, a spawn); declared only, it may keep it (HandedOverTasks.h).
  /// One it returns (or the join handle of its spawn) has the fate of the
  /// call's value, \p U; a started one runs from the call on.
  Use handedTo(const CallExpr &Call, unsigned I, Use U) {
    Use Consumed{takesTaskOver(Call, I) ? UseKind::StoredOther : UseKind::Other,
                 false, Call.getBeginLoc()};
    const FunctionDecl *Callee = Call.getDirectCallee();
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    if (!Def || I >= Def->getNumParams() || Flow.SummaryDepth >= 2 ||
        getCoroutineBody(*Def) || Def->isDependentContext() ||
        Flow.Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
      return Consumed;
    const ParmVarDecl *Param = Def->getParamDecl(I);
    if (!isTaskType(Param->getType().getNonReferenceType()))
      return Consumed;
    // Kept for the unit where the session keeps it, else for this flow; a
    // helper being summarised (recursion) finds a use not modelled.
    auto Known = [&]() -> HandedSummaries & {
      return Kept ? Kept(*Def) : Summaries[Def];
    };
    std::pair<unsigned, unsigned> Key{I, Flow.SummaryDepth};
    if (Known().try_emplace(Key, Use()).second)
      Known()[Key] = summarise(*Def, *Param);
    Use Summary = Known()[Key];
    if (Summary.What == UseKind::Returned) {
      U.Started |= Summary.Started;
      return U;
    }
    if (Summary.Where.isInvalid()) // An await, or a use not modelled.
      Summary.Where = Call.getBeginLoc();
    return Summary;
  }

  /// What \p Def does with its task parameter \p Param, on its own flow
  /// one helper deeper; Where invalid when it is the call's.
  Use summarise(const FunctionDecl &Def, const ParmVarDecl &Param) {
    TaskFlow Inner(Def, Lib, Flow.Ctx, Graphs ? Graphs(Def) : nullptr, Graphs,
                   Flow.SummaryDepth + 1, Kept);
    TaskFate F = Inner.resolveVar(&Param, 0);
    Use Summary{UseKind::Other, false, SourceLocation()};
    using K = TaskFate::Kind;
    if (F.What == K::Awaited || F.What == K::AwaitedLater)
      Summary = {UseKind::Awaited, false, SourceLocation()};
    else if (F.What == K::Escapes && F.ViaReturn) { // the caller decides
      Summary.What = UseKind::Returned;
      Summary.Started = F.Started;
    } else if (F.What == K::Escapes && !F.ViaReturn)
      Summary = {F.OnExecutor ? UseKind::Spawned : UseKind::StoredOther, false,
                 F.Where};
    Summary.Spawn = F.Spawn; // set only where it was spawned
    Summary.IntoObject = Summary.What == UseKind::StoredOther && F.IntoObject;
    return Summary;
  }

  Use spawnedBy(const CallExpr &Call) const { // a task handed to Call
    Use U{UseKind::Spawned, detachedToken(Call), Call.getBeginLoc()};
    U.Spawn = &Call;
    return U;
  }

  bool detachedToken(const CallExpr &Call) const {
    std::string Name = completionTokenName(Call);
    return !Name.empty() && Lib.DetachedTokens.matches(Name);
  }

  TaskFlow &Flow;
  const Library &Lib;
  CFGSource Graphs;
  SummarySource Kept;
  /// What a helper does with its task parameters (handedTo), without Kept.
  llvm::DenseMap<const FunctionDecl *, HandedSummaries> Summaries;
};

TaskFlow::TaskFlow(const FunctionDecl &FD, const Library &Lib, ASTContext &Ctx)
    : TaskFlow(FD, Lib, Ctx, nullptr, nullptr) {}

TaskFlow::TaskFlow(const FunctionDecl &FD, const Library &Lib, ASTContext &Ctx,
                   const CFG *Graph, CFGSource Graphs, unsigned SummaryDepth,
                   SummarySource Kept)
    : Ctx(Ctx), SummaryDepth(SummaryDepth), Body(FD.getBody()), Lib(&Lib) {
  if (const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coro->getBody();
  if (!Body)
    return;
  SourceLocation End = Body->getEndLoc();
  for (const ParmVarDecl *Param : FD.parameters())
    ScopeEnds[Param] = End;
  Builder(*this, Lib, Graphs, Kept).stmt(Body, End);
  if (Graph)
    solve(FD, *Graph);
}

} // namespace clang::tidy::async::model

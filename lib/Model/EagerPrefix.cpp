//===--- EagerPrefix.cpp - async-lint -------------------------------------===//

#include "EagerPrefix.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CombinedStarts.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "SuspensionFlow.h"
#include "TaskFlow.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async::model {

namespace {

/// How long a chain of callers up to main is followed.
constexpr unsigned MaxCallerDepth = 8;

/// What \p Await's readiness is that of: its operand, or the object of a
/// member call without arguments whose visible definition is no coroutine
/// (an awaitable view of the object: `p.get_awaitable()`).
const Expr *awaitedObject(const CoawaitExpr &Await) {
  const Expr *Operand = strip(Await.getOperand(), Wrappers::Object);
  const auto *View = dyn_cast<CXXMemberCallExpr>(Operand);
  if (!View)
    return Operand;
  const FunctionDecl *Def = nullptr;
  const CXXMethodDecl *Method = View->getMethodDecl();
  if (!Method || View->getNumArgs() != 0 || !Method->hasBody(Def) ||
      isCoroutine(*Def))
    return nullptr;
  return View->getImplicitObjectArgument();
}

using MentionMap = llvm::DenseMap<const FunctionDecl *,
                                  std::vector<PlainThreadStarts::Mention>>;
using InstanceMap = PlainThreadStarts::InstanceMap;

/// Gathers every mention of a function declared outside system headers,
/// with the function it is in and whether it is a call's callee.
class MentionIndex : public RecursiveASTVisitor<MentionIndex> {
  using Base = RecursiveASTVisitor<MentionIndex>;

public:
  MentionIndex(MentionMap &Found,
               llvm::DenseSet<const FunctionDecl *> &Registered,
               llvm::DenseSet<const FunctionDecl *> &InPlace,
               InstanceMap &Instances, const SourceManager &SM)
      : Found(Found), Registered(Registered), InPlace(InPlace),
        Instances(Instances), SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  // System headers call none of the program's functions by name.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    // The initialiser of a namespace-scope variable runs once, before main.
    if (const auto *VD = dyn_cast_or_null<VarDecl>(D);
        VD && Within.empty() && VD->getDeclContext()->isFileContext()) {
      const VarDecl *Outer = Initialising;
      Initialising = VD;
      bool Result = Base::TraverseDecl(D);
      Initialising = Outer;
      return Result;
    }
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD)
      return Base::TraverseDecl(D);
    Within.push_back(FD);
    bool Result = Base::TraverseDecl(D);
    Within.pop_back();
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    // The captures run where the lambda is made; counting them as the
    // lambda's only makes a caller less known.
    Within.push_back(L->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(L);
    Within.pop_back();
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (const Expr *Callee = Call->getCallee())
      Callees[Callee->IgnoreParenImpCasts()] = Call;
    noteHanded(Call->arguments());
    // A call handed alone to another (defaulted parameters aside): a task
    // started there with nothing else, such as an executor, bound.
    const Expr *Only = nullptr;
    unsigned Given = 0;
    auto Args = Call->arguments();
    // A function object's call (folly's blockingWait) passes the object
    // first.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == OO_Call && !Args.empty())
      Args = {Args.begin() + 1, Args.end()};
    for (const Expr *Arg : Args)
      if (!isa<CXXDefaultArgExpr>(Arg)) {
        Only = Arg;
        ++Given;
      }
    if (Given == 1)
      SoleArgumentOf[strip(Only, Wrappers::Object)] = Call;
    // A lambda called where it is made: that call is its only one.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
      if (const auto *L =
              dyn_cast<LambdaExpr>(strip(Op->getArg(0), Wrappers::Object))) {
        const CXXMethodDecl *Operator = L->getCallOperator();
        InPlace.insert(Operator);
        // A lambda of a template's pattern runs as its instantiations do.
        if (const FunctionDecl *Pattern =
                Operator->getInstantiatedFromMemberFunction())
          Instances[Pattern].push_back(Operator);
      }
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    noteHanded(Construct->arguments());
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    AwaitedBy[strip(Await->getOperand(), Wrappers::Object)] = Await;
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    record(*Ref, Ref->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    record(*Member, Member->getMemberDecl());
    return true;
  }

private:
  /// Remembers the functions handed, by name or address, to a call or a
  /// construction in a namespace-scope variable's initialiser.
  template <class Range> void noteHanded(Range Args) {
    if (!Initialising || !Within.empty())
      return;
    for (const Expr *Arg : Args) {
      const Expr *E = Arg->IgnoreParenImpCasts();
      if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
          AddrOf && AddrOf->getOpcode() == UO_AddrOf)
        E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
      Handed.insert(E);
      // A lambda handed as a function pointer: its conversion's object.
      if (const auto *Convert = dyn_cast<CXXMemberCallExpr>(E);
          Convert &&
          isa_and_nonnull<CXXConversionDecl>(Convert->getMethodDecl()))
        E = Convert->getImplicitObjectArgument();
      if (const LambdaExpr *L = lambdaOf(E))
        Registered.insert(L->getCallOperator());
    }
  }

  void record(const Expr &Ref, const ValueDecl *D) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    const FunctionDecl *In = Within.empty() ? nullptr : Within.back();
    // A template's pattern is judged through its instantiations.
    if (!FD || SM.isInSystemHeader(FD->getLocation()) ||
        (In && In->isDependentContext()))
      return;
    const CallExpr *Call = Callees.lookup(&Ref);
    Found[FD->getCanonicalDecl()].push_back(
        {&Ref, In, Call, Call ? SoleArgumentOf.lookup(Call) : nullptr,
         Call ? AwaitedBy.lookup(Call) : nullptr,
         !In && Handed.contains(&Ref) ? Initialising : nullptr});
  }

  MentionMap &Found;
  llvm::DenseSet<const FunctionDecl *> &Registered;
  llvm::DenseSet<const FunctionDecl *> &InPlace;
  InstanceMap &Instances;
  const SourceManager &SM;
  std::vector<const FunctionDecl *> Within;
  /// The namespace-scope variable whose initialiser is traversed.
  const VarDecl *Initialising = nullptr;
  llvm::DenseSet<const Expr *> Handed;
  llvm::DenseMap<const Expr *, const CallExpr *> Callees;
  llvm::DenseMap<const Expr *, const CallExpr *> SoleArgumentOf;
  llvm::DenseMap<const Expr *, const CoawaitExpr *> AwaitedBy;
};

/// True when the unit can show every caller of \p Def (see EagerPrefix.h);
/// a lambda's when it is called where it is made (\p InPlace).
bool callersAreVisible(const FunctionDecl &Def, bool InPlace) {
  const SourceManager &SM = Def.getASTContext().getSourceManager();
  if (!SM.isInMainFile(SM.getExpansionLoc(Def.getLocation())) ||
      (isLambdaCallOperator(Def) && !InPlace))
    return false;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Def);
  return !Method || !Method->isVirtual();
}

/// True when \p Def is a plain function that the unit mentions nowhere, one
/// of the program's entries that other units call (DPP's
/// `coro_offline_tests()`, which test.cpp's main calls): plain code, whose
/// blocking the check does not claim for an executor (its callers are not
/// shown; a coroutine that calls it is judged through the summaries). A
/// coroutine, a lambda, and a constructor, destructor, operator or
/// conversion (run without a mention of its name) are not.
bool calledOnlyFromOtherUnits(const FunctionDecl &Def) {
  return !isCoroutine(Def) && !isLambdaCallOperator(Def) &&
         Def.getDeclName().isIdentifier() && !Def.isMain() &&
         Def.isExternallyVisible();
}

} // namespace

void PlainThreadStarts::clear() {
  SyncWaits.clear();
  Mentions.reset();
  RegisteredLambdas.clear();
  InPlaceLambdas.clear();
  InPlaceInstances.clear();
  MainOnly.clear();
  LateStmts.clear();
}

bool PlainThreadStarts::startsOnPlainThread(const FunctionDecl &Coro,
                                            const NameMatcher &SyncWaitFns,
                                            AnalysisSession &S,
                                            AnalysisSession::LibraryId L) {
  if (SyncWaits.startedOnlyBySyncWait(Coro, SyncWaitFns))
    return true;
  // A lambda's tasks that an inline combinator starts run where the
  // combinator's awaiter starts.
  if (const FunctionDecl *Parent =
          inlineCombinedParent(Coro, S.library(L).InlineStartCombinators, S, L))
    return startsOnPlainThread(*Parent, SyncWaitFns, S, L);
  // A template's pattern runs as its instantiations do.
  if (const FunctionTemplateDecl *Template =
          Coro.getDescribedFunctionTemplate()) {
    auto Specs = Template->specializations();
    return !Specs.empty() && llvm::all_of(Specs, [&](const FunctionDecl *F) {
      return startsOnPlainThread(*F, SyncWaitFns, S, L);
    });
  }
  if (!isCoroutine(Coro))
    return false;
  SyncWaitFunctions = &SyncWaitFns;
  Session = &S;
  Lib = L;
  if (!Mentions) {
    ASTContext &Ctx = Coro.getASTContext();
    Mentions.emplace();
    MentionIndex Index(*Mentions, RegisteredLambdas, InPlaceLambdas,
                       InPlaceInstances, Ctx.getSourceManager());
    Index.TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  // A lambda called in place in a template's pattern: every instantiation.
  if (auto It = InPlaceInstances.find(&Coro); It != InPlaceInstances.end())
    return llvm::all_of(It->second, [&](const FunctionDecl *F) {
      return onlyOnMainThread(*F, 0);
    });
  return onlyOnMainThread(Coro, 0);
}

bool PlainThreadStarts::runsOnPlainThread(const FunctionDecl &Coro,
                                          const Stmt &S,
                                          const NameMatcher &SyncWaitFns,
                                          AnalysisSession &Sess,
                                          AnalysisSession::LibraryId L) {
  if (!startsOnPlainThread(Coro, SyncWaitFns, Sess, L))
    return false;
  bool Late = mayRunLate(Coro, S, Sess, L);
  forEachOwnStmt(&S, [&](const Stmt &Part) {
    Late = Late || mayRunLate(Coro, Part, Sess, L);
  });
  return !Late;
}

bool PlainThreadStarts::mayRunLate(const FunctionDecl &Coro, const Stmt &S,
                                   AnalysisSession &Sess,
                                   AnalysisSession::LibraryId L) {
  const SuspensionFlow &Flow = Sess.suspensionFlow(Coro, L);
  auto [It, New] = LateStmts.try_emplace(&Coro);
  if (New) {
    llvm::DenseSet<const Stmt *> Ready;
    const PathFacts &Facts = Sess.pathFacts(Coro, L);
    for (const CoroutineSuspendExpr *Point : Flow.points())
      if (const auto *Await = dyn_cast<CoawaitExpr>(Point))
        if (const Expr *Object = awaitedObject(*Await);
            Object && Facts.isReadyAt(Object, Await))
          Ready.insert(Await);
    // Found again: asking for the facts may have grown the map.
    if (!Ready.empty())
      LateStmts[&Coro] = Flow.afterSuspensionPast(Ready);
    It = LateStmts.find(&Coro);
  }
  return It->second ? It->second->contains(&S) : Flow.mayRunAfterSuspension(S);
}

bool PlainThreadStarts::onlyOnMainThread(const FunctionDecl &FD,
                                         unsigned Depth) {
  const FunctionDecl *Def = FD.getDefinition();
  if (!Def || Depth > MaxCallerDepth)
    return false;
  if (Def->isDependentContext())
    return false;
  auto [It, New] = MainOnly.try_emplace(Def->getCanonicalDecl());
  if (!New)
    return It->second.value_or(false);
  // A lambda registered with a test framework's runner (see EagerPrefix.h).
  if (RegisteredLambdas.contains(Def) && !isCoroutine(*Def)) {
    MainOnly[Def->getCanonicalDecl()] = true;
    return true;
  }
  // A lazy coroutine runs where it is started; one of unknown laziness may
  // run anywhere.
  Laziness Kind =
      isCoroutine(*Def) ? lazinessOfCoroutine(*Def) : Laziness::Eager;
  const std::vector<Mention> &Of = Mentions->lookup(Def->getCanonicalDecl());
  bool Only = callersAreVisible(*Def, InPlaceLambdas.contains(Def)) &&
              Kind != Laziness::Unknown &&
              (!Of.empty() || calledOnlyFromOtherUnits(*Def));
  for (const Mention &M : Of) {
    if (!Only)
      break;
    Only = runsOnMainThread(M, Kind == Laziness::Lazy, Depth);
  }
  MainOnly[Def->getCanonicalDecl()] = Only;
  return Only;
}

bool PlainThreadStarts::runsOnMainThread(const Mention &M, bool Lazy,
                                         unsigned Depth) {
  const FunctionDecl *Caller = M.Within;
  // A plain function registered with a test framework's runner, which main
  // calls (see EagerPrefix.h).
  if (M.Registers && !Lazy && !Caller)
    return true;
  if (!M.Call || !Caller)
    return false;
  // A lazy coroutine's call only makes the task: it must be started here,
  // by a sync-wait given nothing else or by a co_await in a coroutine.
  const Stmt *Start = M.Call;
  if (Lazy) {
    if (M.ArgumentOf && callOfListed(*M.ArgumentOf, *SyncWaitFunctions))
      Start = M.ArgumentOf;
    else if (!M.AwaitedBy || !isCoroutine(*Caller))
      return false;
  }
  if (Caller->isMain())
    return true;
  // A coroutine runs its call here on its caller's thread only before it
  // first suspends.
  return !(isCoroutine(*Caller) &&
           mayRunLate(*Caller, *Start, *Session, Lib)) &&
         onlyOnMainThread(*Caller, Depth + 1);
}

} // namespace clang::tidy::async::model

//===--- FunctionWaits.cpp - async-lint -----------------------------------===//

#include "FunctionWaits.h"
#include "AbortingChecks.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "ExecutorJoins.h"
#include "Expressions.h"
#include "LoopProgress.h"
#include "Mentions.h"
#include "TaskChanges.h"
#include "TaskFlow.h"
#include "WaitedOut.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

/// Bounds the walks through variables' initialisers.
constexpr unsigned MaxDepth = 3;

SourceLocation at(SourceLocation Loc, const SourceManager &SM) {
  return SM.getExpansionLoc(Loc);
}

bool isLocal(const Decl *D) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  return Var && Var->hasLocalStorage();
}

/// The local variables \p S mentions (its own code), once each.
void addMentionedLocals(const Stmt *S,
                        llvm::SmallVectorImpl<const VarDecl *> &Out) {
  forEachOwnStmt(S, [&](const Stmt &Sub) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&Sub);
    if (Ref && isLocal(Ref->getDecl()) &&
        !llvm::is_contained(Out, Ref->getDecl()))
      Out.push_back(cast<VarDecl>(Ref->getDecl()));
  });
}

bool contains(const Stmt *S, const Stmt *Part) {
  bool Found = false;
  forEachOwnStmt(S, [&](const Stmt &Sub) { Found |= &Sub == Part; });
  return Found;
}

/// True when the lambda \p L (a callback, not a coroutine) takes \p Var
/// over (a capture initialised from it: a moved promise) or changes it.
bool callbackSignals(const LambdaExpr &L, const VarDecl *Var) {
  for (const Expr *Init : L.capture_inits())
    if (Init && !isa<DeclRefExpr>(Init->IgnoreImplicit()) && Var &&
        namesInOwnStmts(Init, *Var))
      return true;
  return !changesIn(L.getBody(), Var).empty();
}

/// The call operator of \p L when it is a coroutine.
const CXXMethodDecl *coroutineOf(const LambdaExpr &L) {
  const CXXMethodDecl *Op = L.getCallOperator();
  if (!Op)
    return nullptr;
  if (const FunctionDecl *Def = Op->getDefinition())
    Op = cast<CXXMethodDecl>(Def);
  return getCoroutineBody(*Op) ? Op : nullptr;
}

/// The closure class of \p Coro when it is a lambda's call operator.
const CXXRecordDecl *closureOf(const FunctionDecl *Coro) {
  const auto *Op = dyn_cast_or_null<CXXMethodDecl>(Coro);
  return Op && Op->getParent()->isLambda() ? Op->getParent() : nullptr;
}

/// The closure classes of the coroutine lambdas \p S calls.
void addCalledClosures(const Stmt *S,
                       llvm::SmallPtrSetImpl<const CXXRecordDecl *> &Out) {
  forEachOwnStmt(S, [&](const Stmt &Sub) {
    const auto *Call = dyn_cast<CXXOperatorCallExpr>(&Sub);
    const auto *Op =
        Call ? dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee())
             : nullptr;
    if (Op && Op->getParent()->isLambda())
      Out.insert(Op->getParent());
  });
}

/// What hangs on the start of a task: the callbacks handed to it and the
/// local variables it mentions, through the initialisers of the locals it
/// names (a task held in a local, a pointer to a local executor).
struct StartChain {
  llvm::SmallVector<const LambdaExpr *, 2> Callbacks;
  llvm::SmallVector<const VarDecl *, 4> Locals;
};

void collectChain(const Stmt *S, const CXXRecordDecl *TaskClass,
                  StartChain &Chain, unsigned Depth) {
  forEachOwnStmt(S, [&](const Stmt &Sub) {
    if (const auto *L = dyn_cast<LambdaExpr>(&Sub)) {
      if (L->getLambdaClass() != TaskClass && !coroutineOf(*L))
        Chain.Callbacks.push_back(L);
      return;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(&Sub);
    if (!Ref || !isLocal(Ref->getDecl()) ||
        llvm::is_contained(Chain.Locals, Ref->getDecl()))
      return;
    const auto *Var = cast<VarDecl>(Ref->getDecl());
    Chain.Locals.push_back(Var);
    const Expr *Init = Var->getInit();
    const LambdaExpr *Closure = lambdaOf(Init);
    // The task's own closure: its captures are not how it is started.
    if (Init && Depth < MaxDepth &&
        !(Closure && Closure->getLambdaClass() == TaskClass))
      collectChain(Init, TaskClass, Chain, Depth + 1);
  });
}

/// The end of the innermost block of \p Body that declares \p Var: where it
/// dies. The end of \p Body for a parameter.
SourceLocation scopeEnd(const Stmt &Body, const VarDecl &Var,
                        const SourceManager &SM) {
  SourceLocation Decl = at(Var.getLocation(), SM);
  SourceLocation End = at(Body.getEndLoc(), SM);
  if (isa<ParmVarDecl>(Var))
    return End;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    const auto *Block = dyn_cast<CompoundStmt>(&S);
    if (!Block)
      return;
    SourceLocation Begin = at(Block->getBeginLoc(), SM);
    SourceLocation Close = at(Block->getEndLoc(), SM);
    if (SM.isBeforeInTranslationUnit(Begin, Decl) &&
        SM.isBeforeInTranslationUnit(Decl, Close) &&
        SM.isBeforeInTranslationUnit(Close, End))
      End = Close;
  });
  return End;
}

/// The start of a task started at \p StartedAt in \p Body: the outermost
/// call that begins there.
const CallExpr *startCall(const Stmt &Body, SourceLocation StartedAt,
                          const SourceManager &SM) {
  const CallExpr *Spawn = nullptr;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    // Asked of the statement: a call of a lambda, seen as a CallExpr,
    // begins at the callee's operator, not at the closure.
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call || S.getBeginLoc() != StartedAt)
      return;
    if (!Spawn || SM.isBeforeInTranslationUnit(at(Spawn->getEndLoc(), SM),
                                               at(Call->getEndLoc(), SM)))
      Spawn = Call;
  });
  return Spawn;
}

/// A local of \p Chain that is a joining executor (of \p Joining) running
/// the task, declared after \p Dying in its scope (so destroyed before it);
/// null when there is none.
const VarDecl *joiningExecutor(const StartChain &Chain, const VarDecl &Dying,
                               const Stmt &Body, const NameMatcher *Joining,
                               const SourceManager &SM) {
  SourceLocation DyingAt = at(Dying.getLocation(), SM);
  SourceLocation DyingEnd = scopeEnd(Body, Dying, SM);
  for (const VarDecl *Var : Chain.Locals) {
    QualType T = Var->getType();
    SourceLocation Loc = at(Var->getLocation(), SM);
    if (!Joining || T->isReferenceType() || T->isPointerType() ||
        !SM.isBeforeInTranslationUnit(DyingAt, Loc) ||
        !SM.isBeforeInTranslationUnit(Loc, DyingEnd) ||
        !isJoiningClass(T->getAsCXXRecordDecl(), *Joining))
      continue;
    return Var;
  }
  return nullptr;
}

} // namespace

FunctionWaits::FunctionWaits(const FunctionDecl &Function, const Stmt &Body,
                             ASTContext &Ctx, CFGOf Graphs, WaitKnowledge K)
    : Function(Function), Body(Body), Ctx(Ctx), K(K),
      Graphs(std::move(Graphs)) {}

FunctionWaits::~FunctionWaits() = default;

const std::vector<FunctionWaits::Wait> &FunctionWaits::waits() {
  if (Waits)
    return *Waits;
  Waits.emplace();
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    Wait W{&S, {}};
    if (isa<WhileStmt, ForStmt, DoStmt>(S)) {
      // A spin: only another thread or task can end it.
      LoopProgress P = loopProgress(S, Ctx);
      if (P.Bound != LoopBound::Spin || !P.WaitsOn)
        return;
      addMentionedLocals(P.WaitsOn, W.Objects);
    } else if (const Expr *Cond = checkOfChange(S, Ctx)) {
      addMentionedLocals(Cond, W.Objects);
      W.Aborts = true;
    } else if (isa<CallExpr>(S) && K.Waits) {
      std::optional<CallInfo> Info = describeCall(S);
      if (!Info || !anyNameMatches(*K.Waits, *Info))
        return;
      addMentionedLocals(&S, W.Objects);
    } else {
      return;
    }
    // A future waits on the promise it was taken from (p.get_future()).
    for (unsigned I = 0; I < W.Objects.size() && I < 8; ++I) {
      const auto *From = dyn_cast_or_null<CXXMemberCallExpr>(
          strip(W.Objects[I]->getInit(), Wrappers::Object));
      const auto *Source = From ? dyn_cast_or_null<VarDecl>(namedDecl(
                                      From->getImplicitObjectArgument()))
                                : nullptr;
      if (Source && Source->hasLocalStorage() &&
          !llvm::is_contained(W.Objects, Source))
        W.Objects.push_back(Source);
    }
    if (!W.Objects.empty())
      Waits->push_back(std::move(W));
  });
  return *Waits;
}

bool FunctionWaits::onEveryPath(const Stmt &Spawn, const VarDecl &Dying,
                                llvm::ArrayRef<const Stmt *> Linked) {
  const SourceManager &SM = Ctx.getSourceManager();
  const CFG *G = Graphs ? Graphs(Function) : nullptr;
  if (!G) {
    // Without a CFG, a wait after the start in source order.
    return llvm::any_of(Linked, [&](const Stmt *W) {
      return SM.isBeforeInTranslationUnit(at(Spawn.getEndLoc(), SM),
                                          at(W->getBeginLoc(), SM));
    });
  }
  llvm::DenseSet<const Stmt *> Waiting(Linked.begin(), Linked.end());
  // Where the task starts.
  const CFGBlock *StartBlock = nullptr;
  unsigned StartIndex = 0;
  for (const CFGBlock *Block : *G) {
    for (unsigned I = 0, E = Block->size(); I < E && !StartBlock; ++I)
      if (std::optional<CFGStmt> S = (*Block)[I].getAs<CFGStmt>();
          S && S->getStmt() == &Spawn) {
        StartBlock = Block;
        StartIndex = I + 1;
      }
    if (StartBlock)
      break;
  }
  if (!StartBlock)
    return false;
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work;
  llvm::DenseSet<const CFGBlock *> Seen;
  Work.push_back({StartBlock, StartIndex});
  while (!Work.empty()) {
    auto [Block, From] = Work.pop_back_val();
    bool Covered = false;
    for (unsigned I = From, E = Block->size(); I < E && !Covered; ++I) {
      CFGElement Elem = (*Block)[I];
      if (std::optional<CFGStmt> S = Elem.getAs<CFGStmt>())
        Covered = Waiting.contains(S->getStmt());
      else if (std::optional<CFGLifetimeEnds> L = Elem.getAs<CFGLifetimeEnds>();
               L && L->getVarDecl() == &Dying)
        return false;
      else if (std::optional<CFGAutomaticObjDtor> D =
                   Elem.getAs<CFGAutomaticObjDtor>();
               D && D->getVarDecl() == &Dying)
        return false;
    }
    // A path that ends the process (abort) never destroys the local.
    if (Covered || Waiting.contains(Block->getTerminatorStmt()) ||
        Block->hasNoReturnElement())
      continue;
    if (Block == &G->getExit())
      return false;
    for (const CFGBlock *Succ : Block->succs())
      if (Succ && Seen.insert(Succ).second)
        Work.push_back({Succ, 0});
  }
  return true;
}

WaitOut FunctionWaits::waitsOut(const StartedTask &Task, const VarDecl &Dying,
                                bool OnlyChecks) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Task.Coroutine || Task.StartedAt.isInvalid())
    return {};
  const CXXRecordDecl *TaskClass = closureOf(Task.Coroutine);
  const CallExpr *Spawn = startCall(Body, Task.StartedAt, SM);
  if (!Spawn)
    return {};
  StartChain Chain;
  collectChain(Spawn, TaskClass, Chain, 0);
  if (const VarDecl *Executor =
          joiningExecutor(Chain, Dying, Body, K.JoiningExecutors, SM);
      Executor && !OnlyChecks)
    return {WaitOut::Kind::Joins, Executor->getInit()};
  // A wait on an object the task signals once done with its captures.
  if (K.WaitMembers && K.SignalMembers && TaskClass && !OnlyChecks)
    if (const CallExpr *W =
            closureWaitedOut(Body, *Spawn, scopeEnd(Body, Dying, SM),
                             *cast<CXXMethodDecl>(Task.Coroutine),
                             *K.WaitMembers, *K.SignalMembers, SM)
                .Wait)
      return {WaitOut::Kind::Waits, W};

  // Waits linked to the task.
  llvm::SmallVector<const Stmt *, 4> Linked;
  for (const Wait &W : waits())
    if ((W.Aborts || !OnlyChecks) &&
        llvm::any_of(W.Objects, [&](const VarDecl *Object) {
          return linked(W, Object, Task, *Spawn, Chain.Callbacks);
        }))
      Linked.push_back(W.At);
  if (Linked.empty() || !onEveryPath(*Spawn, Dying, Linked))
    return {};
  return {WaitOut::Kind::Waits, Linked.front()};
}

bool FunctionWaits::linked(const Wait &W, const VarDecl *Object,
                           const StartedTask &Task, const CallExpr &Spawn,
                           llvm::ArrayRef<const LambdaExpr *> Callbacks) {
  const CXXRecordDecl *TaskClass = closureOf(Task.Coroutine);
  const SourceManager &SM = Ctx.getSourceManager();
  // The task's change after which it uses nothing it borrows, on the
  // coroutine's CFG.
  auto DoneWith = [&](const Stmt *OnlyTaskIn) {
    return changedWhenDone(*Task.Coroutine, Object, &Spawn,
                           Graphs ? Graphs(*Task.Coroutine) : nullptr, SM,
                           OnlyTaskIn);
  };
  // An aborting check: only this task's change can let it pass (not
  // another's, of this coroutine or of other code), or it counts every
  // task of this coroutine.
  if (W.Aborts)
    return namedOnlyBy(Body, *Object, TaskClass, Spawn) &&
           (DoneWith(&Body) || countsEveryStart(W, *Object, Task));
  // The task's own future or result.
  if (const Expr *Init = Object->getInit()) {
    llvm::SmallPtrSet<const CXXRecordDecl *, 4> Called;
    addCalledClosures(Init, Called);
    if (contains(Init, &Spawn) || Called.contains(TaskClass))
      return true;
  }
  // Signalled by a callback the task is started with, or by the task once
  // it is done with its captures; or signalled by (or the closure of)
  // another task that awaits what this one changes: it cannot finish
  // before this one fed it.
  return llvm::any_of(Callbacks,
                      [&](const LambdaExpr *L) {
                        return callbackSignals(*L, Object);
                      }) ||
         DoneWith(nullptr) || signalledByDependentTask(Task, Object);
}

bool FunctionWaits::countsEveryStart(const Wait &W, const VarDecl &Counter,
                                     const StartedTask &Task) {
  // Every task of the coroutine counts the local up as its last use
  // (TaskChanges' countsEveryTask), and the check fails until all have.
  const CFG *Own = Graphs ? Graphs(*Task.Coroutine) : nullptr;
  bool Holds = false;
  const Expr *Cond = abortingCheck(*W.At, Holds);
  return Own && Cond &&
         countsEveryTask(*Cond, Holds, Counter, *Task.Coroutine, Body, *Own);
}

bool FunctionWaits::signalledByDependentTask(const StartedTask &Task,
                                             const VarDecl *Object) {
  const CXXRecordDecl *TaskClass = closureOf(Task.Coroutine);
  const Stmt *TaskBody = getUserBody(*Task.Coroutine);
  if (!TaskBody)
    return false;
  // The other tasks that signal Object: by their own code, by a callback
  // they are started with, or that Object is the closure of.
  llvm::SmallPtrSet<const CXXRecordDecl *, 4> Others;
  if (const LambdaExpr *L = lambdaOf(Object->getInit()))
    Others.insert(L->getLambdaClass());
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    if (const auto *L = dyn_cast<LambdaExpr>(&S)) {
      if (const CXXMethodDecl *Op = coroutineOf(*L))
        if (const Stmt *OtherBody = getUserBody(*Op);
            OtherBody && !changesIn(OtherBody, Object).empty())
          Others.insert(L->getLambdaClass());
      return;
    }
    if (!isa<CallExpr>(S))
      return;
    bool Signals = false;
    forEachOwnStmt(&S, [&](const Stmt &Sub) {
      const auto *L = dyn_cast<LambdaExpr>(&Sub);
      Signals |= L && !coroutineOf(*L) && callbackSignals(*L, Object);
    });
    if (Signals)
      addCalledClosures(&S, Others);
  });
  Others.erase(TaskClass);
  // Does one of them await something that this task changes?
  for (const CXXRecordDecl *Other : Others) {
    const CXXMethodDecl *Op = Other->getLambdaCallOperator();
    if (Op && Op->getDefinition())
      Op = cast<CXXMethodDecl>(Op->getDefinition());
    const Stmt *OtherBody = Op ? getUserBody(*Op) : nullptr;
    bool Fed = false;
    forEachOwnStmt(OtherBody, [&](const Stmt &S) {
      const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(&S);
      if (Fed || !Suspend || !Suspend->getOperand())
        return;
      llvm::SmallVector<const VarDecl *, 4> Awaited;
      addMentionedLocals(Suspend->getOperand(), Awaited);
      Fed = llvm::any_of(Awaited, [&](const VarDecl *Var) {
        return !changesIn(TaskBody, Var).empty();
      });
    });
    if (Fed)
      return true;
  }
  return false;
}

} // namespace clang::tidy::async::model

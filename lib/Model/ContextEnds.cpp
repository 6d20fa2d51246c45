//===--- ContextEnds.cpp - async-lint -------------------------------------===//

#include "ContextEnds.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "ExecutorJoins.h"
#include "Expressions.h"
#include "MustUse.h"
#include "NameMatcher.h"
#include "StatementPath.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

namespace {

/// The local object \p E names: not a parameter, a reference or a pointer.
const VarDecl *localObject(const Expr *E) {
  const auto *Var = dyn_cast_or_null<VarDecl>(namedDecl(E));
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var->getType()->isReferenceType() || Var->getType()->isPointerType())
    return nullptr;
  return Var;
}

/// True when \p S is a member call in \p List on the local \p X.
bool callOn(const Stmt &S, const VarDecl &X, const NameMatcher &List) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
  if (!Call || namedDecl(Call->getImplicitObjectArgument()) != &X)
    return false;
  std::optional<CallInfo> Info = describeCall(*Call);
  return Info && anyNameMatches(List, *Info);
}

/// Calls \p Visit with \p S and every statement within it, lambda bodies
/// included.
void forEachDeep(const Stmt *S, llvm::function_ref<void(const Stmt &)> Visit) {
  if (!S)
    return;
  Visit(*S);
  if (const auto *L = dyn_cast<LambdaExpr>(S))
    forEachDeep(L->getBody(), Visit);
  for (const Stmt *Child : S->children())
    if (!isa_and_nonnull<CompoundStmt>(Child) || !isa<LambdaExpr>(S))
      forEachDeep(Child, Visit);
}

bool anyCallOn(const Stmt *S, const VarDecl &X, const NameMatcher &List) {
  bool Found = false;
  forEachDeep(S, [&](const Stmt &Sub) { Found |= callOn(Sub, X, List); });
  return Found;
}

/// True when \p S names \p X outside the lambda \p Skip.
bool namesOutside(const Stmt *S, const VarDecl &X, const Stmt *Skip) {
  if (!S || S == Skip)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == &X)
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return namesOutside(Child, X, Skip);
  });
}

/// True when the statement \p S of a block stops \p X whenever it runs: it
/// is (around implicit nodes) a stop of \p X, or posts one to \p X: a call
/// handed a lambda that stops \p X, and \p X itself (its object or another
/// argument names it: `post(ctx, [&] { ctx.stop(); })`). A stop in a
/// handler of other work (a signal's) is not one: that work may never come.
bool stopsWhenRun(const Stmt *S, const VarDecl &X, const NameMatcher &Stops) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  if (callOn(*E->IgnoreImplicit(), X, Stops))
    return true;
  bool Posted = false;
  forEachOwnStmt(E, [&](const Stmt &Sub) {
    const auto *Call = dyn_cast<CallExpr>(&Sub);
    if (!Call || Posted)
      return;
    for (const Expr *Arg : Call->arguments()) {
      const auto *L =
          dyn_cast_or_null<LambdaExpr>(strip(Arg, Wrappers::Object));
      Posted |=
          L && anyCallOn(L->getBody(), X, Stops) && namesOutside(Call, X, L);
    }
  });
  return Posted;
}

/// True for a thread class: one made from a callable (it has a constructor
/// template) with a member in \p Waits that joins it (std::thread,
/// std::jthread, boost::thread with the blocking catalogue's waits).
bool isThreadType(QualType T, const NameMatcher &Waits) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  bool FromCallable = llvm::any_of(RD->decls(), [](const Decl *D) {
    const auto *Template = dyn_cast<FunctionTemplateDecl>(D);
    return Template && isa<CXXConstructorDecl>(Template->getTemplatedDecl());
  });
  return FromCallable &&
         llvm::any_of(RD->methods(), [&](const CXXMethodDecl *M) {
           return M->getIdentifier() && Waits.mayMatchSegment(M->getName()) &&
                  Waits.matches(canonicalName(*M));
         });
}

/// True for a container of threads (std::vector<std::thread>).
bool isThreadContainer(QualType T, const NameMatcher &Waits) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.isNull() ? nullptr : T->getAsCXXRecordDecl());
  return Spec && Spec->getTemplateArgs().size() > 0 &&
         Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         isThreadType(Spec->getTemplateArgs()[0].getAsType(), Waits);
}

/// True when \p S (a thread's creation) hands the new thread a callable
/// that mentions \p X.
bool mentions(const Stmt &S, const VarDecl &X) {
  bool Found = false;
  forEachDeep(&S, [&](const Stmt &Sub) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&Sub);
    Found |= Ref && Ref->getDecl() == &X;
  });
  return Found;
}

/// The threads of a body that may run a context.
struct Runners {
  /// The thread locals and containers of threads that hold them.
  llvm::SmallVector<const VarDecl *, 2> Holders;
  /// Some thread's callable runs the context (a call in Runs on it).
  bool Runs = false;
  /// A thread whose callable names the context is held by no local: it
  /// cannot be shown to be joined.
  bool Unheld = false;
};

/// The holder a thread created by \p S goes into: the thread local it
/// initialises or is assigned to (the container, for the element of a
/// range-for over one), or the container it is put into.
const VarDecl *holderOf(const Stmt &S, const Stmt &Body,
                        const NameMatcher &Waits) {
  if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
    const auto *Var = Decls->isSingleDecl()
                          ? dyn_cast<VarDecl>(Decls->getSingleDecl())
                          : nullptr;
    return Var && Var->hasLocalStorage() && isThreadType(Var->getType(), Waits)
               ? Var
               : nullptr;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S))
    return isThreadContainer(Call->getImplicitObjectArgument()->getType(),
                             Waits)
               ? localObject(Call->getImplicitObjectArgument())
               : nullptr;
  auto [Target, Value] = assignmentParts(&S);
  const auto *Var =
      Target ? dyn_cast_or_null<VarDecl>(namedDecl(Target)) : nullptr;
  if (!Var || !isThreadType(Var->getType().getNonReferenceType(), Waits))
    return nullptr;
  if (!Var->getType()->isReferenceType())
    return localObject(Target);
  // The element of a range-for over a container of threads.
  const VarDecl *Container = nullptr;
  forEachOwnStmt(&Body, [&](const Stmt &Sub) {
    const auto *For = dyn_cast<CXXForRangeStmt>(&Sub);
    if (For && For->getLoopVariable() == Var)
      Container = localObject(For->getRangeInit());
  });
  return Container;
}

/// The threads of \p Body whose callable names \p X.
Runners runnersOf(const Stmt &Body, const VarDecl &X,
                  const ContextEndKnowledge &K) {
  Runners R;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    const auto *Construct = dyn_cast<CXXConstructExpr>(&S);
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
    bool Creates =
        (Construct && Construct->getNumArgs() > 0 &&
         !Construct->getConstructor()->isCopyOrMoveConstructor() &&
         isThreadType(Construct->getType(), K.Waits)) ||
        (Member && Member->getMethodDecl() &&
         Member->getMethodDecl()->getIdentifier() &&
         (Member->getMethodDecl()->getName().starts_with("emplace") ||
          Member->getMethodDecl()->getName().starts_with("push_")) &&
         isThreadContainer(Member->getImplicitObjectArgument()->getType(),
                           K.Waits));
    if (!Creates || !mentions(S, X))
      return;
    R.Runs |= anyCallOn(&S, X, K.Runs);
    // The statement that puts the thread somewhere: the construction's own
    // declaration or assignment, or the container's member call.
    const VarDecl *Holder = Member ? holderOf(S, Body, K.Waits) : nullptr;
    forEachOwnStmt(&Body, [&](const Stmt &Outer) {
      if (Holder || &Outer == &S ||
          !(isa<DeclStmt, CXXMemberCallExpr>(Outer) ||
            assignmentParts(&Outer).first))
        return;
      bool Within = false;
      forEachOwnStmt(&Outer, [&](const Stmt &In) { Within |= &In == &S; });
      if (Within)
        Holder = holderOf(Outer, Body, K.Waits);
    });
    if (!Holder)
      R.Unheld = true;
    else if (!llvm::is_contained(R.Holders, Holder))
      R.Holders.push_back(Holder);
  });
  return R;
}

/// The member call that \p S is (around implicit nodes) on \p Thread.
const CXXMemberCallExpr *callOnThread(const Stmt *S, const VarDecl &Thread) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *Call =
      E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit()) : nullptr;
  return Call && Call->getMethodDecl() &&
                 namedDecl(Call->getImplicitObjectArgument()) == &Thread
             ? Call
             : nullptr;
}

/// True when \p S joins \p Thread: a member in \p Waits on it (`t.join()`),
/// or that under a test of the thread alone (`if (t.joinable()) t.join();`:
/// a const member that takes nothing and says yes or no; a thread started
/// with a callable is joinable).
bool joinsThread(const Stmt *S, const VarDecl &Thread,
                 const NameMatcher &Waits) {
  const auto *If = dyn_cast_or_null<IfStmt>(S);
  if (!If) {
    const CXXMemberCallExpr *Join = callOnThread(S, Thread);
    return Join && callOn(*Join, Thread, Waits);
  }
  const Stmt *Then = If->getThen();
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Then);
      Block && Block->size() == 1)
    Then = Block->body_front();
  const CXXMemberCallExpr *Test = callOnThread(If->getCond(), Thread);
  const CXXMethodDecl *Query = Test ? Test->getMethodDecl() : nullptr;
  return !If->getElse() && !If->getInit() && !If->getConditionVariable() &&
         Query && Query->isConst() && Query->getNumParams() == 0 &&
         Query->getReturnType()->isBooleanType() &&
         joinsThread(Then, Thread, Waits);
}

/// True when \p S joins every thread \p Holder holds: a join of a thread
/// local, or a range-for over a container of threads whose body joins the
/// element and cannot leave early.
bool joinsAll(const Stmt *S, const VarDecl &Holder, const NameMatcher &Waits) {
  if (joinsThread(S, Holder, Waits))
    return true;
  const auto *For = dyn_cast_or_null<CXXForRangeStmt>(S);
  if (!For || localObject(For->getRangeInit()) != &Holder ||
      mayLeave(For->getBody()))
    return false;
  const Stmt *Loop = For->getBody();
  if (const auto *Block = dyn_cast<CompoundStmt>(Loop))
    return llvm::any_of(Block->body(), [&](const Stmt *Sub) {
      return joinsThread(Sub, *For->getLoopVariable(), Waits);
    });
  return joinsThread(Loop, *For->getLoopVariable(), Waits);
}

bool declares(const CompoundStmt &Block, const VarDecl &Var) {
  return llvm::any_of(Block.body(), [&](const Stmt *S) {
    const auto *Decls = dyn_cast_or_null<DeclStmt>(S);
    return Decls && llvm::is_contained(Decls->decls(), &Var);
  });
}

/// True when every path from the last statement of \p Path to the end of
/// \p Dying's scope runs a statement that joins every thread of
/// \p Holder, with nothing before it that may leave.
bool joinedOnEveryPath(llvm::ArrayRef<const Stmt *> Path, const VarDecl &Holder,
                       const VarDecl &Dying, const NameMatcher &Waits) {
  for (size_t I = Path.size() - 1; I-- > 0;) {
    const auto *Block = dyn_cast<CompoundStmt>(Path[I]);
    if (!Block)
      continue;
    const Stmt *const *It = llvm::find(Block->body(), Path[I + 1]);
    for (++It; It != Block->body_end(); ++It) {
      if (joinsAll(*It, Holder, Waits))
        return true;
      if (mayLeave(*It))
        return false;
    }
    if (declares(*Block, Dying))
      return false;
  }
  return false;
}

/// The end of the block on \p Path that declares \p Dying (the end of
/// \p Path's root for a local declared elsewhere).
SourceLocation scopeEndOf(llvm::ArrayRef<const Stmt *> Path,
                          const VarDecl &Dying) {
  for (const Stmt *S : llvm::reverse(Path))
    if (const auto *Block = dyn_cast<CompoundStmt>(S);
        Block && declares(*Block, Dying))
      return Block->getEndLoc();
  return Path.front()->getEndLoc();
}

/// True when \p X is declared after \p Dying in a block on \p Path that
/// declares \p Dying (so it dies first), or is \p Dying.
bool diesFirst(llvm::ArrayRef<const Stmt *> Path, const VarDecl &X,
               const VarDecl &Dying) {
  if (&X == &Dying)
    return true;
  const SourceManager &SM = Dying.getASTContext().getSourceManager();
  SourceLocation XAt = SM.getExpansionLoc(X.getLocation());
  for (const Stmt *S : Path) {
    const auto *Block = dyn_cast<CompoundStmt>(S);
    if (Block && declares(*Block, Dying) &&
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Dying.getLocation()),
                                     XAt) &&
        SM.isPointWithin(XAt, SM.getExpansionLoc(Block->getBeginLoc()),
                         SM.getExpansionLoc(Block->getEndLoc())))
      return true;
  }
  return false;
}

} // namespace

bool runCompletes(const Stmt &Body, const CallExpr &Run, SourceLocation After,
                  const NameMatcher &Stops, const SourceManager &SM) {
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!pathTo(&Body, &Run, Path))
    return true;
  // A branch around the run that is not around the start as well.
  SourceLocation Start = SM.getExpansionLoc(After);
  for (size_t I = 0; I + 1 < Path.size(); ++I) {
    const auto *Binary = dyn_cast<BinaryOperator>(Path[I]);
    if ((isa<IfStmt, SwitchStmt, ConditionalOperator, CXXCatchStmt>(Path[I]) ||
         (Binary && Binary->isLogicalOp())) &&
        !SM.isPointWithin(Start, SM.getExpansionLoc(Path[I]->getBeginLoc()),
                          SM.getExpansionLoc(Path[I]->getEndLoc())))
      return false;
  }
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Run);
  const VarDecl *X =
      Member ? localObject(Member->getImplicitObjectArgument()) : nullptr;
  if (!X)
    return true;
  for (size_t I = 0; I + 1 < Path.size(); ++I)
    if (const auto *Block = dyn_cast<CompoundStmt>(Path[I]))
      for (const Stmt *S : Block->body()) {
        if (S == Path[I + 1])
          break;
        if (stopsWhenRun(S, *X, Stops))
          return false;
      }
  return true;
}

ContextEnd contextEndsTask(const Stmt &Body, const CallExpr &Spawn,
                           const VarDecl &Dying, const ContextEndKnowledge &K) {
  const SourceManager &SM = Dying.getASTContext().getSourceManager();
  const VarDecl *X =
      Spawn.getNumArgs() > 0 ? localObject(Spawn.getArg(0)) : nullptr;
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!X || !pathTo(&Body, &Spawn, Path))
    return ContextEnd::None;
  Runners R = runnersOf(Body, *X, K);
  if (R.Holders.empty() && !R.Unheld)
    return isJoiningClass(X->getType()->getAsCXXRecordDecl(), K.Destroying) &&
                   diesFirst(Path, *X, Dying)
               ? ContextEnd::Destroyed
               : ContextEnd::None;
  if (R.Unheld || !R.Runs || anyCallOn(&Body, *X, K.Stops) ||
      !llvm::all_of(R.Holders, [&](const VarDecl *Holder) {
        return joinedOnEveryPath(Path, *Holder, Dying, K.Waits);
      }))
    return ContextEnd::None;
  // Nothing runs the context once the local is dead.
  SourceLocation End = SM.getExpansionLoc(scopeEndOf(Path, Dying));
  bool RunsLater = false;
  forEachDeep(&Body, [&](const Stmt &S) {
    RunsLater |=
        callOn(S, *X, K.Runs) &&
        SM.isBeforeInTranslationUnit(End, SM.getExpansionLoc(S.getBeginLoc()));
  });
  return RunsLater ? ContextEnd::None : ContextEnd::RunnersJoined;
}

} // namespace clang::tidy::async::model

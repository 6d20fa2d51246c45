//===--- OwnedResumers.cpp - async-lint -----------------------------------===//

#include "OwnedResumers.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "Mentions.h"
#include "MustUse.h"
#include "NameMatcher.h"
#include "StatementPath.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

/// True when a lambda within \p Body captures \p Var by copy.
bool copiedIntoLambda(const VarDecl &Var, const Stmt &Body) {
  bool Copied = false;
  forEachWithin(&Body, false, [&](const Stmt &S) {
    if (const auto *L = dyn_cast<LambdaExpr>(&S))
      for (const LambdaCapture &C : L->captures())
        Copied =
            Copied || (C.capturesVariable() && C.getCapturedVar() == &Var &&
                       C.getCaptureKind() != LCK_ByRef);
  });
  return Copied;
}

/// The local variable (not a parameter) \p E denotes, through casts,
/// std::move and a dereference (`static_cast<M &>(*ptr)`,
/// `std::move(pool)`).
const VarDecl *localObject(const Expr *E) {
  E = strip(E, Wrappers::Object);
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
      Op->getNumArgs() >= 1)
    E = strip(Op->getArg(0), Wrappers::Object);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
                 !Var->getType()->isReferenceType() &&
                 !Var->getType()->isPointerType()
             ? Var
             : nullptr;
}

/// True when \p S mentions \p Var.
bool mentions(const Stmt *S, const ValueDecl &Var) {
  bool Found = false;
  forEachWithin(S, false, [&](const Stmt &Sub) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&Sub);
    Found = Found || (Ref && Ref->getDecl() == &Var);
  });
  return Found;
}

/// True when \p Var is held by \p Body alone: an object, or a pointer-like
/// class (a smart pointer) that \p Body only ever dereferences.
bool ownedBy(const VarDecl &Var, const Stmt &Body) {
  const CXXRecordDecl *RD = Var.getType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  bool PointerLike = llvm::any_of(RD->methods(), [](const CXXMethodDecl *M) {
    return M->getOverloadedOperator() == OO_Star ||
           M->getOverloadedOperator() == OO_Arrow;
  });
  if (!PointerLike)
    return true;
  if (copiedIntoLambda(Var, Body))
    return false;
  llvm::SmallPtrSet<const Expr *, 8> Dereferenced;
  forEachWithin(&Body, false, [&](const Stmt &S) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
        Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() >= 1)
      Dereferenced.insert(strip(Op->getArg(0), Wrappers::Syntax));
  });
  bool Only = true;
  forEachWithin(&Body, false, [&](const Stmt &S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    Only = Only && !(Ref && Ref->getDecl() == &Var && !Dereferenced.count(Ref));
  });
  return Only;
}

/// The operands of the explicit suspension points of \p Coro's body; false
/// when it has a co_yield (its reader resumes it) or no visible body.
bool awaitedOperands(const FunctionDecl &Coro,
                     llvm::SmallVectorImpl<const Expr *> &Out) {
  const Stmt *Body = getUserBody(Coro);
  if (!Body)
    return false;
  bool Yields = false;
  forEachSuspensionPoint(Body, [&](const CoroutineSuspendExpr &S) {
    Yields = Yields || isa<CoyieldExpr>(S);
    Out.push_back(S.getOperand());
  });
  return !Yields;
}

/// An event of \p Body that only \p Body's tasks can signal: a local made
/// from constants (`WaitGroup wg{0}`).
bool madeFromConstants(const VarDecl &Var) {
  if (!Var.getType()->getAsCXXRecordDecl())
    return false;
  const auto *Make = dyn_cast_or_null<CXXConstructExpr>(
      strip(Var.getInit(), Wrappers::Implicit));
  return Make && llvm::all_of(Make->arguments(), [&](const Expr *Arg) {
           return isa<CXXDefaultArgExpr>(Arg) ||
                  Arg->isEvaluatable(Var.getASTContext());
         });
}

struct Resumers {
  const Stmt &Body;
  const VarDecl &Executor;
  /// The reference parameters of the started coroutine and the locals of
  /// \p Body the start binds them to (`run(pool)` for `task run(pool &p)`).
  llvm::DenseMap<const ValueDecl *, const VarDecl *> Bound;
  /// The scope \p Dying dies at the end of.
  SourceRange Scope;
  const SourceManager &SM;
  llvm::SmallPtrSet<const VarDecl *, 4> Checking;

  /// True when every suspension of \p Coro awaits the executor or an event
  /// only such tasks and the function signal.
  bool onlyThrough(const FunctionDecl &Coro) {
    llvm::SmallVector<const Expr *, 8> Operands;
    if (!awaitedOperands(Coro, Operands))
      return false;
    return llvm::all_of(Operands, [&](const Expr *Operand) {
      if (handsOnExecutor(Operand))
        return true;
      const VarDecl *Event = localObject(Operand);
      return Event && Event != &Executor && ownedEvent(*Event);
    });
  }

  /// True when \p E denotes the executor (or a parameter bound to it).
  bool isExecutor(const Expr *E) const {
    E = strip(E, Wrappers::Object);
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Star && Op->getNumArgs() == 1)
      E = strip(Op->getArg(0), Wrappers::Object);
    if (const auto *Deref = dyn_cast_or_null<UnaryOperator>(E);
        Deref && Deref->getOpcode() == UO_Deref)
      E = strip(Deref->getSubExpr(), Wrappers::Object);
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
    const ValueDecl *D = Ref ? Ref->getDecl() : nullptr;
    auto It = D ? Bound.find(D) : Bound.end();
    return D &&
           (D == &Executor || (It != Bound.end() && It->second == &Executor));
  }

  /// True when the awaited \p Operand hands the executor on: a member
  /// call on it (`pool.schedule()`), or a call or construction given it
  /// (`jump_on(pool)`, `On(*manual)`).
  bool handsOnExecutor(const Expr *Operand) const {
    const Expr *E = strip(Operand, Wrappers::Implicit);
    if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E);
        Member && isExecutor(Member->getImplicitObjectArgument()))
      return true;
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
      Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    else if (const auto *Make = dyn_cast_or_null<CXXConstructExpr>(E))
      Args = llvm::ArrayRef(Make->getArgs(), Make->getNumArgs());
    return llvm::any_of(Args, [&](const Expr *A) { return isExecutor(A); });
  }

  /// True when every mention of \p Event in the function is the operand of
  /// a co_await, a member call on it by the function itself within the
  /// scope, or in a coroutine lambda that resumes only through the executor.
  bool ownedEvent(const VarDecl &Event) {
    if (!madeFromConstants(Event))
      return false;
    if (!Checking.insert(&Event).second)
      return true; // Assumed while it is being checked.
    return walk(&Body, Event, nullptr);
  }

  bool walk(const Stmt *S, const VarDecl &Event, const LambdaExpr *In) {
    if (!S)
      return true;
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      const CXXMethodDecl *Op = L->getCallOperator();
      if (!mentions(L->getBody(), Event))
        return true;
      return Op && isCoroutine(*Op) && onlyThrough(*Op) &&
             walk(L->getBody(), Event, L);
    }
    if (const auto *Await = dyn_cast<CoawaitExpr>(S);
        Await && localObject(Await->getOperand()) == &Event)
      return true;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
        Call && localObject(Call->getImplicitObjectArgument()) == &Event &&
        (In || SM.isPointWithin(SM.getExpansionLoc(Call->getBeginLoc()),
                                Scope.getBegin(), Scope.getEnd())))
      return llvm::all_of(Call->arguments(), [&](const Expr *Arg) {
        return walk(Arg, Event, In);
      });
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      return Ref->getDecl() != &Event;
    return llvm::all_of(S->children(), [&](const Stmt *Child) {
      return walk(Child, Event, In);
    });
  }
};

/// True when \p Block declares \p Var as one of its own statements.
bool declares(const CompoundStmt &Block, const VarDecl &Var) {
  return llvm::any_of(Block.body(), [&](const Stmt *S) {
    const auto *Decls = dyn_cast_or_null<DeclStmt>(S);
    return Decls && llvm::is_contained(Decls->decls(), &Var);
  });
}

/// The join (or drain) of a local executor that the statement \p S is
/// (`pool.join();`, `std::ignore = manual.Drain();`, `auto n =
/// manual.Drain();`), and that executor.
std::pair<const CallExpr *, const VarDecl *> joinOf(const Stmt *S,
                                                    const ResumerKnowledge &K) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (const auto *Decls = dyn_cast_or_null<DeclStmt>(S);
      Decls && Decls->isSingleDecl())
    if (const auto *Var = dyn_cast<VarDecl>(Decls->getSingleDecl()))
      E = Var->getInit();
  if (const auto *Assign = dyn_cast_or_null<CXXOperatorCallExpr>(
          E ? E->IgnoreImplicit() : nullptr);
      Assign && Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2)
    E = Assign->getArg(1);
  const auto *Call =
      E ? dyn_cast<CXXMemberCallExpr>(strip(E, Wrappers::Implicit)) : nullptr;
  const VarDecl *Executor =
      Call ? localObject(Call->getImplicitObjectArgument()) : nullptr;
  const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
  if (!Executor || !M)
    return {nullptr, nullptr};
  std::optional<CallInfo> Info = describeCall(*Call);
  if ((Info && anyNameMatches(K.Joins, *Info)) || joinsOwnThreads(*M, K.Waits))
    return {Call, Executor};
  return {nullptr, nullptr};
}

/// The reference parameters of \p Coro that the start \p Start (a call of
/// it) binds to locals of the caller.
void bindParameters(const Stmt &Start, const FunctionDecl &Coro,
                    llvm::DenseMap<const ValueDecl *, const VarDecl *> &Bound) {
  const auto *Call = dyn_cast<CallExpr>(&Start);
  if (!Call || Call->getDirectCallee() != &Coro)
    return;
  for (unsigned I = 0; I < Coro.getNumParams(); ++I) {
    const ParmVarDecl *Param = Coro.getParamDecl(I);
    const Expr *Arg = argumentFor(*Call, I);
    if (const VarDecl *Local = Arg ? localObject(Arg) : nullptr;
        Local && Param->getType()->isLValueReferenceType())
      Bound[Param] = Local;
  }
}

} // namespace

bool joinsOwnThreads(const CXXMethodDecl &M, const NameMatcher &Waits) {
  const FunctionDecl *Def = nullptr;
  if (!M.hasBody(Def) || !Def)
    return false;
  auto MemberOf = [](const Expr *E) -> const FieldDecl * {
    const auto *Member =
        dyn_cast_or_null<MemberExpr>(strip(E, Wrappers::Syntax));
    return Member && isa<CXXThisExpr>(Member->getBase()->IgnoreImpCasts())
               ? dyn_cast<FieldDecl>(Member->getMemberDecl())
               : nullptr;
  };
  // The members joined: a thread itself, or each element of a range-for
  // over a container of them; and the type of what is joined.
  llvm::SmallPtrSet<const FieldDecl *, 4> Joined;
  QualType Thread;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
    if (!Info || !anyNameMatches(Waits, *Info))
      return;
    const Expr *Object = Call->getImplicitObjectArgument();
    const FieldDecl *Field = MemberOf(Object);
    const auto *Ref =
        dyn_cast_or_null<DeclRefExpr>(strip(Object, Wrappers::Syntax));
    forEachOwnStmt(Def->getBody(), [&](const Stmt &Loop) {
      const auto *For = dyn_cast<CXXForRangeStmt>(&Loop);
      if (!Field && For && Ref && For->getLoopVariable() == Ref->getDecl())
        Field = MemberOf(For->getRangeInit());
    });
    if (Field) {
      Joined.insert(Field);
      Thread = Object->getType().getNonReferenceType().getUnqualifiedType();
    }
  });
  if (Joined.empty())
    return false;
  // Every member that holds such threads is joined.
  auto Holds = [&](QualType T) {
    T = T.getNonReferenceType().getUnqualifiedType();
    if (T.getCanonicalType() == Thread.getCanonicalType())
      return true;
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        T->getAsCXXRecordDecl());
    return Spec && Spec->getTemplateArgs().size() >= 1 &&
           Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
           Spec->getTemplateArgs()[0].getAsType().getCanonicalType() ==
               Thread.getCanonicalType();
  };
  return llvm::all_of(M.getParent()->fields(), [&](const FieldDecl *F) {
    return Joined.contains(F) || !Holds(F->getType());
  });
}

const CallExpr *resumersJoinedBefore(const Stmt &Body, const Stmt &Start,
                                     const FunctionDecl &Coro,
                                     const VarDecl &Dying,
                                     const ResumerKnowledge &K) {
  if (lazinessOfCoroutine(Coro) != Laziness::Eager)
    return nullptr;
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!pathTo(&Body, &Start, Path))
    return nullptr;
  const SourceManager &SM = Dying.getASTContext().getSourceManager();
  // The scope Dying dies at the end of (the body, for a parameter).
  SourceRange Scope(SM.getExpansionLoc(Body.getBeginLoc()),
                    SM.getExpansionLoc(Body.getEndLoc()));
  for (const Stmt *S : Path)
    if (const auto *Block = dyn_cast<CompoundStmt>(S);
        Block && declares(*Block, Dying))
      Scope = SourceRange(SM.getExpansionLoc(Block->getBeginLoc()),
                          SM.getExpansionLoc(Block->getEndLoc()));
  for (size_t I = Path.size() - 1; I-- > 0;) {
    const auto *Block = dyn_cast<CompoundStmt>(Path[I]);
    if (!Block)
      continue;
    const Stmt *const *It = llvm::find(Block->body(), Path[I + 1]);
    for (++It; It != Block->body_end(); ++It) {
      if (const auto [Join, Executor] = joinOf(*It, K); Join) {
        Resumers R{Body,
                   *Executor,
                   llvm::DenseMap<const ValueDecl *, const VarDecl *>(),
                   Scope,
                   SM,
                   {}};
        bindParameters(Start, Coro, R.Bound);
        return ownedBy(*Executor, Body) && R.onlyThrough(Coro) ? Join : nullptr;
      }
      if (mayLeave(*It))
        return nullptr;
    }
    if (declares(*Block, Dying))
      return nullptr;
  }
  return nullptr;
}

} // namespace clang::tidy::async::model

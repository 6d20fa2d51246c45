//===--- LocalResumers.cpp - async-lint -----------------------------------===//
//
// One walk over the function's own statements and over the bodies of the
// coroutines that get the objects (bound to their reference parameters, or
// captured by reference), repeated while it finds more objects (an awaited
// operand names one, a move or copy makes one). Any other mention of an
// object (its address taken, a copy handed to a thread, a capture by copy)
// is a way out, and the fact does not hold.
//
//===----------------------------------------------------------------------===//

#include "LocalResumers.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "Mentions.h"
#include "NameMatcher.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

bool inStd(const NamedDecl &D) {
  return StringRef(canonicalName(D)).starts_with("::std::");
}

/// Whether destroying an object of a type may resume a coroutine: its
/// destructor's visible body (followed into the visible functions it calls)
/// resumes a handle or calls what is not visible; std types destroy what
/// their type arguments name.
class DestructorResumes {
public:
  bool type(QualType T, unsigned Depth) {
    const Type *Base = T.isNull() ? nullptr : T->getBaseElementTypeUnsafe();
    const CXXRecordDecl *RD = Base ? Base->getAsCXXRecordDecl() : nullptr;
    return RD && record(*RD, Depth);
  }

private:
  bool record(const CXXRecordDecl &Decl, unsigned Depth) {
    const CXXRecordDecl *RD = Decl.getDefinition();
    if (!RD || Depth > 6)
      return true;
    if (auto It = Memo.find(RD); It != Memo.end())
      return It->second;
    Memo[RD] = false; // Assumed while it is being asked.
    bool R = false;
    if (inStd(*RD)) {
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
        for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
          R = R || (A.getKind() == TemplateArgument::Type &&
                    type(A.getAsType(), Depth + 1));
      return Memo[RD] = R;
    }
    if (const CXXDestructorDecl *D = RD->getDestructor();
        D && D->isUserProvided()) {
      const FunctionDecl *Def = nullptr;
      R = !D->hasBody(Def) || !Def || calls(Def->getBody(), Depth + 1);
    }
    for (const CXXBaseSpecifier &B : RD->bases())
      R = R || type(B.getType(), Depth + 1);
    for (const FieldDecl *F : RD->fields())
      R = R || type(F->getType(), Depth + 1);
    return Memo[RD] = R;
  }

  /// True when \p S may resume a coroutine.
  bool calls(const Stmt *S, unsigned Depth) {
    bool May = Depth > 6;
    forEachWithin(S, false, [&](const Stmt &Sub) {
      if (const auto *Delete = dyn_cast<CXXDeleteExpr>(&Sub))
        May = May || type(Delete->getDestroyedType(), Depth + 1);
      const auto *Call = dyn_cast<CallExpr>(&Sub);
      if (May || !Call)
        return;
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD) {
        May = true; // A call through a pointer.
        return;
      }
      if (FD->isNoReturn() || FD->getBuiltinID())
        return;
      if (inStd(*FD)) {
        // A handle's resume, or a stored callback's call.
        May = FD->getOverloadedOperator() == OO_Call ||
              (FD->getIdentifier() && FD->getName() == "resume");
        return;
      }
      const FunctionDecl *Def = nullptr;
      May = !FD->hasBody(Def) || !Def || calls(Def->getBody(), Depth + 1);
    });
    return May;
  }

  llvm::DenseMap<const CXXRecordDecl *, bool> Memo;
};

/// True when a class holds a thread: a member (or a base, or what a std
/// type's arguments name) of a type with a `join` among \p Waits.
bool holdsThread(QualType T, const NameMatcher &Waits, unsigned Depth) {
  const Type *Base = T.isNull() ? nullptr : T->getBaseElementTypeUnsafe();
  const CXXRecordDecl *RD = Base ? Base->getAsCXXRecordDecl() : nullptr;
  if (!RD || !(RD = RD->getDefinition()) || Depth > 4)
    return false;
  if (llvm::any_of(RD->methods(), [&](const CXXMethodDecl *M) {
        return M->getIdentifier() && M->getName() == "join" &&
               Waits.matches(canonicalName(*M));
      }))
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type &&
          holdsThread(A.getAsType(), Waits, Depth + 1))
        return true;
  if (inStd(*RD))
    return false;
  return llvm::any_of(RD->fields(),
                      [&](const FieldDecl *F) {
                        return holdsThread(F->getType(), Waits, Depth + 1);
                      }) ||
         llvm::any_of(RD->bases(), [&](const CXXBaseSpecifier &B) {
           return holdsThread(B.getType(), Waits, Depth + 1);
         });
}

/// True when \p P, a parameter of \p FD, is used only as the object of
/// member calls in \p FD's visible body: the call keeps nothing of it.
bool onlyCalledOn(const FunctionDecl &FD, const ParmVarDecl &P) {
  const FunctionDecl *Def = FD.getDefinition();
  if (!Def || !Def->getBody() || isCoroutine(*Def))
    return false;
  const ParmVarDecl *Param = Def->getParamDecl(P.getFunctionScopeIndex());
  llvm::SmallPtrSet<const Stmt *, 8> Objects;
  forEachWithin(Def->getBody(), true, [&](const Stmt &S) {
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(&S))
      Objects.insert(strip(M->getImplicitObjectArgument(), Wrappers::Syntax));
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
        Op && isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()))
      Objects.insert(strip(Op->getArg(0), Wrappers::Syntax));
  });
  bool Only = true;
  forEachWithin(Def->getBody(), true, [&](const Stmt &S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    Only = Only && !(Ref && Ref->getDecl() == Param && !Objects.count(Ref));
  });
  return Only;
}

/// The block of \p Body that declares \p Var; null for none.
const Stmt *blockOf(const Stmt &Body, const VarDecl &Var) {
  const Stmt *Found = nullptr;
  forEachWithin(&Body, false, [&](const Stmt &S) {
    if (const auto *Block = dyn_cast<CompoundStmt>(&S))
      for (const Stmt *Sub : Block->body())
        if (const auto *Decls = dyn_cast_or_null<DeclStmt>(Sub);
            Decls && llvm::is_contained(Decls->decls(), &Var))
          Found = Block;
  });
  return Found;
}

struct Drive {
  Drive(const Stmt &Body, const VarDecl &Dying, const NameMatcher &Waits,
        const SourceManager &SM)
      : Body(Body), Dying(Dying), Waits(Waits), SM(SM) {}
  const Stmt &Body;
  const VarDecl &Dying;
  const NameMatcher &Waits;
  const SourceManager &SM;
  SourceRange Scope;
  llvm::SmallVector<SourceRange, 4> Loops;
  /// Reference parameters of the coroutines given an object, and it.
  llvm::DenseMap<const ValueDecl *, const VarDecl *> Bound;
  llvm::SmallSetVector<const VarDecl *, 4> Objects;
  llvm::SmallPtrSet<const FunctionDecl *, 4> Checked;

  SourceLocation at(const Stmt &S) const {
    return SM.getExpansionLoc(S.getBeginLoc());
  }
  bool within(SourceLocation L, SourceRange R) const {
    return SM.isPointWithin(L, R.getBegin(), R.getEnd());
  }

  /// The local of the function \p E denotes, directly or through a
  /// parameter bound to it: a class object held by value.
  const VarDecl *local(const Expr *E) const {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Object));
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (auto It = Var ? Bound.find(Var) : Bound.end(); It != Bound.end())
      return It->second;
    return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
                   Var->getType()->getAsCXXRecordDecl() &&
                   Var->getParentFunctionOrMethod() ==
                       Dying.getParentFunctionOrMethod()
               ? Var
               : nullptr;
  }
  bool denotes(const Expr *E) const {
    const VarDecl *V = local(E);
    return V && Objects.contains(V);
  }

  /// True when a call on an object at \p S, in the function's own
  /// statements, cannot come after \p Dying dies: within its scope, or
  /// before it with no loop around both.
  bool inTime(const Stmt &S, bool Own) const {
    SourceLocation L = at(S);
    if (!Own || within(L, Scope))
      return true;
    return SM.isBeforeInTranslationUnit(L, Scope.getBegin()) &&
           llvm::none_of(Loops, [&](SourceRange Loop) {
             return within(L, Loop) && within(Scope.getBegin(), Loop);
           });
  }

  bool fromObjects(const Expr *Operand);
  bool drivenBy(const FunctionDecl &Coro);
  bool uses(const Stmt *S, bool Own);
  bool awaited(const Expr *Operand, bool Own);
  bool call(const CallExpr &Call, bool Own);
  bool declares(const DeclStmt &Decls, bool Own);
  bool lambda(const LambdaExpr &L);
  bool madeFromConstants(const VarDecl &X);
  bool diesInTime(const VarDecl &X, DestructorResumes &Dtors) const;
};

/// True when \p Operand, awaited, is obtained from local objects (which it
/// adds) and names nothing else that may resume: no member of `this`, no
/// global, no reference that is not bound to such an object.
bool Drive::fromObjects(const Expr *Operand) {
  const Expr *E = strip(Operand, Wrappers::Implicit);
  llvm::SmallVector<const Expr *, 4> From{E};
  if (const auto *M = dyn_cast_or_null<CXXMemberCallExpr>(E))
    From.push_back(M->getImplicitObjectArgument());
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    From.append(Call->arg_begin(), Call->arg_end());
  else if (const auto *Make = dyn_cast_or_null<CXXConstructExpr>(E))
    From.append(Make->arg_begin(), Make->arg_end());
  bool Any = false;
  for (const Expr *F : From)
    if (const VarDecl *V = local(F)) {
      Objects.insert(V);
      Any = true;
    }
  bool Other = false;
  forEachWithin(Operand, true, [&](const Stmt &S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    Other =
        Other || isa<CXXThisExpr>(S) ||
        (V && !V->hasLocalStorage() && !V->getType().isConstQualified()) ||
        (V &&
         (V->getType()->isReferenceType() || V->getType()->isPointerType()) &&
         !Bound.count(V));
  });
  return Any && !Other;
}

/// True when the eager coroutine \p Coro awaits only what local objects
/// give, and its body uses them only as the function may.
bool Drive::drivenBy(const FunctionDecl &Coro) {
  if (!Checked.insert(&Coro).second)
    return true; // Assumed while it is being checked.
  const Stmt *CoroBody = getUserBody(Coro);
  if (!CoroBody || lazinessOfCoroutine(Coro) != Laziness::Eager)
    return false;
  bool All = true;
  forEachSuspensionPoint(CoroBody, [&](const CoroutineSuspendExpr &S) {
    All = All && !isa<CoyieldExpr>(S) && fromObjects(S.getOperand());
  });
  return All && uses(CoroBody, false);
}

bool Drive::lambda(const LambdaExpr &L) {
  if (llvm::none_of(Objects, [&](const VarDecl *X) {
        return namesWithin(&L, *X) || llvm::any_of(Bound, [&](const auto &B) {
                 return B.second == X && namesWithin(&L, *B.first);
               });
      }))
    return true;
  for (const LambdaCapture &C : L.captures())
    if (C.capturesVariable() && C.getCaptureKind() != LCK_ByRef)
      if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
          V && (Objects.contains(V) || Bound.count(V)))
        return false;
  const CXXMethodDecl *Op = L.getCallOperator();
  return Op && isCoroutine(*Op) && drivenBy(*Op);
}

/// An operand awaited: the awaiter may be obtained from objects (a member
/// call on one, a call or construction given one).
bool Drive::awaited(const Expr *Operand, bool Own) {
  const Expr *E = strip(Operand, Wrappers::Implicit);
  if (denotes(E))
    return inTime(*E, Own);
  llvm::ArrayRef<const Expr *> Args;
  bool Given = false;
  if (const auto *M = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    Given = denotes(M->getImplicitObjectArgument());
    if (!Given && !uses(M->getImplicitObjectArgument(), Own))
      return false;
    Args = llvm::ArrayRef(M->getArgs(), M->getNumArgs());
  } else if (const auto *Call = dyn_cast_or_null<CallExpr>(E)) {
    Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
  } else if (const auto *Make = dyn_cast_or_null<CXXConstructExpr>(E)) {
    Args = llvm::ArrayRef(Make->getArgs(), Make->getNumArgs());
  } else {
    return uses(Operand, Own);
  }
  for (const Expr *A : Args) {
    if (denotes(A))
      Given = true;
    else if (!uses(A, Own))
      return false;
  }
  return !Given || inTime(*E, Own);
}

/// A call given objects: by reference to a coroutine driven by them, or
/// to a function that only calls members on them.
bool Drive::call(const CallExpr &Call, bool Own) {
  const FunctionDecl *FD = Call.getDirectCallee();
  llvm::SmallPtrSet<const Expr *, 4> Given;
  for (unsigned I = 0; FD && I < FD->getNumParams(); ++I) {
    const Expr *A = argumentFor(Call, I);
    const VarDecl *X = A ? local(A) : nullptr;
    if (!X || !Objects.contains(X))
      continue;
    const ParmVarDecl *P = FD->getParamDecl(I);
    if (!P->getType()->isLValueReferenceType() || !inTime(Call, Own))
      return false;
    if (isCoroutine(*FD)) {
      Bound[P] = X;
      if (!drivenBy(*FD))
        return false;
    } else if (!onlyCalledOn(*FD, *P)) {
      return false;
    }
    Given.insert(A);
  }
  return llvm::all_of(Call.children(), [&](const Stmt *Child) {
    return Given.count(dyn_cast_or_null<Expr>(Child)) || uses(Child, Own);
  });
}

/// A declaration moving or copying an object, or constructing a local from
/// one (`mutex_lock lock(m, std::adopt_lock)`), makes another one.
bool Drive::declares(const DeclStmt &Decls, bool Own) {
  for (const Decl *D : Decls.decls()) {
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V || !V->getInit())
      continue;
    const auto *Make = dyn_cast_or_null<CXXConstructExpr>(
        strip(V->getInit(), Wrappers::Implicit));
    bool FromObject =
        denotes(V->getInit()) ||
        (Make && llvm::any_of(Make->arguments(),
                              [&](const Expr *A) { return denotes(A); }));
    if (FromObject && Own && !V->getType()->isReferenceType() &&
        V->getType()->getAsCXXRecordDecl()) {
      if (!inTime(Decls, Own))
        return false;
      Objects.insert(V);
      continue;
    }
    if (!uses(V->getInit(), Own))
      return false;
  }
  return true;
}

/// True when every mention of an object within \p S is one the function
/// may make (\p Own: in its own statements, not a coroutine's).
bool Drive::uses(const Stmt *S, bool Own) {
  if (!S)
    return true;
  if (const auto *L = dyn_cast<LambdaExpr>(S))
    return lambda(*L);
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
    return awaited(Suspend->getOperand(), Own);
  if (const auto *Decls = dyn_cast<DeclStmt>(S))
    return declares(*Decls, Own);
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(S);
      M && denotes(M->getImplicitObjectArgument()))
    return inTime(*M, Own) && llvm::all_of(M->arguments(), [&](const Expr *A) {
             return uses(A, Own);
           });
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) &&
      Op->getNumArgs() >= 1 && denotes(Op->getArg(0)))
    return inTime(*Op, Own) &&
           llvm::all_of(llvm::drop_begin(Op->arguments()),
                        [&](const Expr *A) { return uses(A, Own); });
  if (const auto *Call = dyn_cast<CallExpr>(S))
    return call(*Call, Own);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return !denotes(Ref);
  return llvm::all_of(S->children(),
                      [&](const Stmt *Child) { return uses(Child, Own); });
}

/// True when \p X is attached to nothing outside: made from constants, or
/// from other locals, which become objects too (they share its state).
bool Drive::madeFromConstants(const VarDecl &X) {
  const Expr *Init = strip(X.getInit(), Wrappers::Implicit);
  auto Plain = [&](const Expr *A) {
    if (isa<CXXDefaultArgExpr, ImplicitValueInitExpr>(A) ||
        A->isEvaluatable(X.getASTContext()))
      return true;
    const VarDecl *Y = local(A);
    if (Y)
      Objects.insert(Y);
    return Y != nullptr;
  };
  if (!Init || denotes(Init))
    return true;
  if (const auto *Make = dyn_cast<CXXConstructExpr>(Init))
    return llvm::all_of(Make->arguments(), Plain);
  if (const auto *List = dyn_cast<InitListExpr>(Init))
    return llvm::all_of(List->inits(), Plain);
  return Plain(Init);
}

/// True when \p X's death cannot resume the coroutine after \p Dying dies.
/// An object that outlives \p Dying may not outlive a loop around \p Dying's
/// scope either: a later round's call on it would resume this round's task.
bool Drive::diesInTime(const VarDecl &X, DestructorResumes &Dtors) const {
  if (&X == &Dying || isa<ParmVarDecl>(Dying))
    return true;
  SourceLocation At = SM.getExpansionLoc(X.getLocation());
  if (SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Dying.getLocation()),
                                   At) &&
      within(At, Scope))
    return true;
  return llvm::none_of(Loops,
                       [&](SourceRange Loop) {
                         return within(Scope.getBegin(), Loop) &&
                                !within(At, Loop);
                       }) &&
         !Dtors.type(X.getType(), 0);
}

} // namespace

bool resumedOnlyByLocals(const Stmt &Body, const Stmt &Start,
                         const FunctionDecl &Coro, const VarDecl &Dying,
                         const NameMatcher &Waits) {
  if (lazinessOfCoroutine(Coro) != Laziness::Eager)
    return false;
  const SourceManager &SM = Dying.getASTContext().getSourceManager();
  const Stmt *Block = isa<ParmVarDecl>(Dying) ? &Body : blockOf(Body, Dying);
  if (!Block)
    return false;
  Drive D{Body, Dying, Waits, SM};
  D.Scope = SourceRange(D.at(*Block), SM.getExpansionLoc(Block->getEndLoc()));
  forEachWithin(&Body, false, [&](const Stmt &S) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
      D.Loops.push_back({D.at(S), SM.getExpansionLoc(S.getEndLoc())});
  });
  // The locals the start binds to the coroutine's reference parameters.
  for (unsigned I = 0; I < Coro.getNumParams(); ++I) {
    const Expr *Arg = argumentFor(Start, I);
    const ParmVarDecl *P = Coro.getParamDecl(I);
    if (const VarDecl *X = Arg ? D.local(Arg) : nullptr;
        X && P->getType()->isLValueReferenceType()) {
      D.Bound[P] = X;
    }
  }
  // Until no more objects are found: what the start and the function's own
  // statements do with them, and the coroutines that get them.
  for (unsigned Round = 0; Round < 4; ++Round) {
    size_t Known = D.Objects.size();
    D.Checked.clear();
    if (!D.drivenBy(Coro) || !D.uses(&Body, true))
      return false;
    for (size_t I = 0; I < D.Objects.size(); ++I)
      if (!D.madeFromConstants(*D.Objects[I]) ||
          holdsThread(D.Objects[I]->getType(), Waits, 0))
        return false;
    if (D.Objects.size() == Known)
      break;
  }
  DestructorResumes Dtors;
  return !D.Objects.empty() && llvm::all_of(D.Objects, [&](const VarDecl *X) {
    return D.diesInTime(*X, Dtors);
  });
}

} // namespace clang::tidy::async::model

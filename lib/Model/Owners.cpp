//===--- Owners.cpp - async-lint ------------------------------------------===//

#include "Owners.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "Mentions.h"
#include "TaskFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

namespace {

std::string recordName(QualType T) {
  const CXXRecordDecl *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD ? canonicalName(*RD) : std::string();
}

bool isUniquePtrType(QualType T) {
  return recordName(T) == "::std::unique_ptr";
}

/// False for a class whose objects cannot be copied by others: its copy
/// constructor is deleted, private or protected (asio's execution_context,
/// std::thread, a scope or a gate).
bool isPubliclyCopyable(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return true;
  RD = RD->getDefinition();
  if (RD->needsImplicitCopyConstructor())
    return !RD->defaultedCopyConstructorIsDeleted() &&
           !RD->hasUserDeclaredMoveConstructor() &&
           !RD->hasUserDeclaredMoveAssignment();
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (Ctor->isCopyConstructor())
      return !Ctor->isDeleted() && Ctor->getAccess() == AS_public;
  return false;
}

const VarDecl *variableOf(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Implicit));
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// True when every mention of \p Var in \p Body dereferences it (p->m,
/// *p, s.get()): nothing copies, moves, resets or reassigns it.
bool onlyDereferenced(const VarDecl &Var, const Stmt &Body) {
  unsigned Mentions = 0, Derefs = 0;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S)) {
      Mentions += Ref->getDecl() == &Var;
      return;
    }
    const Expr *Base = nullptr;
    if (const auto *Member = dyn_cast<MemberExpr>(&S);
        Member && Member->isArrow())
      Base = Member->getBase();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op &&
             (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
      Base = Op->getArg(0);
    else if (const auto *Unary = dyn_cast<UnaryOperator>(&S);
             Unary && Unary->getOpcode() == UO_Deref)
      Base = Unary->getSubExpr();
    else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->getIdentifier() && Callee->getName() == "get")
        Base = Call->getImplicitObjectArgument();
    }
    Derefs += Base && variableOf(Base) == &Var;
  });
  return Mentions == Derefs;
}

/// True when \p Init makes a new object that nothing else owns yet:
/// std::make_shared, std::make_unique, or a smart pointer built from 'new'.
bool isFreshOwner(const Expr *Init) {
  Init = strip(Init, Wrappers::Object);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Init)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
           (Callee->getName() == "make_shared" ||
            Callee->getName() == "make_unique");
  }
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init))
    return Construct->getNumArgs() == 1 &&
           isa<CXXNewExpr>(strip(Construct->getArg(0), Wrappers::Implicit));
  return false;
}

/// The owner of what the smart pointer \p Ptr points to.
ObjectOwner smartPointerOwner(const Expr *Ptr, const Stmt &Body) {
  using K = ObjectOwner::Kind;
  const Expr *E = strip(Ptr, Wrappers::Syntax);
  if (!E || !(isSharedPtrType(E->getType()) || isUniquePtrType(E->getType())))
    return {};
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return isFreshOwner(Temp->getSubExpr()) ? ObjectOwner{K::Temporary}
                                            : ObjectOwner{};
  const VarDecl *Var = variableOf(E);
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      isa<ParmVarDecl>(Var) || !onlyDereferenced(*Var, Body))
    return {};
  if (isSharedPtrType(Var->getType()) && !isFreshOwner(Var->getInit()))
    return {};
  return {K::Local, Var};
}

/// The owner of what the local raw pointer \p Ptr points to: the local it
/// was made to point to, or the smart pointer it was taken from.
ObjectOwner rawPointerOwner(const Expr *Ptr, const Stmt &Body) {
  const VarDecl *P = variableOf(Ptr);
  if (!P || !P->hasLocalStorage() || isa<ParmVarDecl>(P) ||
      P->getType()->isReferenceType() || !onlyDereferenced(*P, Body))
    return {};
  const Expr *Init = strip(P->getInit(), Wrappers::Implicit);
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Init);
      Unary && Unary->getOpcode() == UO_AddrOf) {
    const VarDecl *Target = variableOf(Unary->getSubExpr());
    if (Target && Target->hasLocalStorage() &&
        !Target->getType()->isReferenceType())
      return {ObjectOwner::Kind::Local, Target};
    return {};
  }
  if (const auto *Get = dyn_cast_or_null<CXXMemberCallExpr>(Init))
    if (const FunctionDecl *Callee = Get->getDirectCallee();
        Callee && Callee->getIdentifier() && Callee->getName() == "get")
      return smartPointerOwner(Get->getImplicitObjectArgument(), Body);
  return {};
}

} // namespace

bool isSharedOrWeakPtrType(QualType T) {
  std::string Name = recordName(T);
  return Name == "::std::shared_ptr" || Name == "::std::weak_ptr";
}

bool holdsReference(const Expr &E, const NameMatcher &OwnerFunctions) {
  if (isSharedOrWeakPtrType(E.getType()))
    return true;
  return firstOwnerCall(&E, OwnerFunctions) != nullptr;
}

const Stmt *firstOwnerCall(const Stmt *Body,
                           const NameMatcher &OwnerFunctions) {
  const Stmt *Found = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (!Found && isa<CallExpr>(S))
      if (std::optional<CallInfo> Info = describeCall(S);
          Info && anyNameMatches(OwnerFunctions, *Info))
        Found = &S;
  });
  return Found;
}

const FieldDecl *ownedMemberIn(const Expr &E) {
  const FieldDecl *Found = nullptr;
  forEachOwnStmt(&E, [&](const Stmt &S) {
    const auto *Member = dyn_cast<MemberExpr>(&S);
    if (Found || !Member ||
        !isa<CXXThisExpr>(strip(Member->getBase(), Wrappers::Implicit)))
      return;
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field || Field->getType()->isReferenceType() ||
        Field->getType()->isPointerType())
      return;
    const CXXRecordDecl *RD = Field->getType()->getAsCXXRecordDecl();
    if (RD && !isPubliclyCopyable(RD))
      Found = Field;
  });
  return Found;
}

bool spawnKeepsObject(const Stmt &Body, SourceLocation Where,
                      const NameMatcher &SpawnFunctions,
                      const NameMatcher &OwnerFunctions) {
  auto Keeping = [&](const Expr *E) {
    return E && (holdsReference(*E, OwnerFunctions) || ownedMemberIn(*E));
  };
  bool Keeps = false;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    const auto *Spawn = dyn_cast<CallExpr>(&S);
    if (Keeps || !Spawn || Spawn->getBeginLoc() != Where)
      return;
    std::optional<CallInfo> Info = describeCall(*Spawn);
    if (!Info || !anyNameMatches(SpawnFunctions, *Info))
      return;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Spawn))
      Keeps |= Keeping(Member->getImplicitObjectArgument());
    Keeps |= llvm::any_of(Spawn->arguments(), Keeping);
  });
  return Keeps;
}

namespace {

bool joinsOnDestruction(const CXXRecordDecl *RD, unsigned Depth) {
  if (!RD || !RD->hasDefinition())
    return true;
  RD = RD->getDefinition();
  const CXXDestructorDecl *Dtor = RD->getDestructor();
  if (Dtor && Dtor->isUserProvided()) {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(Dtor->getBody());
    if (!Body || !Body->body_empty())
      return true;
  }
  if (Depth > 0)
    return false;
  // A member it owns outright that may join in turn (std::jthread, a
  // thread pool, a scope); not a smart pointer, which only deletes.
  return llvm::any_of(RD->fields(), [&](const FieldDecl *Field) {
    QualType T = Field->getType();
    const CXXRecordDecl *Member =
        T->isReferenceType() ? nullptr : T->getAsCXXRecordDecl();
    return Member && !isPubliclyCopyable(Member) && !isSharedPtrType(T) &&
           !isUniquePtrType(T) && joinsOnDestruction(Member, Depth + 1);
  });
}

} // namespace

bool mayJoinOnDestruction(const CXXRecordDecl *RD) {
  return joinsOnDestruction(RD, 0);
}

ObjectOwner ownerOfObject(const Expr &Object, const Stmt &CallerBody) {
  using K = ObjectOwner::Kind;
  const Expr *E = strip(&Object, Wrappers::Syntax);
  if (!E)
    return {};
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return Temp->getExtendingDecl() ? ObjectOwner{} : ObjectOwner{K::Temporary};
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
    return smartPointerOwner(Op->getArg(0), CallerBody);
  if (E->getType()->isPointerType())
    return rawPointerOwner(E, CallerBody);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_Deref)
    return rawPointerOwner(Unary->getSubExpr(), CallerBody);
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || Var->getType()->isReferenceType())
    return {};
  if (Var->hasLocalStorage())
    return {K::Local, Var};
  return {K::Lasting, Var};
}

namespace {

/// True when \p S calls a member function that is not const on the object
/// \p Owner is or owns (o.m(), p->m()).
bool callsMutatingMember(const Stmt &S, const VarDecl *Owner) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || Method->isConst())
    return false;
  return namesInOwnStmts(Call->getImplicitObjectArgument(), *Owner);
}

} // namespace

bool mayWaitForObject(const Stmt &Body, const VarDecl *Owner,
                      SourceLocation After, SourceLocation Before,
                      const NameMatcher &Waits, const SourceManager &SM) {
  bool Waiting = false;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    SourceLocation Loc = S.getBeginLoc();
    if (Waiting || !SM.isBeforeInTranslationUnit(After, Loc) ||
        !SM.isBeforeInTranslationUnit(Loc, Before))
      return;
    if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(&S))
      Waiting = Owner && namesInOwnStmts(Suspend->getOperand(), *Owner);
    else if (Owner && callsMutatingMember(S, Owner))
      Waiting = true;
    else if (isa<CallExpr>(S))
      if (std::optional<CallInfo> Info = describeCall(S))
        Waiting = anyNameMatches(Waits, *Info);
  });
  return Waiting;
}

bool keepsLocalExecutor(const Stmt &Body, const NameMatcher &Runs) {
  bool Keeps = false;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    const auto *Decl = dyn_cast<DeclStmt>(&S);
    if (Keeps || !Decl)
      return;
    for (const auto *D : Decl->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      const CXXRecordDecl *RD =
          Var && Var->hasLocalStorage() && !Var->getType()->isReferenceType()
              ? Var->getType()->getAsCXXRecordDecl()
              : nullptr;
      if (RD && RD->hasDefinition())
        Keeps |= llvm::any_of(RD->getDefinition()->methods(),
                              [&](const CXXMethodDecl *M) {
                                return M->getDeclName().isIdentifier() &&
                                       Runs.matches(canonicalName(*M));
                              });
    }
  });
  return Keeps;
}

OwnerDeath ownerDiesDuringTask(const CXXMemberCallExpr &Call, const Stmt &Body,
                               const TaskFlow &Flow, const NameMatcher &Runs) {
  using K = ObjectOwner::Kind;
  const Expr *Object = Call.getImplicitObjectArgument();
  QualType ObjectType = Call.getObjectType();
  // The object's own class (perhaps derived) may join when destroyed.
  if (!Object || ObjectType.isNull() ||
      mayJoinOnDestruction(ObjectType->getAsCXXRecordDecl()))
    return {};
  ObjectOwner Owner = ownerOfObject(*Object, Body);
  if ((Owner.What != K::Temporary && Owner.What != K::Local) ||
      keepsLocalExecutor(Body, Runs))
    return {};
  Referent R{Owner.What == K::Temporary ? Referent::Kind::Temporary
                                        : Referent::Kind::Local,
             Owner.Var};
  // The task runs on an executor from the call on: a run of the executor
  // to completion before the owner dies finishes it.
  TaskFate AtCall{TaskFate::Kind::Escapes, Call.getBeginLoc(), "started here",
                  /*OnExecutor=*/true};
  AtCall.Spawn = &Call;
  return {Owner, Flow.diesBeforeTask(R, &Call, AtCall, Laziness::Eager)};
}

void forEachDetachingCall(
    const Stmt &Body, llvm::function_ref<const TaskFlow &()> Flow,
    const NameMatcher &Runs, const NameMatcher &Joins, const SourceManager &SM,
    llvm::function_ref<bool(const CXXMethodDecl &)> Detaches,
    llvm::function_ref<void(const DetachingCall &)> Report,
    const OwnStmts *Own) {
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const auto *M =
        Call ? dyn_cast_or_null<CXXMethodDecl>(calledDefinition(*Call))
             : nullptr;
    if (!M || !M->isInstance() || M->isDependentContext() ||
        isLambdaCallOperator(*M) || isSharedFromThisClass(M->getParent()) ||
        mayJoinOnDestruction(M->getParent()) || !Detaches(*M))
      return;
    OwnerDeath Death = ownerDiesDuringTask(*Call, Body, Flow(), Runs);
    if (Death.Dies.isInvalid() ||
        mayWaitForObject(Body, Death.Owner.Var, Call->getBeginLoc(), Death.Dies,
                         Joins, SM))
      return;
    Report({*Call, *M, Death});
  });
}

} // namespace clang::tidy::async::model

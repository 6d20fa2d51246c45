//===--- HeldLocks.cpp - async-lint ---------------------------------------===//

#include "HeldLocks.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FunctionEvents.h"
#include "NameMatcher.h"
#include "ResolvedTypes.h"
#include "clang/AST/Attr.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p D's canonical name is in \p List, asked of \p Names' memo
/// when given.
bool nameIn(const NameMatcher &List, const NamedDecl &D, CallNames *Names) {
  return List.matches(Names ? StringRef(Names->of(D))
                            : StringRef(canonicalName(D)));
}

/// What a guard's constructor does with its mutex.
enum class Acquire { Holds, Defers, Tries, Nothing };

/// True when the visible definition of \p Callee moves its parameter
/// numbered \p Index away or unlocks it (an awaiter that takes the caller's
/// unique_lock and releases it when it suspends), in its body or, for a
/// constructor, its member initialisers.
bool releasesParameter(const FunctionDecl &Callee, unsigned Index) {
  const FunctionDecl *Def = nullptr;
  if (!Callee.hasBody(Def) || Index >= Def->getNumParams())
    return false;
  const ParmVarDecl *Param = Def->getParamDecl(Index);
  bool Releases = false;
  auto Visit = [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Fn = Call ? Call->getDirectCallee() : nullptr;
    if (!Fn || !Fn->getIdentifier())
      return;
    StringRef Name = Fn->getName();
    const Expr *Object = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Object = Member->getImplicitObjectArgument();
    else if (Fn->isInStdNamespace() && Name == "move" && Call->getNumArgs())
      Object = Call->getArg(0);
    bool Ends = isa<CXXMemberCallExpr>(Call)
                    ? (Name == "unlock" || Name == "release")
                    : true;
    Releases |= Ends && Object && mutexKey(Object) == Param;
  };
  forEachOwnStmt(Def->getBody(), Visit);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      forEachOwnStmt(Init->getInit(), Visit);
  return Releases;
}

/// Begins and ends the locks of one coroutine along its paths: a fact per
/// guard variable (keyed by the variable) and per mutex locked by hand
/// (keyed by the mutex's declaration).
class LockTransfer {
public:
  explicit LockTransfer(const LockLists &Check) : Check(Check) {}

  void statement(const Stmt &S, HeldFacts &Held) {
    if (const auto *Decls = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          declared(*Var, S, Held);
      return;
    }
    handedOn(S, Held);
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S))
      return memberCall(*Call, Held);
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !Callee->isInStdNamespace() || !Callee->getIdentifier())
      return;
    // std::move(guard): the lock goes with the moved-to object.
    if (Callee->getName() == "move" && Call->getNumArgs() == 1) {
      const ValueDecl *Key = mutexKey(Call->getArg(0));
      if (Key && Held.count(Key)) {
        Moved[Key] = Held.lookup(Key);
        Held.erase(Key);
      }
      return;
    }
    // std::lock(m1, m2, ...) locks every mutex it is given.
    if (Callee->getName() == "lock")
      for (const Expr *Arg : Call->arguments())
        if (Check.isMutexType(Arg->getType()))
          if (const ValueDecl *Key = mutexKey(Arg))
            Held.try_emplace(Key, Call);
  }

  void destroyed(const VarDecl &Var, HeldFacts &Held) { Held.erase(&Var); }

  void branch(const Expr &Cond, bool Taken, HeldFacts &Held) {
    const Expr *E = strip(&Cond, Wrappers::Condition);
    while (const auto *Not = dyn_cast_or_null<UnaryOperator>(E)) {
      if (Not->getOpcode() != UO_LNot)
        break;
      Taken = !Taken;
      E = strip(Not->getSubExpr(), Wrappers::Condition);
    }
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E);
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method)
      return;
    const Expr *Object = Call->getImplicitObjectArgument();
    const ValueDecl *Key = mutexKey(Object);
    if (!Key)
      return;
    // A guard that tried to lock: 'if (l)', 'if (l.owns_lock())'.
    if (Check.isGuardType(Object->getType()) &&
        (isa<CXXConversionDecl>(Method) ||
         (Method->getIdentifier() && Method->getName() == "owns_lock"))) {
      if (Taken && TryGuards.contains(Key))
        Held.try_emplace(Key, Call);
      else if (!Taken)
        Held.erase(Key);
      return;
    }
    // A mutex that tried to lock: 'if (m.try_lock())'.
    if (Taken && tries(*Method, Object->getType()))
      Held.try_emplace(Key, Call);
  }

private:
  void declared(const VarDecl &Var, const Stmt &S, HeldFacts &Held) {
    if (!Check.isGuardType(Var.getType()) || Var.getType()->isReferenceType())
      return;
    const CXXConstructExpr *Construct = guardConstruction(Var);
    if (!Construct)
      return;
    // Initialised by moving a guard: held if that one was.
    if (Construct->getNumArgs() == 1 &&
        Check.isGuardType(Construct->getArg(0)->getType())) {
      const ValueDecl *From = mutexKey(Construct->getArg(0));
      if (From && Moved.count(From))
        Held.try_emplace(&Var, Moved.lookup(From));
      return;
    }
    switch (acquires(*Construct)) {
    case Acquire::Holds:
      Held.try_emplace(&Var, &S);
      // A guard that adopts a lock taken by hand now owns it.
      for (const Expr *Arg : Construct->arguments())
        if (const ValueDecl *Key = mutexKey(Arg))
          Held.erase(Key);
      return;
    case Acquire::Tries:
      TryGuards.insert(&Var);
      return;
    case Acquire::Defers:
    case Acquire::Nothing:
      return;
    }
  }

  /// What the construction of a guard does: holds a lock unless it is told
  /// to defer or try (a tag argument), has no mutex, or locks an
  /// asynchronous mutex (whose lock was awaited).
  Acquire acquires(const CXXConstructExpr &Construct) const {
    bool Mutex = false;
    for (const Expr *Arg : Construct.arguments()) {
      if (const CXXRecordDecl *Tag = recordOf(Arg->getType())) {
        if (nameIn(Check.DeferLockTags, *Tag, Check.Names))
          return Acquire::Defers;
        if (nameIn(Check.TryLockTags, *Tag, Check.Names))
          return Acquire::Tries;
      }
      QualType T = Arg->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      if (Check.isAsyncMutexType(T))
        return Acquire::Nothing;
      Mutex |= recordOf(T) != nullptr && !Check.isGuardType(T);
    }
    return Mutex ? Acquire::Holds : Acquire::Nothing;
  }

  /// A held guard passed by reference to a function (or constructor) whose
  /// visible definition moves it away or unlocks it.
  void handedOn(const Stmt &S, HeldFacts &Held) {
    const FunctionDecl *Callee = nullptr;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Callee = Call->getDirectCallee();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
      Callee = Construct->getConstructor();
    if (!Callee || Held.empty())
      return;
    for (unsigned I = 0; I < Callee->getNumParams(); ++I) {
      const ParmVarDecl *Param = Callee->getParamDecl(I);
      const ValueDecl *Key = mutexKey(argumentFor(S, I));
      if (Key && Held.count(Key) && Param->getType()->isLValueReferenceType() &&
          !Param->getType().getNonReferenceType().isConstQualified() &&
          releasesParameter(*Callee, I))
        Held.erase(Key);
    }
  }

  void memberCall(const CXXMemberCallExpr &Call, HeldFacts &Held) {
    const CXXMethodDecl *Method = Call.getMethodDecl();
    const Expr *Object = Call.getImplicitObjectArgument();
    const ValueDecl *Key = Object ? mutexKey(Object) : nullptr;
    if (!Method || !Key)
      return;
    QualType T = Object->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    StringRef Name = Method->getIdentifier() ? Method->getName() : StringRef();
    bool Guard = Check.isGuardType(T);
    if (!Guard && !Check.isMutexType(T))
      return;
    if (Method->hasAttr<ReleaseCapabilityAttr>() || Name == "unlock" ||
        Name == "unlock_shared" || (Guard && Name == "release"))
      Held.erase(Key);
    else if (Method->hasAttr<AcquireCapabilityAttr>() || Name == "lock" ||
             Name == "lock_shared")
      Held.try_emplace(Key, &Call);
  }

  bool tries(const CXXMethodDecl &Method, QualType T) const {
    if (T->isPointerType())
      T = T->getPointeeType();
    if (Method.hasAttr<TryAcquireCapabilityAttr>())
      return true;
    StringRef Name = Method.getIdentifier() ? Method.getName() : StringRef();
    return Check.isMutexType(T) && Name.starts_with("try_lock");
  }

  const LockLists &Check;
  /// Guards constructed to try: held only where a test says they own it.
  llvm::DenseSet<const ValueDecl *> TryGuards;
  /// Guards moved away, with where their lock was taken.
  llvm::DenseMap<const ValueDecl *, const Stmt *> Moved;
};

} // namespace

const CXXConstructExpr *guardConstruction(const VarDecl &Var) {
  const Expr *Init = Var.getInit();
  for (unsigned Depth = 0; Init && Depth < 4; ++Depth) {
    Init = strip(Init, Wrappers::Syntax);
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init)) {
      Init = Cast->getSubExpr();
      continue;
    }
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Init)) {
      Init = Temp->getSubExpr();
      continue;
    }
    const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
    if (!Construct)
      return nullptr;
    // A copy or move of a temporary guard: the temporary's construction.
    if (Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor() &&
        isa<MaterializeTemporaryExpr, CXXFunctionalCastExpr,
            CXXTemporaryObjectExpr>(
            Construct->getArg(0)->IgnoreImplicitAsWritten())) {
      Init = Construct->getArg(0);
      continue;
    }
    return Construct;
  }
  return nullptr;
}

const ValueDecl *mutexKey(const Expr *E) { return namedDecl(E); }

bool LockLists::isGuardType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  return RD &&
         (RD->hasAttr<ScopedLockableAttr>() || nameIn(LockTypes, *RD, Names));
}

bool LockLists::isMutexType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || isAsyncMutexType(T))
    return false;
  return RD->hasAttr<CapabilityAttr>() || nameIn(MutexTypes, *RD, Names);
}

bool LockLists::isAsyncMutexType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && nameIn(AsyncMutexTypes, *RD, Names);
}

namespace {

/// True when a call of \p Events may take a lock by hand, test one or
/// take a guard's: a member of a guard or mutex (through a pointer too), a
/// member with a capability attribute, std::lock.
bool locksByHand(const FunctionEvents &Events, const LockLists &Lists) {
  for (const Expr *E : Events.calls()) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && (Method->hasAttr<AcquireCapabilityAttr>() ||
                     Method->hasAttr<TryAcquireCapabilityAttr>()))
        return true;
      const Expr *Object = Member->getImplicitObjectArgument();
      if (!Object)
        continue;
      QualType T = Object->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      if (Lists.isGuardType(T) || Lists.isMutexType(T))
        return true;
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Callee->getName() == "lock")
      return true;
  }
  return false;
}

/// True when a suspension point is among the own statements of \p Scope's
/// statements from \p Decl (one of them) on.
bool suspendsFrom(const OwnStmts &Own, const CompoundStmt &Scope,
                  const Stmt &Decl) {
  bool Reached = false, Suspends = false;
  for (const Stmt *Child : Scope.body()) {
    Reached = Reached || Child == &Decl;
    if (!Reached || Suspends)
      continue;
    Own.forEach(Child, [&](const Stmt &S) {
      Suspends = Suspends || isa<CoroutineSuspendExpr>(S);
    });
  }
  return !Reached || Suspends;
}

} // namespace

bool mayHoldLockAtSuspension(const OwnStmts &Own, const FunctionEvents &Events,
                             const LockLists &Lists) {
  if (Events.suspensions().empty())
    return false;
  if (locksByHand(Events, Lists))
    return true;
  // The guard locals, by the statement that declares them.
  llvm::SmallVector<std::pair<const VarDecl *, const DeclStmt *>, 2> Guards;
  for (auto [Var, Decl] : Events.locals())
    if (Lists.isGuardType(Var->getType()) && !Var->getType()->isReferenceType())
      Guards.emplace_back(Var, Decl);
  if (Guards.empty())
    return false;
  // The compound statement each declaration is directly in; an exception
  // edge of the CFG leaves a scope without its destructors.
  llvm::DenseMap<const Stmt *, const CompoundStmt *> ScopeOf;
  for (const Stmt *S : Own.all()) {
    if (isa<CXXTryStmt, CXXThrowExpr>(S))
      return true;
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      for (const Stmt *Child : Block->body())
        ScopeOf[Child] = Block;
  }
  for (auto [Var, Decl] : Guards) {
    const CompoundStmt *Scope = ScopeOf.lookup(Decl);
    if (!Var->hasLocalStorage() || !Scope || suspendsFrom(Own, *Scope, *Decl))
      return true;
  }
  return false;
}

std::vector<HeldAtSuspension> heldLocksAtSuspensions(const SuspensionFlow &Flow,
                                                     const LockLists &Lists) {
  LockTransfer T(Lists);
  auto Statement = [&](const Stmt &S, HeldFacts &Held) {
    T.statement(S, Held);
  };
  auto Destroyed = [&](const VarDecl &V, HeldFacts &Held) {
    T.destroyed(V, Held);
  };
  auto Branch = [&](const Expr &Cond, bool Taken, HeldFacts &Held) {
    T.branch(Cond, Taken, Held);
  };
  return Flow.heldAtSuspensions({Statement, Destroyed, Branch});
}

} // namespace clang::tidy::async::model

//===--- LockAcrossSuspendCheck.cpp - async-lint --------------------------===//

#include "LockAcrossSuspendCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Expressions.h"
#include "../Model/SuspensionFlow.h"
#include "clang/AST/Attr.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral LockTypesOpt = "LockTypes";
constexpr llvm::StringLiteral MutexTypesOpt = "MutexTypes";
constexpr llvm::StringLiteral AsyncMutexTypesOpt = "AsyncMutexTypes";
constexpr llvm::StringLiteral DeferLockTagsOpt = "DeferLockTags";
constexpr llvm::StringLiteral TryLockTagsOpt = "TryLockTags";

// RAII guards that lock a mutex for as long as they live.
constexpr llvm::StringLiteral DefaultLockTypes =
    "::std::lock_guard;::std::unique_lock;::std::scoped_lock;"
    "::std::shared_lock;boost::lock_guard;boost::unique_lock;"
    "boost::shared_lock;boost::upgrade_lock;absl::MutexLock;"
    "absl::ReaderMutexLock;absl::WriterMutexLock";
// Mutexes locked and unlocked by hand with lock()/unlock().
constexpr llvm::StringLiteral DefaultMutexTypes =
    "::std::mutex;::std::recursive_mutex;::std::timed_mutex;"
    "::std::recursive_timed_mutex;::std::shared_mutex;"
    "::std::shared_timed_mutex;boost::mutex;boost::recursive_mutex;"
    "boost::timed_mutex;boost::shared_mutex";

// Tag types that make a guard's constructor leave its mutex unlocked, or
// only try to lock it.
constexpr llvm::StringLiteral DefaultDeferLockTags =
    "::std::defer_lock_t;boost::defer_lock_t";
constexpr llvm::StringLiteral DefaultTryLockTags =
    "::std::try_to_lock_t;boost::try_to_lock_t";

/// The record \p T is (through references), or null.
const CXXRecordDecl *recordOf(QualType T) {
  return T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
}

/// What a guard's constructor does with its mutex.
enum class Acquire { Holds, Defers, Tries, Nothing };

/// The construction that initialises \p Var (through copies elided from a
/// functional cast: 'auto l = std::unique_lock(m);'), or null.
const CXXConstructExpr *guardConstruction(const VarDecl &Var) {
  const Expr *Init = Var.getInit();
  for (unsigned Depth = 0; Init && Depth < 4; ++Depth) {
    Init = model::strip(Init, model::Wrappers::Syntax);
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

/// The declaration that names the mutex or guard \p E denotes: the key of
/// its fact.
const ValueDecl *mutexKey(const Expr *E) { return model::namedDecl(E); }

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
  model::forEachOwnStmt(Def->getBody(), Visit);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      model::forEachOwnStmt(Init->getInit(), Visit);
  return Releases;
}

/// True when \p Awaiter's await_suspend releases a lock it keeps in a
/// member: it unlocks the member, or adopts it in a guard (a constructor
/// argument of a tag type named adopt_lock_t) that unlocks it on leaving.
bool awaitSuspendReleasesMember(const CXXRecordDecl &Awaiter) {
  for (const CXXMethodDecl *Method : Awaiter.methods()) {
    const FunctionDecl *Def = nullptr;
    if (!Method->getIdentifier() || Method->getName() != "await_suspend" ||
        !Method->hasBody(Def))
      continue;
    bool Releases = false;
    model::forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S)) {
        const CXXMethodDecl *Callee = Call->getMethodDecl();
        const Expr *Object = Call->getImplicitObjectArgument();
        Releases |= Callee && Callee->getIdentifier() &&
                    Callee->getName() == "unlock" && Object &&
                    isa<MemberExpr>(Object->IgnoreParenImpCasts());
      }
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
        bool Member = false, Adopts = false;
        for (const Expr *Arg : Construct->arguments()) {
          Member |= isa<MemberExpr>(Arg->IgnoreParenImpCasts());
          const CXXRecordDecl *Tag = recordOf(Arg->getType());
          Adopts |=
              Tag && Tag->getIdentifier() && Tag->getName() == "adopt_lock_t";
        }
        Releases |= Member && Adopts;
      }
    });
    if (Releases)
      return true;
  }
  return false;
}

/// True when the visible definition of \p Callee hands its parameter
/// numbered \p Index to an awaiter whose await_suspend releases it: the
/// shape of a coroutine condition variable's wait(lock, pred)
/// (async_simple's ConditionVariable::wait), which gives the lock up while
/// the caller is suspended and takes it back before the caller resumes.
bool releasesWhileSuspended(const FunctionDecl &Callee, unsigned Index) {
  const FunctionDecl *Def = nullptr;
  if (!Callee.hasBody(Def) || Index >= Def->getNumParams())
    return false;
  const ParmVarDecl *Param = Def->getParamDecl(Index);
  bool Releases = false;
  model::forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Construct = dyn_cast<CXXConstructExpr>(&S);
    if (Releases || !Construct)
      return;
    bool Given = llvm::any_of(Construct->arguments(), [&](const Expr *Arg) {
      return mutexKey(Arg) == Param;
    });
    const CXXRecordDecl *Awaiter = recordOf(Construct->getType());
    Releases = Given && Awaiter && Awaiter->hasDefinition() &&
               awaitSuspendReleasesMember(*Awaiter->getDefinition());
  });
  return Releases;
}

/// The mutexes the lock \p Key stands for: itself, and for a guard the
/// mutex it was constructed on.
llvm::SmallVector<const ValueDecl *, 2> locksOf(const void *Key) {
  llvm::SmallVector<const ValueDecl *, 2> Keys;
  const auto *D = static_cast<const Decl *>(Key);
  const auto *Var = dyn_cast_or_null<ValueDecl>(D);
  if (!Var)
    return Keys;
  Keys.push_back(Var);
  if (const auto *Guard = dyn_cast<VarDecl>(Var))
    if (const CXXConstructExpr *Construct = guardConstruction(*Guard))
      for (const Expr *Arg : Construct->arguments())
        if (const ValueDecl *Mutex = mutexKey(Arg))
          Keys.push_back(Mutex);
  return Keys;
}

/// True when the suspension \p Point awaits an operation that is handed
/// the lock \p Key and releases it while the coroutine is suspended.
bool awaitReleases(const CoroutineSuspendExpr &Point, const void *Key) {
  llvm::SmallVector<const ValueDecl *, 2> Locks = locksOf(Key);
  bool Releases = false;
  model::forEachOwnStmt(Point.getOperand(), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (Releases || !Callee)
      return;
    unsigned Shift =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
    for (unsigned I = Shift; I < Call->getNumArgs(); ++I)
      if (llvm::is_contained(Locks, mutexKey(Call->getArg(I))) &&
          releasesWhileSuspended(*Callee, I - Shift))
        Releases = true;
  });
  return Releases;
}

} // namespace

/// Begins and ends the locks of one coroutine along its paths: a fact per
/// guard variable (keyed by the variable) and per mutex locked by hand
/// (keyed by the mutex's declaration).
class LockAcrossSuspendCheck::Transfer {
public:
  explicit Transfer(const LockAcrossSuspendCheck &Check) : Check(Check) {}

  void statement(const Stmt &S, model::HeldFacts &Held) {
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

  void destroyed(const VarDecl &Var, model::HeldFacts &Held) {
    Held.erase(&Var);
  }

  void branch(const Expr &Cond, bool Taken, model::HeldFacts &Held) {
    const Expr *E = model::strip(&Cond, model::Wrappers::Condition);
    while (const auto *Not = dyn_cast_or_null<UnaryOperator>(E)) {
      if (Not->getOpcode() != UO_LNot)
        break;
      Taken = !Taken;
      E = model::strip(Not->getSubExpr(), model::Wrappers::Condition);
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
  void declared(const VarDecl &Var, const Stmt &S, model::HeldFacts &Held) {
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
        std::string Name = model::canonicalName(*Tag);
        if (Check.DeferLockTags.matches(Name))
          return Acquire::Defers;
        if (Check.TryLockTags.matches(Name))
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
  void handedOn(const Stmt &S, model::HeldFacts &Held) {
    const FunctionDecl *Callee = nullptr;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Callee = Call->getDirectCallee();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
      Callee = Construct->getConstructor();
    if (!Callee || Held.empty())
      return;
    for (unsigned I = 0; I < Callee->getNumParams(); ++I) {
      const ParmVarDecl *Param = Callee->getParamDecl(I);
      const ValueDecl *Key = mutexKey(model::argumentFor(S, I));
      if (Key && Held.count(Key) && Param->getType()->isLValueReferenceType() &&
          !Param->getType().getNonReferenceType().isConstQualified() &&
          releasesParameter(*Callee, I))
        Held.erase(Key);
    }
  }

  void memberCall(const CXXMemberCallExpr &Call, model::HeldFacts &Held) {
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

  const LockAcrossSuspendCheck &Check;
  /// Guards constructed to try: held only where a test says they own it.
  llvm::DenseSet<const ValueDecl *> TryGuards;
  /// Guards moved away, with where their lock was taken.
  llvm::DenseMap<const ValueDecl *, const Stmt *> Moved;
};

LockAcrossSuspendCheck::LockAcrossSuspendCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines),
      LockTypes(Options.get(LockTypesOpt, DefaultLockTypes)),
      MutexTypes(Options.get(MutexTypesOpt, DefaultMutexTypes)),
      AsyncMutexTypes(Options.get(AsyncMutexTypesOpt, Lib.AsyncMutexes.str())),
      DeferLockTags(Options.get(DeferLockTagsOpt, DefaultDeferLockTags)),
      TryLockTags(Options.get(TryLockTagsOpt, DefaultTryLockTags)) {}

void LockAcrossSuspendCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, LockTypesOpt, LockTypes.str());
  Options.store(Opts, MutexTypesOpt, MutexTypes.str());
  Options.store(Opts, AsyncMutexTypesOpt, AsyncMutexTypes.str());
  Options.store(Opts, DeferLockTagsOpt, DeferLockTags.str());
  Options.store(Opts, TryLockTagsOpt, TryLockTags.str());
}

bool LockAcrossSuspendCheck::isGuardType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && (RD->hasAttr<ScopedLockableAttr>() ||
                LockTypes.matches(model::canonicalName(*RD)));
}

bool LockAcrossSuspendCheck::isMutexType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || isAsyncMutexType(T))
    return false;
  return RD->hasAttr<CapabilityAttr>() ||
         MutexTypes.matches(model::canonicalName(*RD));
}

bool LockAcrossSuspendCheck::isAsyncMutexType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && AsyncMutexTypes.matches(model::canonicalName(*RD));
}

void LockAcrossSuspendCheck::checkFunction(CheckedFunction &F) {
  const model::SuspensionFlow &Flow = F.suspensions();
  if (Flow.points().empty())
    return;
  Transfer T(*this);
  auto Statement = [&](const Stmt &S, model::HeldFacts &Held) {
    T.statement(S, Held);
  };
  auto Destroyed = [&](const VarDecl &V, model::HeldFacts &Held) {
    T.destroyed(V, Held);
  };
  auto Branch = [&](const Expr &Cond, bool Taken, model::HeldFacts &Held) {
    T.branch(Cond, Taken, Held);
  };
  for (const model::HeldAtSuspension &H :
       Flow.heldAtSuspensions({Statement, Destroyed, Branch})) {
    SourceLocation At = H.Suspension->getBeginLoc();
    if (awaitReleases(*H.Suspension, H.Key) || !reportOnce(At))
      continue;
    const auto *Guard = dyn_cast<VarDecl>(static_cast<const Decl *>(H.Key));
    bool IsGuard = Guard && isGuardType(Guard->getType());
    diag(At, "coroutine suspends while holding %select{lock %1|mutex %1}0: "
             "another task on this executor that waits for it deadlocks a "
             "single-threaded executor, and if the coroutine resumes on "
             "another thread it unlocks the mutex there")
        << (IsGuard ? 0 : 1)
        << cast<NamedDecl>(static_cast<const Decl *>(H.Key))
        << H.Suspension->getSourceRange();
    diag(H.Since->getBeginLoc(),
         IsGuard ? "the lock is taken here" : "the mutex is locked here",
         DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::async

//===--- MemberLockOrder.cpp - async-lint ---------------------------------===//

#include "MemberLockOrder.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "Library.h"
#include "StartedTogether.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

namespace {

/// A mutex as every member coroutine of one class names it: a member of
/// the object itself, a global, or a member of an object given as a
/// parameter (the same member of whichever object each is given).
struct ClassMutex {
  const ValueDecl *Decl = nullptr;
  bool OfParameter = false;
  const ParmVarDecl *Param = nullptr; // Not compared: each names its own.
  bool operator==(const ClassMutex &O) const {
    return Decl == O.Decl && OfParameter == O.OfParameter;
  }
  /// A member of the object itself: the two runs share it for certain.
  bool own() const { return isa<FieldDecl>(Decl) && !OfParameter; }
};

/// The object whose member \p Base names (through `->` of a smart pointer
/// or `*`), when it is a parameter of \p Coroutine; null otherwise.
const ParmVarDecl *parameterObject(const Expr *Base,
                                   const FunctionDecl &Coroutine) {
  Base = Base->IgnoreParenImpCasts();
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Base);
      Arrow && Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1)
    Base = Arrow->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(Base);
      Deref && Deref->getOpcode() == UO_Deref)
    Base = Deref->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(Base);
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  return Param && Param->getDeclContext() == &Coroutine ? Param : nullptr;
}

/// The mutex \p Locked (an expression of \p Coroutine) names as a class
/// mutex; none for a local, a parameter itself, or another object's member.
std::optional<ClassMutex> classMutex(const Expr *Locked,
                                     const FunctionDecl &Coroutine) {
  const ValueDecl *D = namedDecl(Locked);
  if (const auto *Var = dyn_cast_or_null<VarDecl>(D))
    return Var->hasLocalStorage() ? std::nullopt
                                  : std::optional(ClassMutex{Var, false});
  const auto *Member =
      dyn_cast_or_null<MemberExpr>(strip(Locked, Wrappers::Object));
  if (!isa_and_nonnull<FieldDecl>(D) || !Member)
    return std::nullopt;
  if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return ClassMutex{D, false};
  if (const ParmVarDecl *Param = parameterObject(Member->getBase(), Coroutine))
    return ClassMutex{D, true, Param};
  return std::nullopt;
}

/// The two mutexes of \p E as class mutexes, \p Coroutine's edge.
std::optional<std::pair<ClassMutex, ClassMutex>>
classEdge(const LockOrderEdge &E, const FunctionDecl &Coroutine,
          const NameMatcher &AsyncMutexes, const NameMatcher *LockFunctions) {
  const auto *HeldLock = dyn_cast_or_null<CoroutineSuspendExpr>(E.HeldSince);
  const Expr *Held =
      HeldLock ? lockedObject(*HeldLock, AsyncMutexes, LockFunctions) : nullptr;
  auto H = Held ? classMutex(Held, Coroutine) : std::nullopt;
  if (!H)
    return std::nullopt;
  if (const Expr *Waited = lockedObject(*E.Wait, AsyncMutexes, LockFunctions))
    if (auto W = classMutex(Waited, Coroutine))
      return std::pair(*H, *W);
  // A lock in a callee awaited (calleeLocks): a member of the class locked
  // on `this` in a member coroutine called on `this`, or a global.
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coroutine);
  if (const auto *Field = dyn_cast_or_null<FieldDecl>(E.Waited);
      Field && Method && Field->getParent() == Method->getParent())
    return std::pair(*H, ClassMutex{Field, false});
  const auto *Var = dyn_cast_or_null<VarDecl>(E.Waited);
  if (Var && !Var->hasLocalStorage())
    return std::pair(*H, ClassMutex{Var, false});
  return std::nullopt;
}

/// A member coroutine that code outside its class can call on an object.
const CXXMethodDecl *enteredFromOutside(const FunctionDecl *FD) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!Method || !Method->isInstance() || Method->getParent()->isLambda() ||
      Method->getCanonicalDecl()->getAccess() == AS_private ||
      !isa_and_nonnull<CoroutineBodyStmt>(Method->getBody()))
    return nullptr;
  return Method;
}

} // namespace

std::optional<MemberLockCycle> memberLockCycle(
    const FunctionDecl &Coroutine, const Library &Lib,
    const NameMatcher &Ignored,
    llvm::function_ref<std::vector<LockOrderEdge>(const FunctionDecl &)>
        EdgesOf) {
  const NameMatcher &AsyncMutexes = Lib.AsyncMutexes;
  const NameMatcher *LockFunctions = &Lib.AsyncLockFunctions;
  const CXXMethodDecl *Method = enteredFromOutside(&Coroutine);
  if (!Method)
    return std::nullopt;
  auto Keyed = [&](const FunctionDecl &FD) {
    std::vector<std::pair<LockOrderEdge, std::pair<ClassMutex, ClassMutex>>>
        Edges;
    for (const LockOrderEdge &E : EdgesOf(FD))
      if (auto Key = classEdge(E, FD, AsyncMutexes, LockFunctions);
          Key && !(Key->first == Key->second) &&
          (Key->first.own() || Key->second.own()))
        Edges.push_back({E, *Key});
    return Edges;
  };
  auto Mine = Keyed(Coroutine);
  if (Mine.empty())
    return std::nullopt;
  const SourceManager &SM = Coroutine.getASTContext().getSourceManager();
  for (const CXXMethodDecl *Declared : Method->getParent()->methods()) {
    const auto *Other = enteredFromOutside(Declared->getDefinition());
    if (!Other || Other->getCanonicalDecl() == Method->getCanonicalDecl() ||
        Ignored.matches(canonicalName(*Other)) ||
        !SM.isBeforeInTranslationUnit(Coroutine.getLocation(),
                                      Other->getLocation()))
      continue;
    auto TheirEdges = Keyed(*Other);
    for (const auto &[E, Key] : Mine)
      for (const auto &[T, Theirs] : TheirEdges)
        if (Key.first == Theirs.second && Key.second == Theirs.first)
          return MemberLockCycle{&Coroutine, Other, E, T,
                                 Key.first.Param ? Key.first.Param
                                                 : Key.second.Param};
  }
  return std::nullopt;
}

Finding memberLockFinding(const MemberLockCycle &Cycle) {
  auto Quoted = [](const NamedDecl *D) {
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    D->getNameForDiagnostic(OS, D->getASTContext().getPrintingPolicy(),
                            /*Qualified=*/false);
    return "'" + Name + "'";
  };
  const LockOrderEdge &E = Cycle.Mine, &T = Cycle.Theirs;
  std::string Self = startedName(*Cycle.Coroutine);
  std::string Other = startedName(*Cycle.Other);
  const auto *Class = cast<CXXMethodDecl>(Cycle.Coroutine)->getParent();
  Finding F{E.Wait->getBeginLoc(),
            E.Wait->getSourceRange(),
            "waits for mutex " + Quoted(E.Waited) + " while holding " +
                Quoted(E.Held) + "; " + Other +
                " locks them in the opposite order",
            {}};
  F.Notes.push_back(
      {E.HeldSince->getBeginLoc(), Quoted(E.Held) + " is locked here"});
  F.Notes.push_back(
      {Cycle.Other->getLocation(),
       Self + " and " + Other + " are member coroutines of " + Quoted(Class) +
           " that code outside it can call: they may run at once on one "
           "object" +
           (Cycle.Given ? ", given the same " + Quoted(Cycle.Given) : "")});
  F.Notes.push_back({T.HeldSince->getBeginLoc(),
                     Other + " locks " + Quoted(T.Held) + " here"});
  F.Notes.push_back({T.Wait->getBeginLoc(),
                     "and waits for " + Quoted(T.Waited) +
                         " here: each holds the mutex the other waits for; "
                         "lock them in one order everywhere"});
  return F;
}

} // namespace clang::tidy::async::model

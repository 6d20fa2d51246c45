//===--- ContinuationCalls.cpp - async-lint -------------------------------===//

#include "ContinuationCalls.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "EscapingThrows.h"
#include "Library.h"
#include "NameMatcher.h"
#include "ThrowPlaces.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

namespace {

/// True for a value that can be called: a function object (a lambda, a
/// class with operator()), a function or a pointer to one.
bool isCallable(QualType T) {
  T = T.getNonReferenceType();
  if (T->isFunctionType() || T->isFunctionPointerType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  if (RD->isLambda())
    return true;
  DeclarationName Call =
      RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  return !RD->lookup(Call).empty();
}

/// \p E without parentheses, implicit nodes, copies and std::forward /
/// std::move.
const Expr *bareArg(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    // A copy or move of the callable.
    if (const auto *Copy = dyn_cast<CXXConstructExpr>(E);
        Copy && Copy->getNumArgs() == 1 &&
        Copy->getConstructor()->isCopyOrMoveConstructor()) {
      E = Copy->getArg(0);
      continue;
    }
    const auto *CE = dyn_cast<CallExpr>(E);
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    if (!FD || CE->getNumArgs() != 1 || !FD->isInStdNamespace() ||
        !FD->getIdentifier() ||
        (FD->getName() != "forward" && FD->getName() != "move"))
      return E;
    E = CE->getArg(0);
  }
  return E;
}

/// True when \p E names \p P, or a local initialised from it (a callable
/// copied into the frame: `auto cb = std::forward<F>(f);`).
bool namesParam(const Expr *E, const ParmVarDecl &P, unsigned Depth = 0) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(bareArg(E));
  if (!Ref)
    return false;
  if (Ref->getDecl() == &P)
    return true;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  return Depth < 2 && Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
         Var->getInit() && namesParam(Var->getInit(), P, Depth + 1);
}

/// True when \p S calls \p P: p(...), std::forward<F>(p)(...),
/// std::invoke(p, ...).
bool callsParam(const CallExpr &S, const ParmVarDecl &P) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S))
    return Op->getOperator() == OO_Call && namesParam(Op->getArg(0), P);
  if (namesParam(S.getCallee(), P))
    return true;
  const FunctionDecl *FD = S.getDirectCallee();
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         FD->getName() == "invoke" && S.getNumArgs() > 0 &&
         namesParam(S.getArg(0), P);
}

/// The places, in \p S, of the first await and of the last call of \p P.
struct AwaitThenCall {
  const ParmVarDecl &P;
  SourceLocation FirstAwait, LastCall;
  const SourceManager &SM;
  void walk(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (isa<CoawaitExpr, DependentCoawaitExpr>(S) &&
        (FirstAwait.isInvalid() ||
         SM.isBeforeInTranslationUnit(S->getBeginLoc(), FirstAwait)))
      FirstAwait = S->getBeginLoc();
    if (const auto *CE = dyn_cast<CallExpr>(S); CE && callsParam(*CE, P))
      if (LastCall.isInvalid() ||
          SM.isBeforeInTranslationUnit(LastCall, CE->getEndLoc()))
        LastCall = CE->getEndLoc();
    for (const Stmt *Child : S->children())
      walk(Child);
  }
};

bool awaitsThenCalls(const FunctionDecl &Callee, unsigned Index,
                     ASTContext &Ctx, unsigned Depth = 0);

/// True when \p Def only returns the task of a call that hands its
/// parameter at \p Index to a parameter that awaitsThenCalls (a member
/// that forwards to a continuation coroutine).
bool forwardsToContinuation(const FunctionDecl &Def, unsigned Index,
                            ASTContext &Ctx, unsigned Depth) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def.getBody());
  if (Depth >= 2 || !Body || Body->size() != 1)
    return false;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  const auto *Call = dyn_cast_or_null<CallExpr>(
      Ret && Ret->getRetValue() ? Ret->getRetValue()->IgnoreImplicit()
                                : nullptr);
  const FunctionDecl *Next = Call ? Call->getDirectCallee() : nullptr;
  if (!Next)
    return false;
  const ParmVarDecl &P = *Def.getParamDecl(Index);
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    if (namesParam(Call->getArg(I), P))
      return awaitsThenCalls(*Next, I, Ctx, Depth + 1);
  return false;
}

/// True when \p Callee is a coroutine whose body awaits and then calls the
/// parameter at \p Index, or forwards it to one.
bool awaitsThenCalls(const FunctionDecl &Callee, unsigned Index,
                     ASTContext &Ctx, unsigned Depth) {
  const FunctionDecl *Def = Callee.getDefinition();
  if (!Def || Index >= Def->getNumParams())
    return false;
  if (!isCoroutine(*Def))
    return forwardsToContinuation(*Def, Index, Ctx, Depth);
  AwaitThenCall Walk{*Def->getParamDecl(Index), {}, {}, Ctx.getSourceManager()};
  Walk.walk(getUserBody(*Def));
  return Walk.FirstAwait.isValid() && Walk.LastCall.isValid() &&
         Ctx.getSourceManager().isBeforeInTranslationUnit(Walk.FirstAwait,
                                                          Walk.LastCall);
}

/// The value a function whose body is only `return E;` returns.
const Expr *onlyReturned(const FunctionDecl &Callee) {
  const FunctionDecl *Def = Callee.getDefinition();
  const auto *Body =
      dyn_cast_or_null<CompoundStmt>(Def ? Def->getBody() : nullptr);
  if (!Body || Body->size() != 1 || isCoroutine(*Def))
    return nullptr;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  return Ret && Ret->getRetValue() ? Ret->getRetValue()->IgnoreImplicit()
                                   : nullptr;
}

} // namespace

std::optional<Continuation> continuationCall(const Expr &E,
                                             const NameMatcher &Listed,
                                             ASTContext &Ctx, unsigned Depth) {
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return std::nullopt;
  // A member call's arguments start after the object for operators.
  unsigned Shift =
      isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  unsigned Callables = 0;
  bool Structural = false;
  for (unsigned I = Shift; I < Call->getNumArgs(); ++I) {
    if (!isCallable(Call->getArg(I)->getType()))
      continue;
    if (++Callables == 1)
      Structural = awaitsThenCalls(*Callee, I - Shift, Ctx);
  }
  if (!Callables) {
    // A helper that only returns a continuation it attaches.
    const Expr *Returned = onlyReturned(*Callee);
    if (!Returned || Depth >= 2)
      return std::nullopt;
    return continuationCall(*Returned, Listed, Ctx, Depth + 1);
  }
  if (!Structural) {
    std::optional<CallInfo> Info = describeCall(*Call);
    if (!Info || !anyNameMatches(Listed, *Info))
      return std::nullopt;
  }
  Continuation C;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    C.Source = Member->getImplicitObjectArgument();
  C.ErrorCallable = Callables > 1;
  return C;
}

const FunctionDecl *sourceCoroutine(const Expr *Source) {
  if (!Source)
    return nullptr;
  const Expr *E = Source->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(bareArg(E))) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
        !Var->getInit())
      return nullptr;
    E = Var->getInit()->IgnoreImplicit()->IgnoreParenImpCasts();
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  return Def && isCoroutine(*Def) ? Def : nullptr;
}

std::optional<ContinuationDrop> droppedContinuation(const Expr &Call,
                                                    const DropVerdict &V,
                                                    const NameMatcher &Listed,
                                                    const Library &Lib,
                                                    ASTContext &Ctx) {
  if (V.What == DropVerdict::Kind::None || V.Laziness == Laziness::Lazy)
    return std::nullopt;
  std::optional<Continuation> C = continuationCall(Call, Listed, Ctx);
  if (!C)
    return std::nullopt;
  ThrowPolicy Policy;
  Policy.NonSuspending = &Lib.NonSuspendingAwaitables;
  const Stmt *Throw =
      C->ErrorCallable
          ? nullptr
          : firstCoroutineThrow(sourceCoroutine(C->Source), Policy, Ctx);
  if (!Throw)
    return ContinuationDrop{};
  std::string Callee = discardedCalleeName(Call);
  bool Eager = V.Laziness == Laziness::Eager;
  Finding F{Call.getBeginLoc(),
            Call.getSourceRange(),
            (V.What == DropVerdict::Kind::Task ? "task returned by "
                                               : "awaitable returned by ") +
                Callee +
                (Eager ? " is discarded; what it does after it first "
                         "suspends runs detached"
                       : " is discarded"),
            {}};
  F.Notes.push_back({Call.getBeginLoc(),
                     "the callable given to " + Callee +
                         " receives the result, but with no error callable "
                         "an exception of the task it continues is rethrown "
                         "into the discarded task"});
  ThrowPlace Place = describeThrowPlace(*Throw);
  std::string Text = Place.Text.str();
  if (size_t At = Text.find("%0"); At != std::string::npos)
    Text.replace(At, 2,
                 Place.Maker ? "'" + Place.Maker->getNameAsString() + "'"
                             : Place.Name);
  F.Notes.push_back({Throw->getBeginLoc(), std::move(Text)});
  return ContinuationDrop{std::move(F)};
}

} // namespace clang::tidy::async::model

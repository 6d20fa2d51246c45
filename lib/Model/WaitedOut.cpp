//===--- WaitedOut.cpp - async-lint ---------------------------------------===//

#include "WaitedOut.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "MustUse.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The member call \p S is, looking through the implicit nodes around a
/// statement expression.
const CXXMemberCallExpr *asMemberCall(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  return E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit()) : nullptr;
}

/// True when \p Call is a call of a member in \p Names on an object that
/// names \p Object.
bool callsOn(const CXXMemberCallExpr *Call, const ValueDecl *Object,
             const NameMatcher &Names) {
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  return Method && Object &&
         namedDecl(Call->getImplicitObjectArgument()) == Object &&
         Names.matches(canonicalName(*Method));
}

/// The statement of \p Block at or after position \p From that is a call in
/// \p Names on \p Object, when no statement before it may jump away; null
/// otherwise.
const CXXMemberCallExpr *unconditionalCall(const CompoundStmt &Block,
                                           unsigned From,
                                           const ValueDecl *Object,
                                           const NameMatcher &Names) {
  for (unsigned I = From; I < Block.size(); ++I) {
    const Stmt *S = Block.body_begin()[I];
    if (const CXXMemberCallExpr *Call = asMemberCall(S);
        callsOn(Call, Object, Names))
      return Call;
    if (mayLeave(S))
      return nullptr;
  }
  return nullptr;
}

/// The compound statement of \p Body that holds, as one of its statements,
/// the statement containing \p Target, and that statement's position.
bool enclosingBlock(const Stmt *Body, const Stmt *Target,
                    const SourceManager &SM, const CompoundStmt *&Block,
                    unsigned &Index) {
  if (!Body)
    return false;
  if (const auto *B = dyn_cast<CompoundStmt>(Body)) {
    for (unsigned I = 0; I < B->size(); ++I) {
      const Stmt *S = B->body_begin()[I];
      if (!S || !SM.isPointWithin(Target->getBeginLoc(), S->getBeginLoc(),
                                  S->getEndLoc()))
        continue;
      if (!isa<CompoundStmt, CXXTryStmt, IfStmt, ForStmt, WhileStmt, DoStmt,
               SwitchStmt, CXXForRangeStmt>(S)) {
        Block = B;
        Index = I;
        return true;
      }
      return enclosingBlock(S, Target, SM, Block, Index);
    }
    return false;
  }
  for (const Stmt *Child : Body->children())
    if (Child && SM.isPointWithin(Target->getBeginLoc(), Child->getBeginLoc(),
                                  Child->getEndLoc()))
      return enclosingBlock(Child, Target, SM, Block, Index);
  return false;
}

} // namespace

SignalledWait waitsOut(const Stmt &CallerBody, const Expr &Call,
                       SourceLocation Dies, const FunctionDecl &Coro,
                       unsigned ParamIndex, const NameMatcher &Waits,
                       const NameMatcher &Signals, const SourceManager &SM) {
  const FunctionDecl *Def = nullptr;
  const CoroutineBodyStmt *CoroBody =
      Coro.hasBody(Def) && Def ? getCoroutineBody(*Def) : nullptr;
  const auto *Statements =
      CoroBody ? dyn_cast_or_null<CompoundStmt>(CoroBody->getBody()) : nullptr;
  if (!Statements || ParamIndex >= Def->getNumParams())
    return {};
  const ParmVarDecl *Used = Def->getParamDecl(ParamIndex);
  const CompoundStmt *CallerBlock = nullptr;
  unsigned CallIndex = 0;
  if (!enclosingBlock(&CallerBody, &Call, SM, CallerBlock, CallIndex))
    return {};
  for (unsigned J = 0; J < Def->getNumParams(); ++J) {
    const ParmVarDecl *Sync = Def->getParamDecl(J);
    const Expr *Arg = argumentFor(Call, J);
    const ValueDecl *Object = Arg ? namedDecl(Arg) : nullptr;
    const auto *Local = dyn_cast_or_null<VarDecl>(Object);
    if (!Sync->getType()->isLValueReferenceType() || !Local ||
        !Local->hasLocalStorage())
      continue;
    const CXXMemberCallExpr *Signal =
        unconditionalCall(*Statements, 0, Sync, Signals);
    if (!Signal)
      continue;
    // Every use of the parameter comes before the signal (or is it).
    bool Before = true;
    forEachOwnStmt(Statements, [&](const Stmt &S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(&S);
      if (Ref && Ref->getDecl() == Used &&
          !SM.isBeforeInTranslationUnit(Ref->getLocation(),
                                        Signal->getBeginLoc()) &&
          namedDecl(Signal->getImplicitObjectArgument()) != Used)
        Before = false;
    });
    if (!Before)
      continue;
    const CXXMemberCallExpr *Wait =
        unconditionalCall(*CallerBlock, CallIndex + 1, Local, Waits);
    if (Wait && (Dies.isInvalid() ||
                 SM.isBeforeInTranslationUnit(Wait->getBeginLoc(), Dies)))
      return {Wait, Signal};
  }
  return {};
}

} // namespace clang::tidy::async::model

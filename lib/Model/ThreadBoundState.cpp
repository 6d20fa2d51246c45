//===--- ThreadBoundState.cpp - async-lint --------------------------------===//

#include "ThreadBoundState.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FunctionEvents.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The variable \p E names (through parentheses and implicit casts that
/// keep it an lvalue); null otherwise.
const VarDecl *namedVar(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Syntax));
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// True for an implicit cast that leaves an lvalue denoting the same object.
bool keepsObject(const ImplicitCastExpr &Cast) {
  switch (Cast.getCastKind()) {
  case CK_NoOp:
  case CK_DerivedToBase:
  case CK_UncheckedDerivedToBase:
    return true;
  default:
    return false;
  }
}

} // namespace

bool readsTaken(const Stmt &S, const VarDecl &Var, const ThreadTaking &T,
                const ThreadIdUses &U) {
  const auto *Ref = dyn_cast<DeclRefExpr>(&S);
  return Ref && Ref->getDecl() == &Var && !U.Written.contains(Ref) &&
         !(T.Kind == ThreadTaking::ThreadId && U.Compared.contains(Ref));
}

bool retakes(const Stmt &S, const VarDecl &Var) {
  if (const auto *DS = dyn_cast<DeclStmt>(&S))
    return llvm::is_contained(DS->decls(), &Var);
  return !Var.getType()->isReferenceType() &&
         namedVar(assignmentParts(&S).first) == &Var;
}

const VarDecl *ThreadBoundState::threadLocalOf(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 32; ++Depth) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      if (!keepsObject(*Cast))
        return nullptr;
      E = Cast->getSubExpr();
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      return Var && Var->getTLSKind() != VarDecl::TLS_None ? Var : nullptr;
    } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow() || !isa<FieldDecl>(Member->getMemberDecl()))
        return nullptr;
      E = Member->getBase();
    } else if (const auto *Element = dyn_cast<ArraySubscriptExpr>(E)) {
      // An element of an array, not of what a pointer points to.
      const auto *Decay =
          dyn_cast<ImplicitCastExpr>(Element->getBase()->IgnoreParens());
      if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
        return nullptr;
      E = Decay->getSubExpr();
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      return Callee && Callee->getReturnType()->isReferenceType()
                 ? returnedThreadLocal(*Callee)
                 : nullptr;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

const VarDecl *ThreadBoundState::addressedThreadLocal(const Expr *E) {
  E = E ? E->IgnoreParens() : nullptr;
  while (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(E)) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return threadLocalOf(Cast->getSubExpr());
    if (Cast->getCastKind() != CK_NoOp && Cast->getCastKind() != CK_BitCast)
      return nullptr;
    E = Cast->getSubExpr()->IgnoreParens();
  }
  if (const auto *Op = dyn_cast_or_null<UnaryOperator>(E);
      Op && Op->getOpcode() == UO_AddrOf)
    return threadLocalOf(Op->getSubExpr());
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    return Callee && Callee->getReturnType()->isPointerType()
               ? returnedThreadLocal(*Callee)
               : nullptr;
  }
  return nullptr;
}

const VarDecl *ThreadBoundState::returnedThreadLocal(const FunctionDecl &FD) {
  const FunctionDecl *Key = FD.getCanonicalDecl();
  if (auto It = ReturnedThreadLocals.find(Key);
      It != ReturnedThreadLocals.end())
    return It->second;
  // Recursion finds nothing while the summary is being made.
  ReturnedThreadLocals[Key] = nullptr;
  const FunctionDecl *Def = FD.getDefinition();
  QualType Result = FD.getReturnType();
  if (!Def || !Def->getBody() || isa<CoroutineBodyStmt>(Def->getBody()))
    return nullptr;
  const VarDecl *Found = nullptr;
  bool Every = true;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Return = dyn_cast<ReturnStmt>(&S);
    if (!Return || !Every)
      return;
    const VarDecl *Var = Result->isReferenceType()
                             ? threadLocalOf(Return->getRetValue())
                             : addressedThreadLocal(Return->getRetValue());
    Every = Var != nullptr;
    Found = Found ? Found : Var;
  });
  return ReturnedThreadLocals[Key] = Every ? Found : nullptr;
}

const Expr *listedCallIn(const Stmt *E, const NameMatcher &List) {
  const Expr *Found = nullptr;
  forEachOwnStmt(E, [&](const Stmt &S) {
    if (!Found)
      Found = callOfListed(S, List);
  });
  return Found;
}

std::optional<ThreadTaking>
ThreadBoundState::takingOf(const Expr *Init, QualType T,
                           const llvm::DenseSet<const VarDecl *> &Ids) {
  if (!Init || T.isNull())
    return std::nullopt;
  if (const Expr *Call = listedCallIn(Init, ThreadIdFunctions))
    if (const FunctionDecl *Callee = cast<CallExpr>(Call)->getDirectCallee())
      return ThreadTaking{ThreadTaking::ThreadId, Callee, Call};
  const DeclRefExpr *FromId = nullptr;
  forEachOwnStmt(Init, [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        Ref && !FromId && Ids.contains(dyn_cast<VarDecl>(Ref->getDecl())))
      FromId = Ref;
  });
  if (FromId)
    return ThreadTaking{ThreadTaking::ThreadId, FromId->getDecl(), FromId};
  const auto *Call = dyn_cast_or_null<CallExpr>(strip(Init, Wrappers::Syntax));
  const FunctionDecl *Listed =
      Call && callOfListed(*Call, ThreadAffineFunctions)
          ? Call->getDirectCallee()
          : nullptr;
  if (T->isReferenceType()) {
    if (const VarDecl *Var = threadLocalOf(Init))
      return ThreadTaking{ThreadTaking::Reference, Var, Init};
    if (Listed && Listed->getReturnType()->isReferenceType())
      return ThreadTaking{ThreadTaking::Reference, Listed, Init};
  } else if (T->isPointerType()) {
    if (const VarDecl *Var = addressedThreadLocal(Init))
      return ThreadTaking{ThreadTaking::Address, Var, Init};
    if (Listed && Listed->getReturnType()->isPointerType())
      return ThreadTaking{ThreadTaking::Address, Listed, Init};
  }
  return std::nullopt;
}

bool ThreadBoundState::fetchesThreadId(const Expr *E) const {
  bool Fetches = false;
  forEachOwnStmt(E, [&](const Stmt &S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    Fetches = Fetches || callOfListed(S, ThreadIdFunctions) ||
              (Var && Var->hasLocalStorage() &&
               listedCallIn(Var->getInit(), ThreadIdFunctions));
  });
  return Fetches;
}

bool ThreadBoundState::mayTake(const FunctionEvents &Events,
                               const OwnStmts &Own) {
  // takingOf finds state only through a thread_local named in the
  // initialiser, a call of a listed function, or a call of a function that
  // returns a thread_local (threadLocalOf, addressedThreadLocal); a thread
  // id copied from a local was first taken by a listed call.
  for (const Stmt *S : Own.all())
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->getTLSKind() != VarDecl::TLS_None)
        return true;
  for (const Expr *E : Events.calls()) {
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      continue;
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      QualType Result = Callee->getReturnType();
      if ((Result->isReferenceType() || Result->isPointerType()) &&
          returnedThreadLocal(*Callee))
        return true;
    }
    if (const CallInfo *Info = Own.call(*Call))
      if (anyNameMatches(ThreadIdFunctions, *Info) ||
          anyNameMatches(ThreadAffineFunctions, *Info))
        return true;
  }
  return false;
}

ThreadIdUses ThreadBoundState::usesIn(const Stmt &Body,
                                      const OwnStmts *Own) const {
  ThreadIdUses U;
  auto AddRefs = [&](const Expr *Side) {
    forEachOwnStmt(Side, [&](const Stmt &S) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
        U.Compared.insert(Ref);
    });
  };
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
            strip(assignmentParts(&S).first, Wrappers::Syntax)))
      U.Written.insert(Ref);
    const Expr *Sides[2] = {nullptr, nullptr};
    if (const auto *BO = dyn_cast<BinaryOperator>(&S);
        BO && BO->isComparisonOp())
      Sides[0] = BO->getLHS(), Sides[1] = BO->getRHS();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op && Op->isComparisonOp() && Op->getNumArgs() == 2)
      Sides[0] = Op->getArg(0), Sides[1] = Op->getArg(1);
    else if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(&S);
             Rewritten && Rewritten->isComparisonOp())
      Sides[0] = Rewritten->getLHS(), Sides[1] = Rewritten->getRHS();
    // A thread id compared with the id fetched again (here, or into a
    // local) tells whether the coroutine moved: what the code means to do.
    for (int I = 0; I < 2 && Sides[0]; ++I)
      if (fetchesThreadId(Sides[1 - I]))
        AddRefs(Sides[I]);
    // One handed to what the coroutine awaits asks to go back to that
    // thread.
    if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(&S))
      AddRefs(Await->getOperand());
  });
  return U;
}

void ThreadBoundState::forEachTaking(
    const Stmt &Body,
    llvm::function_ref<void(const VarDecl &, const Stmt &,
                            const ThreadTaking &)>
        Visit,
    const OwnStmts *Own) {
  llvm::DenseSet<const VarDecl *> Ids;
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    const VarDecl *Var = nullptr;
    const Expr *Init = nullptr;
    if (const auto *DS = dyn_cast<DeclStmt>(&S); DS && DS->isSingleDecl()) {
      Var = dyn_cast<VarDecl>(DS->getSingleDecl());
      Init = Var ? Var->getInit() : nullptr;
    } else if (isa<BinaryOperator, CXXOperatorCallExpr>(S)) {
      auto [Target, Value] = assignmentParts(&S);
      Var = namedVar(Target);
      Init = Var && !Var->getType()->isReferenceType() ? Value : nullptr;
    }
    if (!Var || !Init || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var))
      return;
    std::optional<ThreadTaking> T = takingOf(Init, Var->getType(), Ids);
    if (!T)
      return;
    if (T->Kind == ThreadTaking::ThreadId)
      Ids.insert(Var);
    Visit(*Var, S, *T);
  });
}

} // namespace clang::tidy::async::model

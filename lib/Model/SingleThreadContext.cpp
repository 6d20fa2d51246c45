//===--- SingleThreadContext.cpp - async-lint -----------------------------===//

#include "SingleThreadContext.h"
#include "CallInfo.h"
#include "ClassNames.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

namespace clang::tidy::async::model {

namespace {

/// The local context variable \p E names, directly or as the object of a
/// query member (ctx.get_executor()); null otherwise. \p Ref is set to the
/// reference to it.
const VarDecl *contextNamed(const Expr *E, const SingleThreadKnowledge &Know,
                            const DeclRefExpr *&Ref) {
  E = strip(E, Wrappers::Object);
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    std::optional<CallInfo> Info = describeCall(*Call);
    if (!Info || !anyNameMatches(Know.QueryMembers, *Info))
      return nullptr;
    E = strip(Call->getImplicitObjectArgument(), Wrappers::Object);
  }
  Ref = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl() || Var->isStaticLocal() ||
      Var->getType()->isReferenceType() ||
      !matchesClassOf(Know.Types, Var->getType()))
    return nullptr;
  return Var;
}

/// True when \p E is an awaited query of the running coroutine's executor.
bool isExecutorQuery(const Expr *E, const NameMatcher &Queries) {
  const auto *Await = dyn_cast_or_null<CoawaitExpr>(strip(E, Wrappers::Object));
  const ValueDecl *Queried = Await ? namedDecl(Await->getOperand()) : nullptr;
  return Queried && Queries.matches(canonicalName(*Queried));
}

/// The hand-offs in \p Body to its own executor whose completion is a
/// future, keyed by the call and by the variables that keep the future.
llvm::DenseMap<const void *, const CallExpr *>
futuresOfOwnExecutor(const Stmt *Body, const SingleThreadKnowledge &Know) {
  llvm::DenseSet<const VarDecl *> Executors;
  llvm::DenseMap<const void *, const CallExpr *> FutureOf;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Decls = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (isExecutorQuery(Var->getInit(), Know.ExecutorQueries))
            Executors.insert(Var);
    const auto *Call = dyn_cast<CallExpr>(&S);
    std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
    if (!Info || !Call->getNumArgs() ||
        !anyNameMatches(Know.HandOffFunctions, *Info) ||
        !Know.FutureTokens.matches(completionTokenName(*Call)))
      return;
    const Expr *Target = Call->getArg(0);
    const auto *Var = dyn_cast_or_null<VarDecl>(namedDecl(Target));
    if ((Var && Executors.contains(Var)) ||
        isExecutorQuery(Target, Know.ExecutorQueries))
      FutureOf[Call] = Call;
  });
  return FutureOf;
}

/// The blocking waits of the coroutine \p Coro on work it handed to its
/// own executor, each with that work.
std::vector<std::pair<const CallExpr *, const CallExpr *>>
waitsOnOwnExecutor(const FunctionDecl &Coro,
                   const SingleThreadKnowledge &Know) {
  std::vector<std::pair<const CallExpr *, const CallExpr *>> Waits;
  const Stmt *Body = getUserBody(Coro);
  llvm::DenseMap<const void *, const CallExpr *> FutureOf =
      futuresOfOwnExecutor(Body, Know);
  if (FutureOf.empty())
    return Waits;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Decls = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (const CallExpr *Work =
                  FutureOf.lookup(strip(Var->getInit(), Wrappers::Object)))
            FutureOf[Var] = Work;
    const auto *Wait = dyn_cast<CXXMemberCallExpr>(&S);
    std::optional<CallInfo> Info = Wait ? describeCall(*Wait) : std::nullopt;
    if (!Info || !anyNameMatches(Know.JoinMembers, *Info))
      return;
    const Expr *Object =
        strip(Wait->getImplicitObjectArgument(), Wrappers::Object);
    const CallExpr *Work = FutureOf.lookup(Object);
    if (!Work)
      Work = FutureOf.lookup(namedDecl(Object));
    if (Work)
      Waits.push_back({Wait, Work});
  });
  return Waits;
}

/// Every function definition of a unit (instantiations included).
class Definitions : public RecursiveASTVisitor<Definitions> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
      Found.push_back(FD);
    return true;
  }
  std::vector<const FunctionDecl *> Found;
};

/// How many times \p Body's own code names each variable.
llvm::DenseMap<const VarDecl *, unsigned> namings(const Stmt &Body,
                                                  const OwnStmts *Own) {
  llvm::DenseMap<const VarDecl *, unsigned> Refs;
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        ++Refs[Var];
  });
  return Refs;
}

} // namespace

std::vector<SingleThreadContext>
singleThreadContexts(const Stmt &Body, const SingleThreadKnowledge &Know,
                     const OwnStmts *Own) {
  llvm::MapVector<const VarDecl *, SingleThreadContext> Found;
  // The references to each context that are accounted for, and all.
  llvm::DenseSet<const DeclRefExpr *> Accounted;
  auto Visit = [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    std::optional<CallInfo> Scratch;
    const CallInfo *Info = Call ? describeCall(*Call, Own, Scratch) : nullptr;
    if (!Info)
      return;
    const DeclRefExpr *Ref = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      const VarDecl *Ctx =
          contextNamed(Member->getImplicitObjectArgument(), Know, Ref);
      bool Runs = anyNameMatches(Know.RunMembers, *Info);
      if (Ctx && (Runs || anyNameMatches(Know.QueryMembers, *Info))) {
        Accounted.insert(Ref);
        SingleThreadContext &C = Found[Ctx];
        C.Context = Ctx;
        if (Runs && !C.Run)
          C.Run = Call;
      }
      return;
    }
    if (!anyNameMatches(Know.HandOffFunctions, *Info) || !Call->getNumArgs())
      return;
    if (const VarDecl *Ctx = contextNamed(Call->getArg(0), Know, Ref)) {
      Accounted.insert(Ref);
      Found[Ctx].Context = Ctx;
      Found[Ctx].HandOffs.push_back(Call);
    }
  };
  // The calls, in the walk's order, find the contexts (read from the
  // body's own-statement list, the rest costs a class test); the names are
  // counted only when there is one (most functions have none).
  if (Own && Own->body() == &Body) {
    for (const Stmt *S : Own->all())
      if (isa<CallExpr>(S))
        Visit(*S);
  } else {
    forEachOwnStmt(Own, &Body, Visit);
  }
  if (Found.empty())
    return {};
  llvm::DenseMap<const VarDecl *, unsigned> Refs = namings(Body, Own);
  llvm::DenseMap<const VarDecl *, unsigned> AccountedRefs;
  for (const DeclRefExpr *Ref : Accounted)
    ++AccountedRefs[cast<VarDecl>(Ref->getDecl())];
  std::vector<SingleThreadContext> Result;
  for (auto &[Var, C] : Found)
    if (C.Run && !C.HandOffs.empty() &&
        Refs.lookup(Var) == AccountedRefs.lookup(Var))
      Result.push_back(std::move(C));
  return Result;
}

std::vector<OwnContextWait> ownContextWaits(const Stmt &Body,
                                            const SingleThreadKnowledge &Know,
                                            const OwnStmts *Own) {
  std::vector<OwnContextWait> Result;
  for (const SingleThreadContext &C : singleThreadContexts(Body, Know, Own))
    for (const CallExpr *Spawn : C.HandOffs)
      for (unsigned I = 1; I < Spawn->getNumArgs(); ++I) {
        const auto *Call = dyn_cast_or_null<CallExpr>(
            strip(Spawn->getArg(I), Wrappers::Object));
        const FunctionDecl *Coro = Call ? calledDefinition(*Call) : nullptr;
        if (!Coro || !isCoroutine(*Coro))
          continue;
        for (auto [Wait, Work] : waitsOnOwnExecutor(*Coro, Know))
          Result.push_back({Wait, Work, Coro, C, Spawn});
      }
  return Result;
}

std::vector<OwnContextWait>
ownContextWaitsInUnit(ASTContext &Ctx, const SingleThreadKnowledge &Know) {
  Definitions Defs;
  Defs.TraverseDecl(Ctx.getTranslationUnitDecl());
  std::vector<OwnContextWait> Result;
  for (const FunctionDecl *FD : Defs.Found)
    if (const Stmt *Body = getUserBody(*FD)) {
      std::vector<OwnContextWait> Found = ownContextWaits(*Body, Know);
      Result.insert(Result.end(), Found.begin(), Found.end());
    }
  return Result;
}

} // namespace clang::tidy::async::model

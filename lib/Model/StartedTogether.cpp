//===--- StartedTogether.cpp - async-lint ---------------------------------===//

#include "StartedTogether.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FirstArrival.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The object a member coroutine is called on, as a key: the variable it
/// names, or the function itself for 'this'; null when unknown.
const void *objectOf(const CallExpr &Call, const FunctionDecl &Caller) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const Expr *Object = Member ? Member->getImplicitObjectArgument() : nullptr;
  if (!Object)
    return nullptr;
  if (isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
    return &Caller;
  return namedDecl(Object);
}

} // namespace

std::string StartedCoroutine::name() const { return startedName(*Coroutine); }

const CallExpr *coroutineCall(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(strip(E, Wrappers::Object));
  const FunctionDecl *Def = Call ? calledDefinition(*Call) : nullptr;
  return Def && isCoroutine(*Def) ? Call : nullptr;
}

std::pair<const ValueDecl *, const void *>
denotedInCaller(const Expr *E, const FunctionDecl &Caller) {
  const ValueDecl *D = namedDecl(E);
  if (!isa_and_nonnull<FieldDecl>(D))
    return {D, nullptr};
  const auto *Member = dyn_cast<MemberExpr>(strip(E, Wrappers::Object));
  const Expr *Base =
      Member ? Member->getBase()->IgnoreParenImpCasts() : nullptr;
  if (isa_and_nonnull<CXXThisExpr>(Base))
    return {D, &Caller};
  return {D, Base ? namedDecl(Base) : nullptr};
}

std::vector<StartedCoroutine>
startedTogether(const Stmt &Body, llvm::function_ref<const CFG *()> GraphOf,
                const NameMatcher &Combinators, const NameMatcher &Spawns,
                const NameMatcher &MoreSpawns, const OwnStmts *Own) {
  std::vector<StartedCoroutine> Combined, Spawned;
  auto Visit = [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    std::optional<CallInfo> Scratch;
    const CallInfo *Info = Call ? describeCall(*Call, Own, Scratch) : nullptr;
    if (!Info)
      return;
    bool Combines = anyNameMatches(Combinators, *Info);
    if (!Combines && !anyNameMatches(Spawns, *Info) &&
        !anyNameMatches(MoreSpawns, *Info))
      return;
    llvm::SmallVector<const Expr *, 4> Args(Call->arguments());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Args.push_back(Member->getImplicitObjectArgument());
    for (const Expr *Arg : Args)
      if (const CallExpr *Coro = coroutineCall(Arg))
        (Combines ? Combined : Spawned)
            .push_back({calledDefinition(*Coro), Coro, Call});
  };
  // Only calls start anything: read from the body's own-statement list,
  // the other statements cost a class test, not a call.
  if (Own && Own->body() == &Body) {
    for (const Stmt *S : Own->all())
      if (isa<CallExpr>(S))
        Visit(*S);
  } else {
    forEachOwnStmt(Own, &Body, Visit);
  }
  // Spawns run together when one may run after the other.
  std::vector<StartedCoroutine> Together = Combined;
  const CFG *Graph = Spawned.size() > 1 ? GraphOf() : nullptr;
  for (const StartedCoroutine &S : Spawned)
    if (Graph && llvm::any_of(Spawned, [&](const StartedCoroutine &Other) {
          return &Other != &S && (mayRunAfter(*Graph, *S.Start, *Other.Start) ||
                                  mayRunAfter(*Graph, *Other.Start, *S.Start));
        }))
      Together.push_back(S);
  return Together;
}

std::pair<const ValueDecl *, const void *>
denotedInCaller(const ValueDecl *Key, const StartedCoroutine &Started,
                const FunctionDecl &Caller) {
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(Key);
  if (Param && Param->getDeclContext() == Started.Coroutine) {
    const Expr *Arg =
        argumentFor(*Started.Call, Param->getFunctionScopeIndex());
    const ValueDecl *Given = namedDecl(Arg);
    if (!Given || !Param->getType()->isReferenceType() &&
                      !Param->getType()->isPointerType())
      return {nullptr, nullptr};
    return {Given, nullptr};
  }
  if (isa_and_nonnull<FieldDecl>(Key))
    return {Key, objectOf(*Started.Call, Caller)};
  const auto *Var = dyn_cast_or_null<VarDecl>(Key);
  if (!Var ||
      (Var->hasLocalStorage() && Var->getDeclContext() == Started.Coroutine))
    return {nullptr, nullptr};
  return {Var, nullptr};
}

SourceLocation startLocation(const CallExpr &Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
    return Op->getArg(0)->getBeginLoc();
  return Call.getBeginLoc();
}

std::string startedName(const FunctionDecl &FD) {
  return (isLambdaCallOperator(FD) ? "the " : "") + describeFunction(FD);
}

} // namespace clang::tidy::async::model

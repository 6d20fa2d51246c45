//===--- SpawnSites.cpp - async-lint --------------------------------------===//

#include "SpawnSites.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "ConstantConditions.h"
#include "CoroutineModel.h"
#include "NameMatcher.h"
#include "StaticLoopBounds.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// True when a call returning \p T starts an eager coroutine that is not
/// an awaitable: made to be dropped, it runs detached.
bool runsDetached(QualType T) {
  return T->isRecordType() && isTaskType(T) && !isAwaitableType(T) &&
         lazinessOf(T) == Laziness::Eager;
}

} // namespace

const Expr *spawnedBy(const CallExpr &Call, const NameMatcher &SpawnFunctions,
                      const NameMatcher &SpawnLikeFunctions,
                      const OwnStmts *Own, EagerTaskMemo *EagerTasks) {
  std::optional<CallInfo> Scratch;
  const CallInfo *Info = describeCall(Call, Own, Scratch);
  if (!Info)
    return nullptr;
  if (anyNameMatches(SpawnFunctions, *Info) ||
      anyNameMatches(SpawnLikeFunctions, *Info)) {
    // What is spawned: the object of a member spawn (task.start()), or the
    // first argument that is a task or a function object.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
      return Member->getImplicitObjectArgument();
    for (const Expr *Arg : Call.arguments()) {
      QualType T = Arg->getType();
      const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      if (isTaskType(T) || isAwaitableType(T) || (RD && RD->isLambda()) ||
          T->isFunctionPointerType())
        return Arg;
    }
    return Call.getNumArgs() ? Call.getArg(0) : &Call;
  }
  // A detached thread, or a thread started into a collection.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    const CXXRecordDecl *RD = Method ? Method->getParent() : nullptr;
    if (!RD || !Method->getIdentifier())
      return nullptr;
    auto IsThread = [](StringRef Name) {
      return Name == "::std::thread" || Name == "::std::jthread";
    };
    if (Method->getName() == "detach" && IsThread(canonicalName(*RD)))
      return Member->getImplicitObjectArgument();
    const auto *Container = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (Container &&
        llvm::is_contained({"emplace_back", "push_back", "emplace"},
                           Method->getName()) &&
        Container->getTemplateArgs().size() > 0 &&
        Container->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        IsThread(
            canonicalTypeName(Container->getTemplateArgs()[0].getAsType())))
      return Member->getImplicitObjectArgument();
  }
  // An eager coroutine made to be dropped runs detached: calling one is a
  // spawn. Only a call that returns the task by value makes one; one that
  // returns a reference (std::move(t), an accessor) names a task that exists.
  QualType T = Call.getType();
  if (!Call.isPRValue())
    return nullptr;
  if (!EagerTasks)
    return runsDetached(T) ? &Call : nullptr;
  auto [It, New] =
      EagerTasks->try_emplace(T.getCanonicalType().getTypePtr(), false);
  if (New)
    It->second = runsDetached(T);
  return It->second ? &Call : nullptr;
}

const CallExpr *
firstSpawnIn(const Stmt &Loop, const OwnStmts &Own,
             const llvm::SmallPtrSetImpl<const CallExpr *> &Spawns,
             const NameMatcher &AlwaysFalse, const ASTContext &Ctx) {
  const Stmt *Body = loopBody(Loop);
  llvm::SmallVector<const CallExpr *, 2> InLoop;
  Own.forEach(Body, [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S);
        Call && Spawns.contains(Call))
      InLoop.push_back(Call);
  });
  if (InLoop.empty())
    return nullptr;
  // A spawn in a nested loop is that loop's.
  llvm::SmallPtrSet<const Stmt *, 8> Nested;
  Own.forEach(Body, [&](const Stmt &S) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S) &&
        !neverRepeats(S, AlwaysFalse, Ctx))
      Own.forEach(loopBody(S),
                  [&](const Stmt &Inner) { Nested.insert(&Inner); });
  });
  for (const CallExpr *Call : InLoop)
    if (!Nested.contains(Call))
      return Call;
  return nullptr;
}

} // namespace clang::tidy::async::model

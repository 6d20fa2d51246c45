//===--- ArgumentDeaths.cpp - async-lint ----------------------------------===//

#include "ArgumentDeaths.h"
#include "ExecutorJoins.h"
#include "WaitedOut.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async::model {

namespace {

/// True when the local \p R outlives the task of fate \p F because the
/// joining executor it was spawned on is joined or destroyed first.
bool executorJoinsFirst(const CoroutineCall &C, const Referent &R,
                        const TaskFate &F, const LibraryAnalyses &A) {
  if (R.What != Referent::Kind::Local || !R.Var ||
      F.What != TaskFate::Kind::Escapes || !F.OnExecutor || F.ViaReturn ||
      !F.Spawn)
    return false;
  return executorJoinedBefore(C.CallerBody, *F.Spawn, *R.Var,
                              {A.Lib.SpawnFunctions, A.Lib.JoiningExecutors,
                               A.Lib.JoinFunctions})
      .has_value();
}

} // namespace

std::optional<ArgumentDeath>
argumentDeath(const CoroutineCall &C, unsigned Index, const Expr &Arg,
              LateParameterUses &Late, const LibraryAnalyses &A,
              llvm::function_ref<std::optional<TaskFate>()> Unknown,
              WaitsOutCall Waited) {
  const ParmVarDecl *Param = C.Coro.getParamDecl(Index);
  ArgumentDeath D{
      TaskFlow::referentOf(&Arg, !Param->getType()->isReferenceType())};
  if (D.R.What == Referent::Kind::Other)
    return std::nullopt;
  D.Use = Late.firstLateUse(C.Coro, Index, A);
  if (!D.Use)
    return std::nullopt;
  D.Fate = C.fate();
  if (D.Fate.What == TaskFate::Kind::Unknown && Unknown)
    if (std::optional<TaskFate> Told = Unknown())
      D.Fate = *Told;
  D.Dies = C.dies(D.R, D.Fate);
  // A local the function waits out: the task signals an object the
  // function then blocks on (or awaits), after its last use of the
  // parameter, before the local dies.
  if (D.R.What == Referent::Kind::Local && D.Dies.isValid() &&
      waitsOut(C.CallerBody, C.Call, D.Dies, C.Coro, Index, A.Lib.WaitMembers,
               A.Lib.SignalMembers, C.Coro.getASTContext().getSourceManager())
          .Wait)
    return std::nullopt;
  // Or waits it out otherwise: a blocking wait linked to it, a joining
  // executor, a check that ends the process unless the task is done.
  if (D.R.What == Referent::Kind::Local && D.Dies.isValid() && Waited &&
      Waited(D.Fate, *D.R.Var))
    return std::nullopt;
  if (D.Dies.isInvalid() || executorJoinsFirst(C, D.R, D.Fate, A))
    return std::nullopt;
  return D;
}

std::optional<ArgumentDeath> objectDeath(const CoroutineCall &C,
                                         const Referent &R,
                                         LateParameterUses &Late,
                                         const LibraryAnalyses &A) {
  ArgumentDeath D{R, Late.firstLateUse(C.Coro, -1, A)};
  if (!D.Use)
    return std::nullopt;
  D.Fate = C.fate();
  D.Dies = C.dies(D.R, D.Fate);
  if (D.Dies.isInvalid() || executorJoinsFirst(C, D.R, D.Fate, A))
    return std::nullopt;
  return D;
}

} // namespace clang::tidy::async::model

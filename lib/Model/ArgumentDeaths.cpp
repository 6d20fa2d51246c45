//===--- ArgumentDeaths.cpp - async-lint ----------------------------------===//

#include "ArgumentDeaths.h"
#include "WaitedOut.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async::model {

std::optional<ArgumentDeath> argumentDeath(const CoroutineCall &C,
                                           unsigned Index, const Expr &Arg,
                                           LateParameterUses &Late,
                                           const LibraryAnalyses &A) {
  const ParmVarDecl *Param = C.Coro.getParamDecl(Index);
  ArgumentDeath D{
      TaskFlow::referentOf(&Arg, !Param->getType()->isReferenceType())};
  if (D.R.What == Referent::Kind::Other)
    return std::nullopt;
  D.Use = Late.firstLateUse(C.Coro, Index, A);
  if (!D.Use)
    return std::nullopt;
  // A local the function waits out: the task signals an object the
  // function then blocks on, after its last use of the parameter.
  if (D.R.What == Referent::Kind::Local &&
      waitsOut(C.CallerBody, C.Call, SourceLocation(), C.Coro, Index,
               A.Lib.WaitMembers, A.Lib.SignalMembers,
               C.Coro.getASTContext().getSourceManager())
          .Wait)
    return std::nullopt;
  D.Fate = C.fate();
  D.Dies = C.dies(D.R, D.Fate);
  if (D.Dies.isInvalid())
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
  if (D.Dies.isInvalid())
    return std::nullopt;
  return D;
}

} // namespace clang::tidy::async::model

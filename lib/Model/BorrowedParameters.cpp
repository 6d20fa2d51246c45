//===--- BorrowedParameters.cpp - async-lint ------------------------------===//

#include "BorrowedParameters.h"
#include "BlockingReports.h"
#include "SummaryPlaces.h"

namespace clang::tidy::async::model {

void ParameterBorrows::summarise(
    const FunctionDecl &Coro,
    llvm::function_ref<bool(const ParmVarDecl &)> Refers,
    LateParameterUses &Late, const LibraryAnalyses &A, ASTContext &Ctx) {
  if (!Writer.judging(Ctx) ||
      !isSummarised(Coro, Ctx.getSourceManager(), /*Coroutine=*/true))
    return;
  // The first late use is the one the caller's note shows: a lazy
  // coroutine's first use at all (its body runs after the call returned),
  // an eager one's first use after a suspension on some path. A parameter
  // copied before the first suspension and not read again is not borrowed.
  Summary E;
  E.What = quotedFunctionName(Coro);
  std::vector<std::string> Indexes;
  for (unsigned I = 0; I < Coro.getNumParams(); ++I) {
    const ParmVarDecl *Param = Coro.getParamDecl(I);
    if (Param->getName().empty() || !Refers(*Param))
      continue;
    const Stmt *Use = Late.firstLateUse(Coro, static_cast<int>(I), A);
    SummaryStep Step;
    Step.Caller = E.What;
    Step.Callee = "'" + Param->getName().str() + "'";
    if (!Use || !placeStep(Use->getBeginLoc(), Ctx.getSourceManager(), Step))
      continue;
    Indexes.push_back(std::to_string(I));
    E.Steps.push_back(std::move(Step));
  }
  Writer.addPerParameter(std::move(E), Indexes, Coro, Ctx);
}

const SummaryStep *ParameterBorrows::borrowed(const FunctionDecl &Callee,
                                              unsigned Index, ASTContext &Ctx) {
  return parameterLookup(Callee, Index, Ctx);
}

} // namespace clang::tidy::async::model

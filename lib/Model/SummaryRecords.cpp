//===--- SummaryRecords.cpp - async-lint ----------------------------------===//

#include "SummaryRecords.h"
#include "LostExceptionReports.h"
#include "ThrowPlaces.h"

namespace clang::tidy::async::model {

std::vector<Summary> blockingRecords(const FunctionDecl &FD,
                                     const std::optional<BlockingPath> &R,
                                     std::string Key, unsigned MaxCallDepth,
                                     const BlockingChainQueries &Q) {
  // Only what blocks whatever the arguments (no caller's facts in a summary).
  if (R && R->When.Param < 0) {
    std::optional<Summary> E =
        blockingSummary(FD, *R, std::move(Key), Q.Reaches, MaxCallDepth, Q.SM);
    if (!E)
      return {};
    return {std::move(*E)};
  }
  // Otherwise it blocks if a function of another unit it calls does: the
  // reader joins the chain (a third unit's facts reach the caller).
  if (R)
    return {};
  return blockingChains(FD, std::move(Key), MaxCallDepth, Q);
}

std::optional<BlockingPath>
summarisedBlockingPath(const Stmt &S, const FunctionDecl *Callee,
                       const Summary *Found, const std::vector<bool> &Enabled) {
  std::optional<unsigned> Category =
      Found ? enabledBlockingCategory(Found->Category, Enabled) : std::nullopt;
  if (!Category || Found->Steps.empty())
    return std::nullopt;
  return BlockingPath{&S,
                      Callee,
                      BlockingCall{Found->What, *Category},
                      unsigned(Found->Steps.size()) + 1,
                      {},
                      Found};
}

std::vector<Summary>
throwRecords(const FunctionDecl &Coro, const std::string &Key,
             const ThrowPolicy &Policy,
             llvm::function_ref<std::string(const FunctionDecl &)> KeyOf,
             ASTContext &Ctx) {
  // What a coroutine of another unit it awaits throws escapes it when
  // nothing escapes here: the reader joins the chain.
  const Stmt *Throw = firstCoroutineThrow(&Coro, Policy, Ctx);
  if (!Throw)
    return throwChains(Coro, Key, Policy, KeyOf, Ctx);
  std::optional<Summary> S =
      throwSummary(Coro, *Throw, Key, Ctx.getSourceManager());
  if (!S)
    return {};
  return {std::move(*S)};
}

} // namespace clang::tidy::async::model

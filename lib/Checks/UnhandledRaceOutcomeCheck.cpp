//===--- UnhandledRaceOutcomeCheck.cpp - async-lint ------------------------===//

#include "UnhandledRaceOutcomeCheck.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Matchers.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

void UnhandledRaceOutcomeCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(model::isCoroutineDefinition()).bind("coro"),
                     this);
}

void UnhandledRaceOutcomeCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coro = Result.Nodes.getNodeAs<FunctionDecl>("coro");
  if (!Coro)
    return;
}

} // namespace clang::tidy::async

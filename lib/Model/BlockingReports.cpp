//===--- BlockingReports.cpp - async-lint ---------------------------------===//

#include "BlockingReports.h"
#include "BlockingCatalog.h"
#include "CoroutineModel.h"
#include "NameMatcher.h"
#include "SingleThreadContext.h"
#include "SummaryPlaces.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// How summaries name the category of the user's BlockingFunctions.
constexpr llvm::StringLiteral CustomCategoryKey = "custom";

} // namespace

std::string defaultBlockingCategories() {
  std::vector<std::string> Keys;
  for (const BlockingCategory &C : blockingCategories())
    if (C.EnabledByDefault)
      Keys.push_back(C.Key.str());
  return joinList(Keys);
}

std::string quotedFunctionName(const FunctionDecl &FD) {
  if (isLambdaCallOperator(FD))
    return "a lambda";
  return "'" + displayName(canonicalName(FD)) + "'";
}

SourceLocation blockingSiteLocation(const Stmt &S) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S))
    return Member->getExprLoc();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S))
    if (Op->getOperator() != OO_Call && Op->getOperator() != OO_Subscript)
      return Op->getOperatorLoc();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    return Construct->getLocation();
  return S.getBeginLoc();
}

std::string blockingReason(unsigned Category) {
  if (Category == BlockingCall::Custom)
    return std::string("(a blocking call); ") + CustomBlockingAdvice;
  const BlockingCategory &C = blockingCategories()[Category];
  return ("(" + C.Label + "); " + C.Advice).str();
}

std::optional<unsigned>
enabledBlockingCategory(llvm::StringRef Key, const std::vector<bool> &Enabled) {
  if (Key == CustomCategoryKey)
    return BlockingCall::Custom;
  for (auto [I, C] : llvm::enumerate(blockingCategories()))
    if (C.Key == Key && I < Enabled.size() && Enabled[I])
      return unsigned(I);
  return std::nullopt;
}

std::vector<PlacedNote> blockingPathNotes(const FunctionDecl &Via,
                                          const BlockingReach &Reaches,
                                          unsigned MaxCallDepth,
                                          SourceManager &SM) {
  std::vector<PlacedNote> Notes;
  const FunctionDecl *Step = &Via;
  for (unsigned Guard = 0; Step && Guard <= MaxCallDepth; ++Guard) {
    const BlockingPath *R = Reaches.found(Step);
    if (!R)
      break;
    SourceLocation Site = blockingSiteLocation(*R->Site);
    Notes.push_back(
        {Site, quotedFunctionName(*Step) + " calls " +
                   (R->Via ? quotedFunctionName(*R->Via) + " here"
                           : R->Leaf.Name + " here, which blocks " +
                                 blockingReason(R->Leaf.Category))});
    // The path goes on in another unit's files.
    if (R->Summarised) {
      llvm::append_range(Notes, blockingSummaryNotes(*R->Summarised, SM, Site,
                                                     R->Leaf.Category));
      break;
    }
    Step = R->Via;
  }
  return Notes;
}

std::optional<Summary>
blockingSummary(const FunctionDecl &FD, const BlockingPath &Path,
                std::string Key, const BlockingReach &Reaches,
                unsigned MaxCallDepth, const SourceManager &SM) {
  Summary E;
  E.Fact = SummaryFact::Blocks;
  E.Key = std::move(Key);
  E.What = Path.Leaf.Name;
  E.Category = Path.Leaf.Category == BlockingCall::Custom
                   ? CustomCategoryKey.str()
                   : blockingCategories()[Path.Leaf.Category].Key.str();
  // The path as the notes of a visible call show it (blockingPathNotes).
  const FunctionDecl *Step = &FD;
  for (unsigned Guard = 0; Step && Guard <= MaxCallDepth; ++Guard) {
    const BlockingPath *P = Reaches.found(Step);
    if (!P)
      break;
    SummaryStep S;
    S.Caller = quotedFunctionName(*Step);
    S.Callee = P->Via ? quotedFunctionName(*P->Via) : P->Leaf.Name;
    if (!placeStep(blockingSiteLocation(*P->Site), SM, S))
      return std::nullopt;
    E.Steps.push_back(std::move(S));
    if (P->Summarised) {
      llvm::append_range(E.Steps, P->Summarised->Steps);
      break;
    }
    Step = P->Via;
  }
  return E;
}

namespace {

/// Adds to \p Out a chain of \p Key for each function of another unit
/// that \p FD's body calls, directly or through visible functions within
/// \p Budget steps (\p Path: the steps so far).
void addChains(const FunctionDecl &FD, unsigned Budget, const std::string &Key,
               const BlockingChainQueries &Q, std::vector<SummaryStep> &Path,
               std::vector<Summary> &Out) {
  forEachOwnStmt(getUserBody(FD), [&](const Stmt &S) {
    const FunctionDecl *Visible = Q.Reaches.descendInto(S, Q.SM);
    const FunctionDecl *Callee = Visible ? Visible : staticCallee(S);
    // Budget bounds the descent (a recursion too).
    if (!Callee || Out.size() >= MaxBlockingChains ||
        (Visible && (Budget <= 1 || isCoroutine(*Visible))))
      return;
    SummaryStep Step;
    Step.Caller = quotedFunctionName(FD);
    Step.Callee = quotedFunctionName(*Callee);
    if (!placeStep(blockingSiteLocation(S), Q.SM, Step))
      return;
    Path.push_back(Step);
    if (Visible)
      addChains(*Visible, Budget - 1, Key, Q, Path, Out);
    else if (std::string Through = Q.KeyOf(*Callee);
             !Through.empty() && judgedBySummary(*Callee, Q.SM) &&
             !isAllowedBlocking(*Callee, Q.Lists) &&
             llvm::none_of(
                 Out, [&](const Summary &C) { return C.Through == Through; }))
      Out.push_back({SummaryFact::Blocks, Key, "-", "-", Path, Through});
    Path.pop_back();
  });
}

} // namespace

std::vector<Summary> blockingChains(const FunctionDecl &FD, std::string Key,
                                    unsigned MaxCallDepth,
                                    const BlockingChainQueries &Q) {
  // The call itself and at least one step in the other unit count too.
  std::vector<Summary> Out;
  std::vector<SummaryStep> Path;
  if (MaxCallDepth >= 3)
    addChains(FD, MaxCallDepth - 2, Key, Q, Path, Out);
  return Out;
}

std::vector<PlacedNote> blockingSummaryNotes(const Summary &S,
                                             SourceManager &SM,
                                             SourceLocation CallLoc,
                                             unsigned Category) {
  std::string Why = blockingReason(Category);
  return summaryNotes(
      S, SM, CallLoc,
      [&](const SummaryStep &Step, bool Last) {
        return Step.Caller + " calls " + Step.Callee +
               (Last ? " here, which blocks " + Why : " here");
      },
      [&](const SummaryStep &Step, llvm::StringRef Where, bool Last) {
        return Step.Caller + " called " + Step.Callee + " at " + Where.str() +
               (Last ? " (summary), which blocks " + Why : " (summary)");
      });
}

bool CertainOwnContextWaits::contains(const Stmt &Site, ASTContext &Ctx,
                                      const NameMatcher &JoinMembers) {
  if (Waits)
    return Waits->contains(&Site);
  // async-circular-wait's default lists (its options may differ: then the
  // two checks may disagree on a configured context).
  NameMatcher Types(DefaultContextTypes), Runs(DefaultContextRunMembers),
      Queries(DefaultContextQueryMembers), HandOffs(DefaultContextHandOffs),
      Executors(DefaultExecutorQueries), Futures(DefaultFutureTokens);
  SingleThreadKnowledge Know{Types,     Runs,    Queries,    HandOffs,
                             Executors, Futures, JoinMembers};
  Waits.emplace();
  for (const OwnContextWait &W : ownContextWaitsInUnit(Ctx, Know))
    Waits->insert(W.Wait);
  return Waits->contains(&Site);
}

} // namespace clang::tidy::async::model

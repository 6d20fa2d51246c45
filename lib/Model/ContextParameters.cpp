//===--- ContextParameters.cpp - async-lint -------------------------------===//

#include "ContextParameters.h"
#include "BlockingReports.h"
#include "SummaryPlaces.h"

namespace clang::tidy::async::model {

llvm::SmallVector<const ParmVarDecl *, 1>
ContextLeaves::summarised(const FunctionDecl &FD, const ContextKnowledge &K,
                          ASTContext &Ctx) {
  llvm::SmallVector<const ParmVarDecl *, 1> Params;
  if (!Writer.judging(Ctx) || !isSummarised(FD, Ctx.getSourceManager()))
    return Params;
  // Only a reference: a pointer may be null or point to a context the
  // function is not given, and a context cannot be copied.
  for (const ParmVarDecl *Param : FD.parameters())
    if (Param->getType()->isLValueReferenceType() &&
        !Param->getType()->isDependentType() &&
        K.ContextTypes.matches(canonicalTypeName(Param->getType())))
      Params.push_back(Param);
  return Params;
}

void ContextLeaves::summarise(const FunctionDecl &FD,
                              llvm::ArrayRef<ContextUses> Uses,
                              ASTContext &Ctx) {
  // Left: no call of the function runs it (not even in a lambda, which
  // counts as handing it on), and nothing hands it on: every mention is a
  // listed call's argument, an executor or I/O object made from it, or one
  // of its own members.
  Summary E;
  E.What = quotedFunctionName(FD);
  std::vector<std::string> Indexes;
  for (const ContextUses &U : Uses) {
    const auto *Param = dyn_cast<ParmVarDecl>(U.Context);
    if (!U.Parameter || !Param || U.Escape || !U.Runs.empty())
      continue;
    SummaryStep Step;
    Step.Caller = E.What;
    Step.Callee = "-";
    SourceLocation Where = Param->getLocation();
    if (!U.HandOffs.empty()) {
      const Expr *HandOff = U.HandOffs.front();
      const FunctionDecl *Callee = staticCallee(*HandOff);
      Step.Callee = Callee ? quotedFunctionName(*Callee) : "a call";
      Where = HandOff->getBeginLoc();
    }
    if (!placeStep(Ctx.getSourceManager().getExpansionLoc(Where),
                   Ctx.getSourceManager(), Step))
      continue;
    Indexes.push_back(std::to_string(Param->getFunctionScopeIndex()));
    E.Steps.push_back(std::move(Step));
  }
  Writer.addPerParameter(std::move(E), Indexes, FD, Ctx);
}

const SummaryStep *ContextLeaves::left(const FunctionDecl &Callee,
                                       unsigned Index, ASTContext &Ctx) {
  return parameterLookup(Callee, Index, Ctx);
}

std::vector<PlacedNote> ContextLeaves::notes(const ContextUses &U,
                                             SourceManager &SM) {
  std::vector<PlacedNote> Notes;
  for (const auto &[Call, Step] : U.LeftBy) {
    // "here" is the hand-off, or the parameter when there is none.
    auto Text = [](const SummaryStep &At, llvm::StringRef Here) {
      return At.Callee == "-" ? At.Caller + " takes the context " + Here.str() +
                                    " and neither runs it nor hands it on"
                              : At.Caller + " hands work to the context " +
                                    Here.str() + " with " + At.Callee +
                                    ", and neither runs it nor hands it on";
    };
    for (PlacedNote &N : summaryStepNotes(
             Summary{SummaryFact::Leaves, "", "", "-", {}}, *Step, SM,
             Call->getBeginLoc(),
             [&](const SummaryStep &At) { return Text(At, "here"); },
             [&](const SummaryStep &At, llvm::StringRef Where) {
               return Text(At, "at " + Where.str()) + " (summary)";
             }))
      Notes.push_back(std::move(N));
  }
  return Notes;
}

} // namespace clang::tidy::async::model

//===--- SummaryFiles.cpp - async-lint ------------------------------------===//

#include "SummaryFiles.h"
#include "SummaryPlaces.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::async::model {

ASTNameGenerator &SummaryNames::of(ASTContext &Ctx) {
  if (!Names || NamesContext != &Ctx) {
    Names = std::make_unique<ASTNameGenerator>(Ctx);
    NamesContext = &Ctx;
  }
  return *Names;
}

void SummaryNames::reset() {
  Names.reset();
  NamesContext = nullptr;
}

bool SummaryWriter::judging(ASTContext &Ctx) {
  if (!enabled())
    return false;
  if (UnitContext == &Ctx)
    return !Unit.empty();
  UnitContext = &Ctx;
  std::string Main = mainFilePath(Ctx.getSourceManager());
  if (Main != Unit) {
    flush();
    Unit = std::move(Main);
  }
  return !Unit.empty();
}

void SummaryWriter::add(Summary S) {
  S.Fact = Fact;
  if (!S.Key.empty() && !S.Steps.empty())
    Entries.push_back(std::move(S));
}

void SummaryWriter::addPerParameter(Summary S,
                                    llvm::ArrayRef<std::string> Params,
                                    const FunctionDecl &FD, ASTContext &Ctx) {
  if (S.Steps.empty())
    return;
  S.Key = keyOf(FD, Ctx);
  S.Category = llvm::join(Params, ",");
  add(std::move(S));
}

std::string SummaryWriter::keyOf(const FunctionDecl &FD, ASTContext &Ctx) {
  return summaryKey(FD, Names.of(Ctx));
}

void SummaryWriter::flush() {
  if (enabled() && !Unit.empty()) {
    if (llvm::Error Err = UsesTag.empty()
                              ? writeSummaryFile(Dir, Unit, Fact,
                                                 formatSummaries(Unit, Entries))
                              : llvm::Error::success())
      llvm::WithColor::warning(llvm::errs(), "async-lint")
          << "cannot write the summary of '" << Unit
          << "': " << llvm::toString(std::move(Err)) << "\n";
    if (llvm::Error Err = writeUsesFile(Dir, Unit, Fact, Asked, UsesTag))
      llvm::WithColor::warning(llvm::errs(), "async-lint")
          << "cannot write the summary uses of '" << Unit
          << "': " << llvm::toString(std::move(Err)) << "\n";
  }
  Unit.clear();
  UnitContext = nullptr;
  Entries.clear();
  Asked.clear();
  Names.reset();
}

const Summary *SummaryReader::lookup(SummaryFact Fact,
                                     const FunctionDecl &Callee,
                                     ASTContext &Ctx, bool Record) {
  // Only a function this unit cannot see into: a body here is the truth.
  if (!active() || !judgedBySummary(Callee, Ctx.getSourceManager()))
    return nullptr;
  if (!Index && enabled() && Indexes)
    Index = Indexes->of(Dir);
  return lookupSummary(Index.get(), Fact, summaryKey(Callee, Names.of(Ctx)),
                       Recording && Record ? Recording->uses(Ctx) : nullptr);
}

std::vector<PlacedNote> summaryNotes(
    const Summary &S, SourceManager &SM, SourceLocation Fallback,
    llvm::function_ref<std::string(const SummaryStep &, bool Last)> Here,
    llvm::function_ref<std::string(const SummaryStep &, llvm::StringRef Where,
                                   bool Last)>
        Moved) {
  std::vector<PlacedNote> Notes;
  for (size_t I = 0; I < S.Steps.size(); ++I) {
    const SummaryStep &Step = S.Steps[I];
    bool Last = I + 1 == S.Steps.size();
    // The other unit's file, loaded here to show the note in it.
    SourceLocation At = locationOf(Step, SM);
    if (At.isValid()) {
      Notes.push_back({At, Here(Step, Last)});
      continue;
    }
    std::string Where = Step.File + ":" + std::to_string(Step.Line) + ":" +
                        std::to_string(Step.Column);
    Notes.push_back({Fallback, Moved(Step, Where, Last)});
  }
  return Notes;
}

std::vector<PlacedNote> summaryStepNotes(
    const Summary &S, const SummaryStep &Step, SourceManager &SM,
    SourceLocation Fallback,
    llvm::function_ref<std::string(const SummaryStep &)> Here,
    llvm::function_ref<std::string(const SummaryStep &, llvm::StringRef Where)>
        Moved) {
  Summary One = S;
  One.Steps = {Step};
  return summaryNotes(
      One, SM, Fallback, [&](const SummaryStep &At, bool) { return Here(At); },
      [&](const SummaryStep &At, llvm::StringRef Where, bool) {
        return Moved(At, Where);
      });
}

} // namespace clang::tidy::async::model

//===--- CompilerFindings.cpp - async-lint --------------------------------===//
//
// clang-tidy keeps its findings as file names and offsets (so that they
// survive the source manager); the compiler's source manager is still alive
// here, so they are turned back into its locations and reported as the
// compiler's own diagnostics: in the build log, the IDE's build output and
// -fdiagnostics-format=sarif alike.
//
//===----------------------------------------------------------------------===//

#include "CompilerFindings.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace clang::tidy;

namespace async_lint {

namespace {

/// The compiler's location of \p Offset in \p Path; invalid when the
/// compiler has not read that file.
SourceLocation locate(SourceManager &Sources, llvm::StringRef Path,
                      unsigned Offset) {
  if (Path.empty())
    return {};
  auto File = Sources.getFileManager().getOptionalFileRef(Path);
  if (!File)
    return {};
  FileID ID = Sources.translateFile(*File);
  if (ID.isInvalid())
    return {};
  return Sources.getComposedLoc(ID, Offset);
}

void addRanges(DiagnosticBuilder &Builder,
               const tooling::DiagnosticMessage &Message,
               SourceManager &Sources) {
  for (const tooling::FileByteRange &Range : Message.Ranges) {
    SourceLocation Begin = locate(Sources, Range.FilePath, Range.FileOffset);
    if (Begin.isValid())
      Builder << CharSourceRange::getCharRange(
          Begin, Begin.getLocWithOffset(Range.Length));
  }
}

void addFixes(DiagnosticBuilder &Builder,
              const tooling::DiagnosticMessage &Message,
              SourceManager &Sources) {
  for (const auto &FileFixes : Message.Fix)
    for (const tooling::Replacement &Fix : FileFixes.second) {
      SourceLocation Begin =
          locate(Sources, Fix.getFilePath(), Fix.getOffset());
      if (Begin.isInvalid())
        continue;
      Builder << FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(
              Begin, Begin.getLocWithOffset(Fix.getLength())),
          Fix.getReplacementText());
    }
}

void report(DiagnosticsEngine &Diags, SourceManager &Sources,
            DiagnosticIDs::Level Level, const llvm::Twine &Format,
            const tooling::DiagnosticMessage &Message) {
  unsigned ID = Diags.getDiagnosticIDs()->getCustomDiagID(Level, Format.str());
  SourceLocation Loc = locate(Sources, Message.FilePath, Message.FileOffset);
  DiagnosticBuilder Builder = Diags.Report(Loc, ID);
  Builder << Message.Message;
  addRanges(Builder, Message, Sources);
  addFixes(Builder, Message, Sources);
}

/// How \p Finding is reported: as clang-tidy says, or not at all under -w,
/// or (with \p FollowWerror) an error under -Werror.
///
/// clang 22 maps neither flag onto a custom diagnostic without a warning
/// group: DiagnosticIDs::initCustomDiagMapping gives its mapping the
/// no-warning-as-error flag, and getDiagnosticSeverity skips -w for it. So a
/// warning reported here stays a warning under -Werror, which is what a
/// -Werror build adopting the plugin needs (clang-tidy keeps the two apart
/// too, with WarningsAsErrors); -w and, when asked, -Werror are applied here.
std::pair<DiagnosticIDs::Level, std::string>
levelAndLabel(const ClangTidyError &Finding, const DiagnosticsEngine &Diags,
              bool FollowWerror) {
  const std::string &Name = Finding.DiagnosticName;
  if (Finding.DiagLevel == ClangTidyError::Error)
    return {DiagnosticIDs::Error, Name};
  if (Finding.IsWarningAsError)
    return {DiagnosticIDs::Error, Name + ",-warnings-as-errors"};
  if (Diags.getIgnoreAllWarnings())
    return {DiagnosticIDs::Ignored, Name};
  if (FollowWerror && Diags.getWarningsAsErrors())
    return {DiagnosticIDs::Error, Name + ",-Werror"};
  if (Finding.DiagLevel == ClangTidyError::Remark)
    return {DiagnosticIDs::Remark, Name};
  return {DiagnosticIDs::Warning, Name};
}

} // namespace

void reportFindings(const std::vector<ClangTidyError> &Findings,
                    DiagnosticsEngine &Diags, SourceManager &Sources,
                    bool FollowWerror) {
  for (const ClangTidyError &Finding : Findings) {
    auto [Level, Label] = levelAndLabel(Finding, Diags, FollowWerror);
    if (Level == DiagnosticIDs::Ignored)
      continue;
    // One diagnostic kind per check, so that SARIF gives each its own rule.
    report(Diags, Sources, Level, "%0 [" + Label + "]", Finding.Message);
    for (const tooling::DiagnosticMessage &Note : Finding.Notes)
      report(Diags, Sources, DiagnosticIDs::Note, "%0", Note);
  }
}

} // namespace async_lint

//===--- SummaryPlaces.cpp - async-lint -----------------------------------===//

#include "SummaryPlaces.h"
#include "CoroutineModel.h"
#include "SkippedBodies.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::async::model {

namespace {

bool isVirtual(const FunctionDecl &FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  return Method && Method->isVirtual();
}

/// \p Name made absolute, without '.' and '..'.
std::string absolute(llvm::StringRef Name) {
  llvm::SmallString<256> Path(Name);
  (void)llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

} // namespace

const FunctionDecl *staticCallee(const Stmt &S) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(&S))
    Callee = Call->getDirectCallee();
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    Callee = Construct->getConstructor();
  return Callee && !isVirtual(*Callee) ? Callee : nullptr;
}

bool isSummarised(const FunctionDecl &FD, const SourceManager &SM,
                  bool Coroutine) {
  return FD.isThisDeclarationADefinition() && FD.hasBody() && !FD.isInlined() &&
         !FD.isImplicit() && !FD.isDefaulted() && !FD.isDeleted() &&
         !FD.isInvalidDecl() && !FD.isDependentContext() &&
         FD.getTemplatedKind() == FunctionDecl::TK_NonTemplate &&
         FD.isExternallyVisible() && !SM.isInSystemHeader(FD.getLocation()) &&
         isCoroutine(FD) == Coroutine && !isVirtual(FD) && !FD.isMain();
}

bool judgedBySummary(const FunctionDecl &Callee, const SourceManager &SM) {
  return definedElsewhere(Callee) && !Callee.isImplicit() &&
         !Callee.isInlined() && Callee.isExternallyVisible() &&
         Callee.getTemplatedKind() == FunctionDecl::TK_NonTemplate &&
         !SM.isInSystemHeader(Callee.getLocation());
}

std::string mainFilePath(const SourceManager &SM) {
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  return Main ? absolute(Main->getName()) : std::string();
}

bool placeStep(SourceLocation Loc, const SourceManager &SM, SummaryStep &Step) {
  PresumedLoc P =
      SM.getPresumedLoc(SM.getFileLoc(Loc), /*UseLineDirectives=*/false);
  if (P.isInvalid())
    return false;
  Step.File = absolute(P.getFilename());
  Step.Line = P.getLine();
  Step.Column = P.getColumn();
  return true;
}

SourceLocation locationOf(const SummaryStep &Step, SourceManager &SM) {
  llvm::Expected<FileEntryRef> Entry =
      SM.getFileManager().getFileRef(Step.File, /*OpenFile=*/true);
  if (!Entry) {
    llvm::consumeError(Entry.takeError());
    return {};
  }
  FileID ID = SM.getOrCreateFileID(*Entry, SrcMgr::C_User);
  if (ID.isInvalid())
    return {};
  // translateLineCol clamps a position past the end to the end: a file
  // changed since the summary was written is no place for the note.
  SourceLocation Loc = SM.translateLineCol(ID, Step.Line, Step.Column);
  if (SM.getSpellingLineNumber(Loc) != Step.Line ||
      SM.getSpellingColumnNumber(Loc) != Step.Column)
    return {};
  return Loc;
}

} // namespace clang::tidy::async::model

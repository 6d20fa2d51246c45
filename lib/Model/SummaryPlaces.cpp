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

/// True when \p FD is a function other units link against by name: not a
/// template, or a specialization the unit emits for them (an explicit
/// instantiation definition, `template void f<int>(int);`, or an explicit
/// specialization), which its callers see only declared (`extern template`).
bool linkedByName(const FunctionDecl &FD) {
  if (FD.getTemplatedKind() == FunctionDecl::TK_NonTemplate)
    return true;
  TemplateSpecializationKind Kind = FD.getTemplateSpecializationKind();
  return Kind == TSK_ExplicitInstantiationDefinition ||
         Kind == TSK_ExplicitSpecialization;
}

/// True when \p Callee, declared only in this unit, is a function or a
/// specialization of a template that another unit may define.
bool calledByName(const FunctionDecl &Callee) {
  switch (Callee.getTemplatedKind()) {
  case FunctionDecl::TK_NonTemplate:
    return true;
  case FunctionDecl::TK_FunctionTemplateSpecialization:
  case FunctionDecl::TK_MemberSpecialization:
    return !Callee.isDependentContext();
  default:
    return false;
  }
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
         !FD.isInvalidDecl() && !FD.isDependentContext() && linkedByName(FD) &&
         FD.isExternallyVisible() && !SM.isInSystemHeader(FD.getLocation()) &&
         isCoroutine(FD) == Coroutine && !isVirtual(FD) && !FD.isMain();
}

bool judgedBySummary(const FunctionDecl &Callee, const SourceManager &SM) {
  return definedElsewhere(Callee) && !Callee.isImplicit() &&
         !Callee.isInlined() && Callee.isExternallyVisible() &&
         calledByName(Callee) && !SM.isInSystemHeader(Callee.getLocation());
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

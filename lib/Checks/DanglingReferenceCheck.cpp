//===--- DanglingReferenceCheck.cpp - async-lint --------------------------===//
//
// async-dangling-reference: its options and which rule judges what (the
// rules' files are listed in DanglingReferenceCheck.h).
//
//===----------------------------------------------------------------------===//

#include "DanglingReferenceCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/NameMatcher.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral ViewTypesOpt = "ViewTypes";
constexpr llvm::StringLiteral ReferenceWrappersOpt = "ReferenceWrappers";
constexpr llvm::StringLiteral StrictParametersOpt = "StrictParameters";
constexpr llvm::StringLiteral OwnerFunctionsOpt = "OwnerFunctions";
constexpr llvm::StringLiteral StrictDetachedThisOpt = "StrictDetachedThis";
constexpr llvm::StringLiteral FunctionWrappersOpt = "FunctionWrappers";
constexpr llvm::StringLiteral OpaqueAwaitResultsOpt = "OpaqueAwaitResults";
constexpr llvm::StringLiteral DeclaredEagerTemporariesOpt =
    "DeclaredEagerTemporaries";

} // namespace

DanglingReferenceCheck::DanglingReferenceCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      OwnerFunctions(
          Options.get(OwnerFunctionsOpt, model::DefaultOwnerFunctions)),
      ViewTypes(Options.get(ViewTypesOpt, model::DefaultViewTypes)),
      FunctionWrappers(
          Options.get(FunctionWrappersOpt, model::DefaultFunctionWrappers)),
      ReferenceWrappers(Options.get(ReferenceWrappersOpt, true)),
      StrictParameters(Options.get(StrictParametersOpt, false)),
      StrictDetachedThis(Options.get(StrictDetachedThisOpt, false)),
      OpaqueAwaitResults(Options.get(OpaqueAwaitResultsOpt, false)),
      DeclaredEagerTemporaries(
          Options.get(DeclaredEagerTemporariesOpt, false)) {}

void DanglingReferenceCheck::storeCheckOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, ViewTypesOpt, ViewTypes.str());
  Options.store(Opts, ReferenceWrappersOpt, ReferenceWrappers);
  Options.store(Opts, StrictParametersOpt, StrictParameters);
  Options.store(Opts, OwnerFunctionsOpt, OwnerFunctions.str());
  Options.store(Opts, StrictDetachedThisOpt, StrictDetachedThis);
  Options.store(Opts, FunctionWrappersOpt, FunctionWrappers.str());
  Options.store(Opts, OpaqueAwaitResultsOpt, OpaqueAwaitResults);
  Options.store(Opts, DeclaredEagerTemporariesOpt, DeclaredEagerTemporaries);
}

void DanglingReferenceCheck::startTranslationUnit() {
  LateUses.clear();
  Modifications.clear();
  Declared.clear();
  Detached.clear();
}

model::LibraryAnalyses DanglingReferenceCheck::analyses() {
  // The id UnitFacts was given for this check's lists: asking the session
  // again would build the configuration's text on every call.
  return {Facts.session(), Facts.libraryId(), Lib};
}

void DanglingReferenceCheck::checkFunction(CheckedFunction &F) {
  F.forEachStmt([&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    const FunctionDecl *Callee = model::calledDefinition(*Call);
    if (!Callee) {
      if (const FunctionDecl *Coro = Declared.calledBy(*Call, Lib))
        checkCall(*Call, *Coro, F);
      return;
    }
    if (Callee->isDependentContext())
      return;
    if (!model::getCoroutineBody(*Callee))
      return checkWrapperCall(*Call, *Callee, F);
    checkCall(*Call, *Callee, F);
  });
  checkDetachingCalls(F);
  if (!F.isCoroutine())
    return;
  checkAwaitedReferences(F);
  checkAwaitResultParts(F);
  checkContainerHolds(F);
  checkWeakSelf(F);
  if (StrictParameters)
    checkStrictParameters(F);
}

} // namespace clang::tidy::async

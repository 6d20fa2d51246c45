//===--- DanglingReferenceCheck.cpp - async-lint --------------------------===//
//
// async-dangling-reference: its options and which rule judges what. The
// rules are in DanglingReferenceCalls.cpp (call-site lifetimes),
// DanglingReferenceAwaits.cpp (awaited references) and
// DanglingReferenceElements.cpp (container invalidation).
//
//===----------------------------------------------------------------------===//

#include "DanglingReferenceCheck.h"
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

constexpr llvm::StringLiteral DefaultViewTypes =
    "::std::basic_string_view;::std::span;::std::initializer_list;"
    "::std::ranges::ref_view;::std::mdspan;::boost::core::basic_string_view;"
    "::boost::span;::absl::string_view;::absl::Span;::folly::Range;"
    "::llvm::StringRef;::llvm::ArrayRef";

// Type-erased function objects: a call hands its arguments on to the
// function the object holds.
constexpr llvm::StringLiteral DefaultFunctionWrappers =
    "::std::function;::std::move_only_function;::std::copyable_function;"
    "::folly::Function;::absl::AnyInvocable";

// Calls whose result keeps an object alive: a strong or weak reference.
constexpr llvm::StringLiteral DefaultOwnerFunctions =
    "shared_from_this;weak_from_this;get_strong;get_weak";

} // namespace

DanglingReferenceCheck::DanglingReferenceCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions),
      OwnerFunctions(Options.get(OwnerFunctionsOpt, DefaultOwnerFunctions)),
      ViewTypes(Options.get(ViewTypesOpt, DefaultViewTypes)),
      FunctionWrappers(
          Options.get(FunctionWrappersOpt, DefaultFunctionWrappers)),
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
  ReturnsNewTask.clear();
  SharedModified.clear();
  SharedWalked = false;
  DetachedSelves.clear();
  TakesOwner.clear();
  DetachedSpawns.clear();
}

bool DanglingReferenceCheck::refersThrough(const ParmVarDecl &Param) const {
  QualType T = Param.getType();
  if (T.isNull() || T->isDependentType())
    return false;
  if (T->isReferenceType())
    return true;
  if (T->isPointerType())
    return !T->isFunctionPointerType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  std::string Name = model::canonicalName(*RD);
  return ViewTypes.matches(Name) ||
         (ReferenceWrappers && Name == "::std::reference_wrapper");
}

void DanglingReferenceCheck::checkFunction(CheckedFunction &F) {
  checkCalls(F);
  checkDetachingCalls(F);
  if (!F.isCoroutine())
    return;
  checkAwaitedReferences(F);
  checkAwaitResultParts(F);
  checkElementReferences(F);
  checkContainerViews(F);
  checkWeakSelf(F);
  if (StrictParameters)
    checkStrictParameters(F);
}

} // namespace clang::tidy::async

//===--- ManualModes.cpp - async-lint -------------------------------------===//

#include "ManualModes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The options \p Arg writes in place, in their semantic form: a braced
/// list, or a braced functional cast (options{...}); null otherwise.
const InitListExpr *writtenOptions(const Expr *Arg) {
  // A default argument is the library's choice, not the caller's.
  if (!Arg || isa<CXXDefaultArgExpr>(Arg->IgnoreImplicit()))
    return nullptr;
  Arg = Arg->IgnoreUnlessSpelledInSource();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Arg))
    Arg = Cast->getSubExpr()->IgnoreImplicit();
  const auto *List = dyn_cast<InitListExpr>(Arg);
  if (List && !List->isSemanticForm())
    List = List->getSemanticForm();
  return List && List->getType()->getAsRecordDecl() ? List : nullptr;
}

/// Whether \p Field is a mode field (its enumeration has an enumerator
/// \p ManualModes names) and, if so, whether \p Value is one of those.
enum class Mode { NotAModeField, Manual, Other };

Mode modeOf(const FieldDecl &Field, const Expr *Value,
            const NameMatcher &ManualModes) {
  const auto *Enum = Field.getType()->getAs<EnumType>();
  const EnumDecl *Decl = Enum ? Enum->getDecl()->getDefinition() : nullptr;
  if (!Decl)
    return Mode::NotAModeField;
  bool Listed = false;
  Expr::EvalResult Result;
  bool Known = Value && !Value->isValueDependent() &&
               Value->EvaluateAsInt(Result, Field.getASTContext());
  for (const EnumConstantDecl *Enumerator : Decl->enumerators()) {
    if (!ManualModes.matches(canonicalName(*Enumerator)))
      continue;
    Listed = true;
    if (Known && llvm::APSInt::isSameValue(Result.Val.getInt(),
                                           Enumerator->getInitVal()))
      return Mode::Manual;
  }
  return Listed ? Mode::Other : Mode::NotAModeField;
}

} // namespace

bool selectsManualMode(const CallExpr &Call, const NameMatcher &ManualModes) {
  for (const Expr *Arg : Call.arguments()) {
    const InitListExpr *List = writtenOptions(Arg);
    if (!List)
      continue;
    unsigned ModeFields = 0;
    bool AllManual = true;
    for (const FieldDecl *Field :
         List->getType()->getAsRecordDecl()->fields()) {
      unsigned Index = Field->getFieldIndex();
      const Expr *Value =
          Index < List->getNumInits() ? List->getInit(Index) : nullptr;
      Mode M = modeOf(*Field, Value, ManualModes);
      ModeFields += M != Mode::NotAModeField;
      AllManual &= M != Mode::Other;
    }
    if (ModeFields && AllManual)
      return true;
  }
  return false;
}

} // namespace clang::tidy::async::model

//===--- ConstrainedSignatures.cpp - async-lint ---------------------------===//

#include "ConstrainedSignatures.h"
#include "clang/AST/ASTConcept.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::async::model {

llvm::SmallVector<TemplateArgument, 2>
constrainedSignatures(const FunctionDecl &Fn) {
  llvm::SmallVector<TemplateArgument, 2> Signatures;
  const FunctionTemplateDecl *Template = Fn.getPrimaryTemplate();
  if (!Template)
    Template = Fn.getDescribedFunctionTemplate();
  if (!Template)
    return Signatures;
  for (const NamedDecl *Param : *Template->getTemplateParameters()) {
    const auto *Type = dyn_cast<TemplateTypeParmDecl>(Param);
    const TypeConstraint *Constraint =
        Type ? Type->getTypeConstraint() : nullptr;
    const ASTTemplateArgumentListInfo *Written =
        Constraint ? Constraint->getTemplateArgsAsWritten() : nullptr;
    if (!Written)
      continue;
    for (const TemplateArgumentLoc &Arg : Written->arguments())
      if (Arg.getArgument().getKind() == TemplateArgument::Type &&
          Arg.getArgument()
              .getAsType()
              .getCanonicalType()
              ->getAs<FunctionProtoType>())
        Signatures.push_back(Arg.getArgument());
  }
  return Signatures;
}

} // namespace clang::tidy::async::model

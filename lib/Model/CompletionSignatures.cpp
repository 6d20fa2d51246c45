//===--- CompletionSignatures.cpp - async-lint ----------------------------===//

#include "CompletionSignatures.h"
#include "ConstrainedSignatures.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

bool isExceptionPtr(QualType T) {
  const CXXRecordDecl *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "exception_ptr" &&
         StringRef(canonicalName(*RD)).starts_with("::std::");
}

std::optional<bool> signaturesReportFailure(ArrayRef<TemplateArgument> Args,
                                            QualType *Failure) {
  std::optional<bool> Result;
  for (const TemplateArgument &Arg : Args) {
    std::optional<bool> Own;
    if (Arg.getKind() == TemplateArgument::Pack) {
      Own = signaturesReportFailure(Arg.pack_elements(), Failure);
    } else if (Arg.getKind() == TemplateArgument::Type) {
      // The canonical type: a signature named through a typedef
      // (traits::completion_handler) is still a function type.
      const auto *Signature =
          Arg.getAsType().getCanonicalType()->getAs<FunctionProtoType>();
      if (!Signature)
        continue;
      Own = false;
      if (Signature->getNumParams() > 0) {
        QualType First = Signature->getParamType(0);
        if (isExceptionPtr(First) ||
            StringRef(canonicalTypeName(First)).ends_with("error_code")) {
          Own = true;
          if (Failure && Failure->isNull())
            *Failure = First;
        }
      }
    }
    if (Own)
      Result = (Result && *Result) || *Own;
  }
  return Result;
}

std::optional<bool> initiatedSignatureReportsFailure(const FunctionDecl *Fn,
                                                     QualType *Failure,
                                                     unsigned Depth) {
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  if (Fn && (!Def || !Def->getBody())) {
    // No body to read (declared only, or skipped by clangd's preamble): the
    // signatures its token is constrained with, if its declaration names
    // them (asio's completion_token_for<void()>).
    llvm::SmallVector<TemplateArgument, 2> Named = constrainedSignatures(*Fn);
    return signaturesReportFailure(Named, Failure);
  }
  if (!Def || getCoroutineBody(*Def))
    return std::nullopt;
  // The one value the body returns.
  const CallExpr *Returned = nullptr;
  unsigned Returns = 0;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(&S)) {
      ++Returns;
      Returned = dyn_cast_or_null<CallExpr>(
          strip(Return->getRetValue(), Wrappers::Object));
    }
  });
  const FunctionDecl *Initiation =
      Returns == 1 && Returned ? Returned->getDirectCallee() : nullptr;
  if (!Initiation)
    return std::nullopt;
  if (const TemplateArgumentList *Args =
          Initiation->getTemplateSpecializationArgs())
    if (std::optional<bool> Fails =
            signaturesReportFailure(Args->asArray(), Failure))
      return Fails;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
          Initiation->getDeclContext()))
    if (std::optional<bool> Fails =
            signaturesReportFailure(Spec->getTemplateArgs().asArray(), Failure))
      return Fails;
  if (Depth == 0)
    return std::nullopt;
  return initiatedSignatureReportsFailure(Initiation, Failure, Depth - 1);
}

} // namespace clang::tidy::async::model

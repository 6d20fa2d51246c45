//===--- ConstrainedSignatures.h - async-lint -------------------*- C++ -*-===//
//
// An initiating function may name its completion signatures in its
// declaration: asio constrains the token parameter with
// completion_token_for<void(error_code, size_t)>. The declaration is all
// there is of a function defined in another unit, and all clangd's preamble
// keeps of a header's function (it skips the bodies), so the signatures are
// read from there when the body cannot be.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONSTRAINEDSIGNATURES_H
#define ASYNC_LINT_MODEL_CONSTRAINEDSIGNATURES_H

#include "clang/AST/Decl.h"
#include "clang/AST/TemplateBase.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

/// The function types among the arguments of the concepts that constrain
/// the template parameters of \p Fn's template (of the template \p Fn was
/// made from): the completion signatures a constrained token names.
llvm::SmallVector<TemplateArgument, 2>
constrainedSignatures(const FunctionDecl &Fn);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONSTRAINEDSIGNATURES_H

//===--- CompletionSignatures.h - async-lint --------------------*- C++ -*-===//
//
// Whether an asynchronous operation reports failure, read from its
// completion signatures: an error code or a std::exception_ptr as the first
// parameter of one of them.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_COMPLETIONSIGNATURES_H
#define ASYNC_LINT_MODEL_COMPLETIONSIGNATURES_H

#include "clang/AST/Decl.h"
#include "clang/AST/TemplateBase.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>

namespace clang::tidy::async::model {

/// True for std::exception_ptr (libstdc++ declares it in a nested
/// namespace and names it in std with a using-declaration).
bool isExceptionPtr(QualType T);

/// What the completion signatures among \p Args (also inside packs) say of
/// failure: true when one of them has an error code or an exception_ptr as
/// its first parameter (\p Failure receives that type), false when none
/// has; empty when \p Args carry no signature (no function type).
std::optional<bool> signaturesReportFailure(ArrayRef<TemplateArgument> Args,
                                            QualType *Failure = nullptr);

/// The completion signatures an initiating function names where it starts
/// its operation: the template arguments of the call its body returns
/// (asio's `return async_initiate<Token, void()>(...)`, or a static member
/// of a class template specialization such as async_result<Token, Sig>),
/// followed through a function that returns another initiating call, at
/// most \p Depth levels. With use_awaitable the operation's type
/// (awaitable<void>) does not carry the signature; the initiation does.
std::optional<bool> initiatedSignatureReportsFailure(const FunctionDecl *Fn,
                                                     QualType *Failure,
                                                     unsigned Depth = 2);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_COMPLETIONSIGNATURES_H

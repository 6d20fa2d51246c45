//===--- CallerLambdas.h - async-lint ---------------------------*- C++ -*-===//
//
// A library's generic bridge (a function template such as an executor's
// submit adapter) calls the lambda its caller handed in. A finding at that
// call is about what the caller's lambda does, yet it lies in the library's
// header, where the user cannot fix it, and where clang-tidy does not even
// show it when the header is a system header. This file answers whether a
// location in a template specialization is such a call, so that the finding
// can be reported at the lambda instead.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CALLERLAMBDAS_H
#define ASYNC_LINT_MODEL_CALLERLAMBDAS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

/// True when \p Function was made from a template: a specialization of a
/// function template, or a function (a lambda's call operator included)
/// inside one or inside a class template's specialization.
bool isInstantiatedCode(const FunctionDecl &Function);

/// The closure type of the lambda that \p Function calls at \p Loc, when
/// \p Function was made from a template and the lambda is written in another
/// file than \p Loc: the caller's lambda, reaching a library's generic code
/// as a template argument. Null for any other location.
const CXXRecordDecl *callerLambdaCalledAt(const FunctionDecl &Function,
                                          SourceLocation Loc,
                                          const SourceManager &SM);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CALLERLAMBDAS_H

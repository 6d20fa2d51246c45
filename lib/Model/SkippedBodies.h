//===--- SkippedBodies.h - async-lint ---------------------------*- C++ -*-===//
//
// A function without a body in the unit is usually defined in another unit,
// and several rules read that as evidence ("its task may use the parameter
// when it runs"). In the editor it is often not so: clangd builds the
// preamble (the headers) with function bodies skipped, so a header's inline
// function is defined in the unit but its body is not there to read. What it
// does is unknown; neither its body nor its absence is evidence.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SKIPPEDBODIES_H
#define ASYNC_LINT_MODEL_SKIPPEDBODIES_H

#include "clang/AST/Decl.h"

namespace clang::tidy::async::model {

/// True when the parser skipped the body of \p FD, or of the template it was
/// made from (clangd's preamble does so for functions in headers).
bool bodySkipped(const FunctionDecl &FD);

/// True when no declaration of \p FD in this unit has a body, and none had
/// one the parser skipped: the function is defined in another unit (or
/// nowhere).
bool definedElsewhere(const FunctionDecl &FD);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SKIPPEDBODIES_H

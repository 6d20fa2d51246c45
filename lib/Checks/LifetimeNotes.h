//===--- LifetimeNotes.h - async-lint ---------------------------*- C++ -*-===//
//
// The words of the lifetime checks' notes: the model's lifetime rules
// return evidence (model/LifetimeEvidence.h), a list of places and what
// happened at each; this turns it into one warning (worded by the check)
// and its notes.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_CHECKS_LIFETIMENOTES_H
#define ASYNC_LINT_CHECKS_LIFETIMENOTES_H

#include "../Model/LifetimeEvidence.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Reports \p E through \p Check: its first step as the warning, worded by
/// \p Warnings (the check's own, in the order of model::Said from
/// \p FirstWarning on), the others as notes, worded here.
void reportEvidence(AsyncCheck &Check, const model::LifetimeEvidence &E,
                    llvm::ArrayRef<llvm::StringLiteral> Warnings,
                    model::Said FirstWarning);

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_LIFETIMENOTES_H

//===--- LifetimeNotes.h - async-lint ---------------------------*- C++ -*-===//
//
// The words of the lifetime checks' findings: the model's lifetime rules
// return evidence (model/LifetimeEvidence.h), a list of places and what
// happened at each; this turns it into one warning and its notes.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_CHECKS_LIFETIMENOTES_H
#define ASYNC_LINT_CHECKS_LIFETIMENOTES_H

#include "../Model/LifetimeEvidence.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Reports \p E through \p Check: its first step as the warning, the
/// others as notes.
void reportEvidence(AsyncCheck &Check, const model::LifetimeEvidence &E);

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_LIFETIMENOTES_H

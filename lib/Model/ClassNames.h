//===--- ClassNames.h - async-lint ------------------------------*- C++ -*-===//
//
// A list of class names asked about a type. Most classes a function uses
// are in no list, and their own name says so: the canonical name, which
// is built by walking the class's scopes, is made only for the few whose
// own name a pattern of the list ends with (NameMatcher::mayMatchSegment).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CLASSNAMES_H
#define ASYNC_LINT_MODEL_CLASSNAMES_H

#include "NameMatcher.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

/// Whether \p List matches the canonical name of \p RD (null: false).
bool matchesClass(const NameMatcher &List, const CXXRecordDecl *RD);

/// Whether \p List matches the class behind \p T, through references:
/// List.matches(canonicalTypeName(T)), without the name when it cannot.
bool matchesClassOf(const NameMatcher &List, QualType T);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CLASSNAMES_H

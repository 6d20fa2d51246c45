//===--- ResolvedTypes.h - async-lint ---------------------------*- C++ -*-===//
//
// A list of type names (an option) resolved, in one translation unit, to the
// classes they name. A name in the list may be an alias of the class it
// stands for: libstdc++ declares 'std::exception_ptr' by a using-declaration
// of 'std::__exception_ptr::exception_ptr', and a library may name a token
// by a typedef. A type is named by the list when its class is the class a
// name resolves to (compared by canonical declaration), or when its own
// canonical name matches the list (NameMatcher.h).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_RESOLVEDTYPES_H
#define ASYNC_LINT_MODEL_RESOLVEDTYPES_H

#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

namespace clang::tidy::async::model {

/// The class \p T is, through a reference; null when it is no class (or
/// \p T is null).
const CXXRecordDecl *recordOf(QualType T);

/// The canonical declaration of the class (or class template pattern) that
/// \p D names, through using-declarations, typedefs and alias templates;
/// null when it names no class.
const CXXRecordDecl *namedClass(const NamedDecl *D);

/// The declarations the qualified name \p Name ('::std::exception_ptr' or
/// 'asio::deferred_t', looked up from the global namespace) finds in \p Ctx.
llvm::SmallVector<const NamedDecl *, 2> lookupQualified(llvm::StringRef Name,
                                                        ASTContext &Ctx);

class ResolvedTypes {
public:
  explicit ResolvedTypes(const NameMatcher &Names) : Names(Names) {}

  /// Forgets the classes of the previous translation unit.
  void reset() {
    Classes.reset();
    For = nullptr;
  }

  /// True when the class behind \p T (through references and typedefs; for
  /// a template specialization, its template) is named by the list.
  bool names(QualType T, ASTContext &Ctx);

private:
  const NameMatcher &Names;
  /// The canonical classes the names resolve to in this translation unit.
  std::optional<llvm::SmallPtrSet<const CXXRecordDecl *, 8>> Classes;
  const ASTContext *For = nullptr;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_RESOLVEDTYPES_H

//===--- ContainerModifications.h - async-lint ------------------*- C++ -*-===//
//
// Which code may invalidate what a coroutine holds into a member,
// namespace-scope or static container: the first statement of the class (of
// the translation unit) that modifies the container in a way that
// invalidates iterators or element references (ContainerInvalidation.h).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONTAINERMODIFICATIONS_H
#define ASYNC_LINT_MODEL_CONTAINERMODIFICATIONS_H

#include "ContainerInvalidation.h"
#include "llvm/ADT/DenseMap.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace clang::tidy::async::model {

/// The first statement that may invalidate, per container and what is held
/// into it (Held).
template <class D>
using HeldModifications =
    llvm::DenseMap<std::pair<const D *, int>, const Stmt *>;

/// The modifications of containers, memoised for a translation unit.
class ContainerModifications {
public:
  /// \p Families says which classes are of which container family; it must
  /// outlive this object.
  explicit ContainerModifications(const ContainerFamilies &Families)
      : Families(Families) {}

  const ContainerFamilies &families() const { return Families; }

  /// The modification that may invalidate \p H into \p Container (a field
  /// of a class, or a shared variable), or null.
  const Stmt *invalidationOf(const ValueDecl &Container, Held H,
                             ASTContext &Ctx);
  /// A statement of a member function of \p Field's class that may
  /// invalidate what \p H stands for into it, or null.
  const Stmt *modificationOf(const FieldDecl &Field, Held H);
  /// A statement of the translation unit (outside system headers) that may
  /// invalidate what \p H stands for into the namespace-scope or static
  /// container \p Var, or null. The first question walks the translation
  /// unit once, for every such container.
  const Stmt *modificationOfShared(const VarDecl &Var, Held H, ASTContext &Ctx);
  void clear();

private:
  const ContainerFamilies &Families;
  HeldModifications<FieldDecl> Members;
  HeldModifications<VarDecl> Shared;
  bool SharedWalked = false;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONTAINERMODIFICATIONS_H

//===--- ContainerInvalidation.h - async-lint -------------------*- C++ -*-===//
//
// Which modifications of a container invalidate what points into it: an
// iterator, or a reference, pointer or view to an element or to the storage.
// The rules are the standard's, per family of container: a vector or a string
// reallocates on growth (everything may move), a deque keeps its elements
// when it grows at either end (only iterators go), node-based containers
// (list, map, set) keep every element that is not erased, hash containers
// keep their elements on insertion but rehash (iterators go). A class that
// is none of the standard's is judged by the names of its modifiers, as a
// vector would be.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONTAINERINVALIDATION_H
#define ASYNC_LINT_MODEL_CONTAINERINVALIDATION_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// What a variable holds into a container.
enum class Held {
  /// An iterator (begin(), find(), a range-for's hidden iterator).
  Iterator,
  /// A reference, pointer or view to an element or to the storage.
  Element,
};

/// How a container's modifications invalidate what points into it.
enum class ContainerFamily {
  /// Not a standard container: judged by the names of its modifiers.
  Unknown,
  /// std::vector, std::basic_string: growth may reallocate.
  Contiguous,
  /// std::deque: growth at either end keeps elements, not iterators.
  Deque,
  /// std::list, forward_list, map, multimap, set, multiset: only erasure
  /// invalidates, and only the erased element.
  Node,
  /// std::unordered_*: insertion may rehash (iterators), erasure takes only
  /// the erased element.
  Hash,
  /// std::array: nothing moves.
  Fixed,
};

/// The family of the container type \p T (through references).
ContainerFamily containerFamily(QualType T);

/// The container whose iterators (\p H Iterator) or element references
/// (\p H Element) \p S may invalidate: \p S is a call of a modifier on it or
/// an assignment to it that, by the container's family, may. Erasing from a
/// deque, a node-based or a hash container is not counted (it invalidates
/// the erased element only, and which element that is is not known). Null
/// otherwise.
const Expr *invalidatedBy(const Stmt &S, Held H);

/// The field of '*this' that \p E names, if any.
const FieldDecl *fieldOfThis(const Expr *E);
/// The namespace-scope or static variable (a static local, a static data
/// member) that \p E names, if any, as its canonical declaration.
const VarDecl *sharedVariable(const Expr *E);
/// The container \p E names: a member of '*this' or a shared variable.
const ValueDecl *containerOf(const Expr *E);

/// Methods that return an iterator or a pointer into a container.
bool handsOutIterator(const CXXMethodDecl *M);
/// Methods that return a reference to an element.
bool handsOutReference(const CXXMethodDecl *M);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONTAINERINVALIDATION_H

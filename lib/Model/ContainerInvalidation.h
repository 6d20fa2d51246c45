//===--- ContainerInvalidation.h - async-lint -------------------*- C++ -*-===//
//
// Which modifications of a container invalidate what points into it: an
// iterator, or a reference, pointer or view to an element or to the storage.
// The rules are the standard's, per family of container: a vector or a string
// reallocates on growth (everything may move), a deque keeps its elements
// when it grows at either end (only iterators go), node-based containers
// (list, map, set) keep every element that is not erased, hash containers
// keep their elements on insertion but rehash (iterators go), open-addressing
// hash containers move their elements when they grow. Which classes are of
// which family is data (ContainerFamilies, the check's options). A class of
// none is judged by the names of its modifiers, as a vector would be.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONTAINERINVALIDATION_H
#define ASYNC_LINT_MODEL_CONTAINERINVALIDATION_H

#include "NameMatcher.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// What a variable holds into a container.
enum class Held {
  /// An iterator (begin(), find(), a range-for's hidden iterator).
  Iterator,
  /// A reference, pointer or view to an element or to the storage.
  Element,
  /// An iterator that walks the container across a suspension (a range-for's
  /// hidden iterator, a local that is stepped): it stands on each element in
  /// turn, so erasing any element may take the one it is on.
  Walk,
};

/// How a container's modifications invalidate what points into it.
enum class ContainerFamily {
  /// Not a standard container: judged by the names of its modifiers.
  Unknown,
  /// std::vector, std::basic_string, B-trees: every modifier may move
  /// every element.
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
  /// Open-addressing hash containers (absl::flat_hash_map): insertion may
  /// move every element, erasure takes only the erased one.
  FlatHash,
};

// The defaults of the families' options: the standard's classes and the
// common libraries' ones whose rules are documented.
constexpr llvm::StringLiteral DefaultContiguousContainers =
    "::std::vector;::std::basic_string;::absl::btree_map;::absl::btree_set;"
    "::absl::btree_multimap;::absl::btree_multiset;::absl::InlinedVector;"
    "::boost::container::vector;::boost::container::small_vector;"
    "::boost::container::flat_map;::boost::container::flat_set";
constexpr llvm::StringLiteral DefaultDequeContainers =
    "::std::deque;::boost::container::deque";
constexpr llvm::StringLiteral DefaultNodeContainers =
    "::std::list;::std::forward_list;::std::map;::std::multimap;::std::set;"
    "::std::multiset;::boost::container::list;::boost::container::map;"
    "::boost::container::set";
constexpr llvm::StringLiteral DefaultHashContainers =
    "::std::unordered_map;::std::unordered_multimap;::std::unordered_set;"
    "::std::unordered_multiset;::absl::node_hash_map;::absl::node_hash_set";
constexpr llvm::StringLiteral DefaultFlatHashContainers =
    "::absl::flat_hash_map;::absl::flat_hash_set;::boost::unordered_flat_map;"
    "::boost::unordered_flat_set";
constexpr llvm::StringLiteral DefaultFixedContainers = "::std::array";
// Asynchronous algorithms that step through their range argument across
// their own suspension points (Seastar's, documented to move to the next
// element as the previous ones complete).
constexpr llvm::StringLiteral DefaultWalkingAlgorithms =
    "::seastar::do_for_each;::seastar::max_concurrent_for_each";

/// Which container classes (resolved names) are of which family.
struct ContainerFamilies {
  NameMatcher Contiguous{DefaultContiguousContainers};
  NameMatcher Deque{DefaultDequeContainers};
  NameMatcher Node{DefaultNodeContainers};
  NameMatcher Hash{DefaultHashContainers};
  NameMatcher FlatHash{DefaultFlatHashContainers};
  NameMatcher Fixed{DefaultFixedContainers};
  /// Not a family: the functions that walk a container given to them while
  /// the coroutine that awaits them is suspended.
  NameMatcher Walking{DefaultWalkingAlgorithms};
};

/// The family of the container type \p T (through references).
ContainerFamily containerFamily(QualType T, const ContainerFamilies &Families);

/// The container whose iterators (\p H Iterator), element references
/// (\p H Element) or walking iterators (\p H Walk) \p S may invalidate: \p S
/// is a call of a modifier on it or an assignment to it that, by the
/// container's family, may. Erasing from a deque, a node-based or a hash
/// container counts only for a walk (it invalidates the erased element only,
/// and which element that is is not known; a walk stands on each). Null
/// otherwise.
const Expr *invalidatedBy(const Stmt &S, Held H,
                          const ContainerFamilies &Families);

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

//===--- NameMatcher.h - async-lint -----------------------------*- C++ -*-===//
//
// Library knowledge is data: lists of qualified names, read from check
// options. A name is canonical: the declaring scopes of the declaration
// without template arguments, inline namespaces (std::__1, std::_V2) or
// anonymous namespaces, e.g. '::std::this_thread::sleep_for'.
//
// A pattern that starts with '::' matches that name exactly; any other
// pattern matches every name that ends with it at a scope boundary, so
// 'asio::read' matches '::asio::read' and '::boost::asio::read', and
// 'sync_wait' matches a sync_wait in any namespace or class.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_NAMEMATCHER_H
#define ASYNC_LINT_MODEL_NAMEMATCHER_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::async::model {

/// The canonical qualified name of \p D, starting with '::'.
std::string canonicalName(const NamedDecl &D);

/// The canonical name of the class behind \p T (through references), or
/// empty when \p T is not a class.
std::string canonicalTypeName(QualType T);

/// A canonical name as diagnostics show it: without the leading '::'.
std::string displayName(llvm::StringRef Canonical);

/// Splits a ';'-separated option value, trimming blanks, dropping empty items.
std::vector<std::string> splitList(llvm::StringRef Value);

/// Joins a list back into an option value.
std::string joinList(const std::vector<std::string> &Items);

/// A set of name patterns, one option value.
class NameMatcher {
public:
  NameMatcher() = default;
  explicit NameMatcher(llvm::StringRef OptionValue);

  /// The first pattern that matches the canonical name \p Name, or empty.
  /// One hash look-up of the name's last segment (see Bucket), not a scan.
  llvm::StringRef match(llvm::StringRef Name) const;
  bool matches(llvm::StringRef Name) const { return !match(Name).empty(); }
  bool empty() const { return Patterns.empty(); }
  /// False when no pattern can match a name whose last segment (what
  /// follows its last '::', the declaration's own name) is \p Segment: a
  /// caller may then skip building the canonical name.
  bool mayMatchSegment(llvm::StringRef Segment) const {
    return !Scanned.empty() || BySegment.count(Segment);
  }

  /// The option value this matcher was built from, normalised.
  std::string str() const { return joinList(Patterns); }

private:
  std::vector<std::string> Patterns;
  /// Whether each pattern starts with '::' (matches exactly): read once, as
  /// match runs for every call and type the checks look at.
  std::vector<bool> Exact;
  /// The patterns by the last segment of the names they match, in list
  /// order: a name's last segment is its pattern's when the pattern's last
  /// segment is a plain name (no ':'), as a pattern matches only at a scope
  /// boundary. ('::a::wait' and 'b::wait' under "wait".)
  llvm::StringMap<llvm::SmallVector<unsigned, 1>> BySegment;
  /// The few other patterns (an operator name with '::' in it), tried all.
  std::vector<unsigned> Scanned;

  /// Whether pattern \p I matches \p Name.
  bool matchesAt(unsigned I, llvm::StringRef Name) const;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_NAMEMATCHER_H

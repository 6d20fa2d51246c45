//===--- ListOptions.h - async-lint -----------------------------*- C++ -*-===//
//
// A check's options that are lists of names, read and stored by one loop over
// a table of (option name, default, member), so that a check does not repeat
// an Options.get/store pair per list.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LISTOPTIONS_H
#define ASYNC_LINT_MODEL_LISTOPTIONS_H

#include "NameMatcher.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::async::model {

/// One option of \p Owner that is a list of names: its name, its default
/// value and the member that holds it.
template <typename Owner> struct ListOption {
  llvm::StringLiteral Name;
  llvm::StringRef Default;
  NameMatcher Owner::*List;
};

/// Reads each list of \p Lists into \p O: Get(name, default) returns the
/// option's value (a check's Options.get).
template <typename Owner, typename GetFn>
void readListOptions(Owner &O, llvm::ArrayRef<ListOption<Owner>> Lists,
                     GetFn Get) {
  for (const ListOption<Owner> &L : Lists)
    O.*L.List = NameMatcher(Get(L.Name, L.Default));
}

/// Hands each list of \p Lists in \p O to Store(name, value) (a check's
/// Options.store), normalised as NameMatcher::str does.
template <typename Owner, typename StoreFn>
void storeListOptions(const Owner &O, llvm::ArrayRef<ListOption<Owner>> Lists,
                      StoreFn Store) {
  for (const ListOption<Owner> &L : Lists)
    Store(L.Name, (O.*L.List).str());
}

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LISTOPTIONS_H

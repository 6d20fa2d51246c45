//===--- FlagOptions.h - async-lint -----------------------------*- C++ -*-===//
//
// A check's options that are on or off, read and stored by one loop over a
// table of (option name, default, member), as ListOptions.h does for lists
// of names.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FLAGOPTIONS_H
#define ASYNC_LINT_MODEL_FLAGOPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async::model {

/// One option of \p Owner that is on or off: its name, its default value and
/// the member that holds it.
template <typename Owner> struct FlagOption {
  llvm::StringLiteral Name;
  bool Default;
  bool Owner::*Flag;
};

/// Reads each flag of \p Flags into \p O: Get(name, default) returns the
/// option's value (a check's Options.get).
template <typename Owner, typename GetFn>
void readFlagOptions(Owner &O, llvm::ArrayRef<FlagOption<Owner>> Flags,
                     GetFn Get) {
  for (const FlagOption<Owner> &F : Flags)
    O.*F.Flag = Get(F.Name, F.Default);
}

/// Hands each flag of \p Flags in \p O to Store(name, value) (a check's
/// Options.store).
template <typename Owner, typename StoreFn>
void storeFlagOptions(const Owner &O, llvm::ArrayRef<FlagOption<Owner>> Flags,
                      StoreFn Store) {
  for (const FlagOption<Owner> &F : Flags)
    Store(F.Name, O.*F.Flag);
}

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FLAGOPTIONS_H

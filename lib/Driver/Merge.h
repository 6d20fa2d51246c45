//===--- Merge.h - async-lint -----------------------------------*- C++ -*-===//
//
// `async-lint merge [--format=json|sarif] [--output=FILE] REPORT...`: one
// report from the JSON or SARIF reports of shards. A finding that several
// shards report (a header's, seen by units of each) is reported once, with
// the units of all; shards analyse disjoint units, so the units add up.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_MERGE_H
#define ASYNC_LINT_DRIVER_MERGE_H

#include "llvm/ADT/ArrayRef.h"

namespace async_lint {

/// Runs `async-lint merge` with the arguments after `merge`; the exit
/// status (Driver.h).
int runMerge(llvm::ArrayRef<const char *> Args);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_MERGE_H

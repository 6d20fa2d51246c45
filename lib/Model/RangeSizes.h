//===--- RangeSizes.h - async-lint ------------------------------*- C++ -*-===//
//
// How many elements a range has, as far as the code shows: a count read
// from a range (`r.size()`, `std::size(r)`, a local made from one), and
// whether that range's size is fixed before the program runs (an array, a
// std::array, a span of static extent, a local made from a braced list or
// from constants) or grows with the input.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_RANGESIZES_H
#define ASYNC_LINT_MODEL_RANGESIZES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// The range whose element count \p E is: `r.size()`, `r.length()`,
/// `std::size(r)`, `std::ssize(r)`, `std::ranges::size(r)`, or a local
/// variable initialised from one of them. Null when \p E is no such count.
const Expr *countedRange(const Expr *E);

/// True when the range \p Range has a number of elements fixed by its type
/// or by how it was made: an array, a std::array, a std::span of static
/// extent, an initializer list, or a local variable (not a parameter)
/// initialised from a braced list or from a count that is a constant
/// (`std::vector<int> v(4)`).
bool fixedExtent(const Expr *Range, ASTContext &Ctx);

/// True when the range \p Range may grow with the program's input, as far
/// as this unit shows: anything but a data member, and a data member only
/// when a member function of its class other than a constructor, defined
/// here, adds to it or assigns it (`peers.push_back(p)` in `add_peer`). A
/// member filled only by the set-up members (SetupMembers.h: the
/// constructors, a start() guarded against a second run, private helpers
/// only they call; a pool of io_contexts made once, a server's listening
/// sockets) has the size the object was made with.
bool growsWithInput(const Expr *Range);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_RANGESIZES_H

//===--- SetupMembers.h - async-lint ----------------------------*- C++ -*-===//
//
// The members of a class that set an object up: its constructors, a member
// guarded against a second run (`if (flag_ != stat::init) return ...;` and
// later `flag_ = stat::started;`, with no member of the class setting the
// flag back), and a private member called only by set-up members. What they
// do happens a fixed number of times per object, not once per request.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SETUPMEMBERS_H
#define ASYNC_LINT_MODEL_SETUPMEMBERS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

/// True when \p Method changes \p Field only while the object is set up
/// (runs at most once per object): a constructor; a member whose body tests
/// a data member F in an `if` that leaves it (`if (F != V) return;`, `if
/// (F) return;`), where nothing up to the end of that `if` may change
/// \p Field (a store to it, a non-const call on it, a call of a member of
/// the class whose body mentions it, calls a non-const member or is not in
/// sight), that assigns F itself, and whose class assigns F nowhere
/// outside its constructors a value that lets the guard through (V, false);
/// or a private member (not a template's, not virtual) that members of its
/// class mention only in direct calls, outside lambdas, each from a set-up
/// member (three levels of such calls).
bool setUpMember(const CXXMethodDecl &Method, const FieldDecl &Field,
                 unsigned Depth = 0);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SETUPMEMBERS_H

//===--- DetachedLambdas.h - async-lint -------------------------*- C++ -*-===//
//
// Whether a coroutine lambda that captures 'this' may outlive the object:
// its task runs detached, and nothing ties the object's life to it (a
// captured shared_ptr or weak_ptr, a call of an owner function such as
// shared_from_this(), an executor or scope the object owns).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DETACHEDLAMBDAS_H
#define ASYNC_LINT_MODEL_DETACHEDLAMBDAS_H

#include "CaptureUses.h"
#include <optional>

namespace clang::tidy::async::model {

/// A coroutine lambda capturing 'this' that a member function starts
/// detached, with nothing that keeps the object alive.
struct DetachedThis {
  TaskFate Fate;
  const Stmt *Use = nullptr;
  bool FromStart = false;
};

/// The answers for a unit, memoised per member function. Calls of
/// \p OwnerFunctions take a reference that keeps an object alive.
class DetachedLambdas {
public:
  DetachedLambdas(const NameMatcher &OwnerFunctions, CaptureUses &Uses)
      : OwnerFunctions(OwnerFunctions), Uses(Uses) {}

  /// The first use of 'this' by the coroutine lambda \p Op, created in the
  /// function of body \p EnclBody, when its task (of fate \p F; lazy from
  /// the start with \p FromStart) runs detached and nothing ties the object
  /// to it; null otherwise.
  const CXXThisExpr *unownedThisUse(const CXXMethodDecl &Op, const TaskFate &F,
                                    bool FromStart, const Stmt &EnclBody,
                                    const LibraryAnalyses &A);
  /// What the member function \p M starts detached on '*this': a lambda
  /// handed over as a function object, or called at once. Null when
  /// nothing.
  const DetachedThis *detachedThis(const CXXMethodDecl &M,
                                   const LibraryAnalyses &A);
  void clear() { Found.clear(); }

private:
  const NameMatcher &OwnerFunctions;
  CaptureUses &Uses;
  llvm::DenseMap<const FunctionDecl *, std::optional<DetachedThis>> Found;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DETACHEDLAMBDAS_H

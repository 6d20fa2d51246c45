//===--- DanglingReferenceCheck.h - async-lint ------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H
#define ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H

#include "../Model/ContainerModifications.h"
#include "../Model/DeclaredCoroutines.h"
#include "../Model/DetachedObjects.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds reference, pointer and view parameters of coroutines whose referent
/// dies while the coroutine still uses it.
///
/// Its rules: call-site lifetimes, of coroutines defined here or only
/// declared (DanglingReferenceCalls.cpp) and through wrappers
/// (DanglingReferenceWrappers.cpp); references into an awaited temporary
/// (DanglingReferenceAwaits.cpp); references into a member, namespace-scope
/// or static container that other code modifies while the coroutine is
/// suspended, and '*this' reached after a suspension without checking a weak
/// reference (DanglingReferenceElements.cpp). The facts are the model's.
class DanglingReferenceCheck : public AsyncCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  using Call = model::CoroutineCall;
  /// The session's analyses under this check's library lists.
  model::LibraryAnalyses analyses();
  bool refersThrough(const ParmVarDecl &Param) const {
    return model::refersThrough(Param, ViewTypes, ReferenceWrappers);
  }

  // DanglingReferenceCalls.cpp.
  void checkCall(const CallExpr &Call, const FunctionDecl &Coro,
                 CheckedFunction &Caller);
  void checkArgument(const Call &C, unsigned Index, const Expr &Arg);
  bool checkObject(const Call &C, const Expr &Object);
  void checkDetachedThis(const Call &C, const Expr &Object);
  void checkDeclaredArgument(const Call &C, unsigned Index, const Expr &Arg);
  void checkDeclaredObject(const Call &C, const Expr &Object);
  void addNotes(const Call &C, const model::TaskFate &F,
                const model::Referent &R, SourceLocation Dies, const Stmt *Use,
                StringRef UseName);
  void declaredBorrowNote(const Call &C, model::Borrow B);
  void checkStrictParameters(CheckedFunction &F);
  void checkDetachingCalls(CheckedFunction &F);

  // DanglingReferenceWrappers.cpp.
  void checkWrapperCall(const CallExpr &Call, const FunctionDecl &Callee,
                        CheckedFunction &Caller);
  void checkForwarded(const CallExpr &Call, CheckedFunction &Caller,
                      const FunctionDecl &Wrapper, int Index,
                      const ParmVarDecl *Outer, const Expr &At, bool Erased);

  // DanglingReferenceAwaits.cpp.
  void checkAwaitedReferences(CheckedFunction &F);
  void checkAwaitResultParts(CheckedFunction &F);

  // DanglingReferenceElements.cpp.
  /// References, pointers, iterators and views into a member or shared
  /// container (and range-for loops over one) held across a suspension.
  void checkContainerHolds(CheckedFunction &F);
  void reportHeldAcross(CheckedFunction &F, const VarDecl &Var,
                        const DeclStmt &Declaration, const ValueDecl &Container,
                        model::Held H, const CXXForRangeStmt *Loop = nullptr);
  void checkWeakSelf(CheckedFunction &F);

  const model::NameMatcher OwnerFunctions;
  const model::NameMatcher ViewTypes;
  const model::NameMatcher FunctionWrappers;
  const bool ReferenceWrappers;
  const bool StrictParameters;
  /// Also report a member coroutine spawned detached on '*this' of a class
  /// that is not made to be shared, where nothing ties the object to the
  /// task (Rust's 'static, without evidence of who owns the object).
  const bool StrictDetachedThis;
  const bool OpaqueAwaitResults;
  const bool DeclaredEagerTemporaries;
  model::LateParameterUses LateUses;
  model::DeclaredCoroutines Declared;
  model::ContainerModifications Modifications;
  model::DetachedObjects Detached{OwnerFunctions, LateUses};
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H

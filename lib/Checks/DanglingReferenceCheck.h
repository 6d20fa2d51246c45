//===--- DanglingReferenceCheck.h - async-lint ------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H
#define ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H

#include "../Model/ContainerInvalidation.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace clang::tidy::async {

/// The first statement that may invalidate, per container and what is held
/// into it (model::Held).
template <class D>
using HeldModifications =
    llvm::DenseMap<std::pair<const D *, int>, const Stmt *>;

/// Finds reference, pointer and view parameters of coroutines whose referent
/// dies while the coroutine still uses it.
///
/// Its rules, one file each: call-site lifetimes (DanglingReferenceCalls.cpp),
/// references into an awaited temporary (DanglingReferenceAwaits.cpp), and
/// references into a member, namespace-scope or static container that other
/// code modifies while the coroutine is suspended
/// (DanglingReferenceElements.cpp), and '*this' reached after a suspension
/// without checking a weak reference (DanglingReferenceThis.cpp).
class DanglingReferenceCheck : public AsyncCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  struct CoroutineCall;

  /// A parameter (or, with index -1, the object of a member coroutine)
  /// through which a coroutine refers to something of its caller's.
  bool refersThrough(const ParmVarDecl &Param) const;
  /// The first use of parameter \p Index (-1: 'this') of \p Coro that may
  /// run after the coroutine has suspended; null when there is none.
  const Stmt *firstLateUse(const FunctionDecl &Coro, int Index,
                           ASTContext &Ctx);
  /// True when every suspension point of the body of \p Coro is a co_await
  /// on a result its own path facts show ready there (none can suspend).
  bool awaitsOnlyReady(const FunctionDecl &Coro, ASTContext &Ctx);

  // Call-site lifetimes (DanglingReferenceCalls.cpp).
  void checkCalls(CheckedFunction &F);
  void checkCall(const CallExpr &Call, const FunctionDecl &Coro,
                 CheckedFunction &Caller);
  /// What the argument \p Arg for \p Param refers to (through a pointer or
  /// view parameter, what it points into).
  static model::Referent referentOf(const ParmVarDecl &Param, const Expr &Arg);
  /// The fate of the task \p C creates and where \p R dies before it is
  /// done, the first time \p Arg is reported; std::nullopt when \p R lives
  /// long enough or \p Arg was reported already.
  struct ArgumentDeath {
    model::TaskFate Fate;
    SourceLocation Dies;
  };
  std::optional<ArgumentDeath> diesBeforeTask(const CoroutineCall &C,
                                              const model::Referent &R,
                                              const Expr &Arg);
  /// The argument for parameter \p Index dies before the task is done.
  void checkArgument(const CoroutineCall &C, unsigned Index, const Expr &Arg);
  /// The object of a member coroutine is a temporary or a local that dies
  /// before the task is done; false when it is neither.
  bool checkObject(const CoroutineCall &C, const Expr &Object);
  /// A member coroutine runs detached on '*this' of a shared-owned class,
  /// or on an object that the caller's smart pointer or local owns.
  void checkDetachedThis(const CoroutineCall &C, const Expr &Object);
  void addNotes(const CoroutineCall &C, const model::TaskFate &F,
                const model::Referent &R, SourceLocation Dies, const Stmt *Use,
                StringRef UseName);
  /// With StrictParameters: any referring parameter used after a suspension.
  void checkStrictParameters(CheckedFunction &F);

  // Declared coroutines (DanglingReferenceCalls.cpp): a callee whose body is
  // not in the translation unit, judged by its declared task type.
  /// What a declared coroutine is known to do with a referring parameter.
  enum class Borrow { Unknown, Lazy, CoroLifetimebound, Lifetimebound };
  /// The callee of \p Call when it has no body here, returns a task type
  /// and is none of the library's spawns, combinators or waits; else null.
  const FunctionDecl *declaredCoroutine(const CallExpr &Call);
  /// \p Callee returns a new task by value and does not opt out of Clang's
  /// coroutine lifetime analysis (memoised per declaration).
  bool returnsNewTask(const FunctionDecl &Callee);
  llvm::DenseMap<const FunctionDecl *, bool> ReturnsNewTask;
  /// Why the declared coroutine of \p C borrows \p Param (null: its
  /// implicit object): lifetimebound, coro_lifetimebound, or a lazy task.
  Borrow borrowOf(const CoroutineCall &C, const ParmVarDecl *Param) const;
  /// The argument for parameter \p Index of a declared coroutine dies
  /// before its task may be done with it.
  void checkDeclaredArgument(const CoroutineCall &C, unsigned Index,
                             const Expr &Arg);
  /// The object a declared member coroutine is called on (its implicit
  /// reference parameter) dies before its task may be done with it.
  void checkDeclaredObject(const CoroutineCall &C, const Expr &Object);
  /// The note at a declared coroutine that says why it borrows.
  void declaredBorrowNote(const CoroutineCall &C, Borrow B);

  // Wrappers (DanglingReferenceWrappers.cpp): a function, lambda or
  // type-erased function object that hands its parameter on to a coroutine.
  void checkWrapperCall(const CallExpr &Call, const FunctionDecl &Callee,
                        CheckedFunction &Caller);
  void checkForwarded(const CallExpr &Call, CheckedFunction &Caller,
                      const FunctionDecl &Wrapper, int Index,
                      const ParmVarDecl *Outer, const Expr &At, bool Erased);

  // Awaited references (DanglingReferenceAwaits.cpp).
  void checkAwaitedReferences(CheckedFunction &F);
  // Parts of an awaited result (DanglingReferenceAwaitResult.cpp).
  void checkAwaitResultParts(CheckedFunction &F);
  void checkAwaitResultBinding(const VarDecl &VD, CheckedFunction &F);
  /// \p Await is on a temporary, and its result is a reference into it
  /// (or, with OpaqueAwaitResults, one its await_resume does not show).
  bool resultDiesWithTemporary(const CoawaitExpr *Await) const;

  // Container invalidation (DanglingReferenceElements.cpp).
  /// References, pointers and iterators into a member container, used
  /// after a suspension while other code of the class modifies it.
  void checkElementReferences(CheckedFunction &F);
  /// A statement of \p Field's class that may invalidate what \p H stands
  /// for into it, or null.
  const Stmt *modificationOf(const FieldDecl &Field, model::Held H);

  // References into shared containers (DanglingReferenceElements.cpp).
  /// A statement of the translation unit that may invalidate what \p H
  /// stands for into the namespace-scope or static container \p Var, or
  /// null. The first question walks the translation unit once, for every
  /// such container.
  const Stmt *modificationOfShared(const VarDecl &Var, model::Held H,
                                   ASTContext &Ctx);

  // Views, range-for loops and the report (DanglingReferenceContainers.cpp).
  /// Views (string_view, span) into a container, and range-for loops over
  /// one, held across a suspension while other code modifies it.
  void checkContainerViews(CheckedFunction &F);
  /// Reports \p Var (declared by \p Declaration), which holds \p H into
  /// \p Container, when it is used after a suspension point, with no new
  /// value since, while other code may invalidate it. \p Loop: \p Var is
  /// the hidden iterator of that range-for loop.
  void reportHeldAcross(CheckedFunction &F, const VarDecl &Var,
                        const DeclStmt &Declaration, const ValueDecl &Container,
                        model::Held H, const CXXForRangeStmt *Loop = nullptr);
  /// The modification that may invalidate \p H into \p Container.
  const Stmt *invalidationOf(const ValueDecl &Container, model::Held H,
                             ASTContext &Ctx);

  // Detached owners (DanglingReferenceCalls.cpp).
  /// A member coroutine a member function spawns detached on '*this', with
  /// nothing that keeps the object alive, and its first late use of it.
  struct DetachedSelf {
    const FunctionDecl *Coro = nullptr;
    model::TaskFate Fate;
    const Stmt *Use = nullptr;
    bool Lazy = false;
  };
  /// The first use of the object by the task \p C creates, when the task
  /// runs detached and nothing ties the object's life to it (a
  /// shared_ptr or shared_from_this() handed over or taken by the
  /// coroutine, an executor or scope the object owns); null otherwise.
  const Stmt *unownedDetachedUse(const CoroutineCall &C,
                                 const model::TaskFate &F);
  /// What the member function \p M detaches on '*this' (memoised).
  const DetachedSelf *detachedSelf(const CXXMethodDecl &M, ASTContext &Ctx);
  /// Calls of member functions that detach a task on their object, made on
  /// an object that the calling function destroys while the task runs.
  void checkDetachingCalls(CheckedFunction &F);

  // '*this' behind a weak reference (DanglingReferenceThis.cpp).
  /// A member coroutine holding a weak reference to its object reaches the
  /// object after a suspension without checking the reference since.
  void checkWeakSelf(CheckedFunction &F);
  /// Where a member function of its class spawns \p Coro detached on
  /// '*this'; invalid when none does (memoised).
  SourceLocation detachedSpawnOf(const CXXMethodDecl &Coro, ASTContext &Ctx);
  llvm::DenseMap<const CXXMethodDecl *, SourceLocation> DetachedSpawns;
  /// \p Coro takes a reference to its object itself ('auto self =
  /// shared_from_this();') in time: before it may first suspend, or holding
  /// it across every suspension after which it reaches '*this'; a member
  /// coroutine holding a weak reference to its object counts (checkWeakSelf
  /// judges it). Memoised.
  bool takesOwner(const FunctionDecl &Coro);

  const model::NameMatcher OwnerFunctions;
  llvm::DenseMap<const FunctionDecl *, std::optional<DetachedSelf>>
      DetachedSelves;
  llvm::DenseMap<const FunctionDecl *, bool> TakesOwner;
  /// How many helpers deep detachedSelf is.
  unsigned HelperDepth = 0;

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
  llvm::DenseMap<std::pair<const FunctionDecl *, int>, const Stmt *> LateUses;
  HeldModifications<FieldDecl> Modifications;
  HeldModifications<VarDecl> SharedModified;
  bool SharedWalked = false;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H

//===--- ThreadAffinityCheck.h - async-lint ---------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_THREADAFFINITYCHECK_H
#define ASYNC_LINT_CHECKS_THREADAFFINITYCHECK_H

#include "../Model/NameMatcher.h"
#include "../Model/ResumeThread.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace clang::tidy::async {

/// Finds thread-bound state (a thread_local's address, a thread id, a guard
/// recording per-thread state) carried across a suspension point after which
/// the coroutine may resume on another thread.
class ThreadAffinityCheck : public AsyncCheck {
public:
  ThreadAffinityCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  /// What a variable was given that belongs to the thread that ran it.
  struct Taking {
    enum KindType { Address, Reference, ThreadId } Kind;
    /// The thread_local, or the function that handed the state out.
    const NamedDecl *Source;
    /// Where it was taken.
    const Expr *Where;
  };
  /// What a guard's constructor captures and its destructor uses.
  struct GuardCapture {
    const FieldDecl *Field = nullptr;
    const Expr *Capture = nullptr;
    const Stmt *DestructorUse = nullptr;
  };

  /// Mentions of the function's locals that do not read what a variable
  /// holds: the targets of assignments; and mentions of a thread id that
  /// mean the thread it names: compared with the id fetched again, or
  /// handed to what the coroutine awaits.
  struct Uses {
    llvm::DenseSet<const DeclRefExpr *> Written;
    llvm::DenseSet<const DeclRefExpr *> Compared;
  };

  // Locals holding thread-bound state (ThreadAffinityCheck.cpp).
  /// The thread_local an lvalue names (through members, elements and calls
  /// of functions that return a thread_local by reference); null otherwise.
  const VarDecl *threadLocalOf(const Expr *E);
  /// The thread_local whose address (or first element) the pointer \p E is.
  const VarDecl *addressedThreadLocal(const Expr *E);
  /// The thread_local that the visible function \p FD returns (by reference
  /// or address) on every return; null otherwise. Memoised.
  const VarDecl *returnedThreadLocal(const FunctionDecl &FD);
  /// The first call within \p E (its own code) of a function \p List names.
  static const Expr *listedCallIn(const Stmt *E,
                                  const model::NameMatcher &List);
  /// What \p Init gives a variable of type \p T that is bound to the
  /// thread; \p Ids are the locals known to hold values computed from a
  /// thread id.
  std::optional<Taking> takingOf(const Expr *Init, QualType T,
                                 const llvm::DenseSet<const VarDecl *> &Ids);
  /// True when \p E calls a ThreadIdFunctions function, or names a local
  /// initialised by such a call.
  bool fetchesThreadId(const Expr *E) const;
  Uses usesIn(CheckedFunction &F);
  void checkTaking(CheckedFunction &F, const VarDecl &Var, const Stmt &From,
                   const Taking &T, const Uses &U);
  void checkLocals(CheckedFunction &F);
  /// The note at the suspension after which the coroutine may resume on
  /// another thread, with its evidence (shared by the locals' and the
  /// guards' findings).
  void noteResumesElsewhere(const CoroutineSuspendExpr &Suspension);
  /// True when a finding may rest on \p Suspension: the code shows that the
  /// coroutine may resume on another thread after it, or StrictResumeThread
  /// is on. Memoised.
  bool movesThread(const CoroutineSuspendExpr &Suspension);
  /// The first use of \p Var (\p IsUse) after a suspension that
  /// movesThread, on a path from \p From that \p Ends does not stop.
  model::LateUse firstUseAfterMove(CheckedFunction &F, const Stmt &From,
                                   llvm::function_ref<bool(const Stmt &)> IsUse,
                                   llvm::function_ref<bool(const Stmt &)> Ends);

  // Guards capturing per-thread state (ThreadAffinityGuards.cpp).
  /// The per-thread state \p Init captures into a field; null otherwise.
  const Expr *perThreadCapture(const Expr *Init, QualType FieldType);
  /// What the constructor \p Ctor captures that the destructor uses.
  std::optional<GuardCapture> captureOf(const CXXConstructorDecl &Ctor);
  /// What the object \p Var is initialised by captures; nullopt when it
  /// captures nothing its destructor uses. Memoised per constructor.
  std::optional<GuardCapture> guardOf(const VarDecl &Var);
  void checkGuards(CheckedFunction &F);

  /// Functions the check does not judge.
  const model::NameMatcher IgnoredFunctions;
  /// Coroutine types whose coroutines always resume on the thread they
  /// started on; their coroutines are not judged.
  const model::NameMatcher SameThreadTaskTypes;
  /// Functions that return a pointer or reference to state of the thread
  /// that calls them.
  const model::NameMatcher ThreadAffineFunctions;
  /// Functions whose result identifies the thread that calls them.
  const model::NameMatcher ThreadIdFunctions;
  /// Functions whose result is a per-thread value a guard may record.
  const model::NameMatcher PerThreadValueFunctions;
  /// Functions whose awaited result resumes the coroutine on another
  /// executor or on a pool's thread.
  const model::NameMatcher ResumeElsewhereFunctions;
  /// Types whose construction runs a function object on a new thread.
  const model::NameMatcher ThreadTypes;
  /// Report at every suspension that can suspend, without evidence that the
  /// coroutine may move there (the reading before evidence was required).
  const bool StrictResumeThread;

  model::ResumeThread Resume;
  llvm::DenseMap<const CoroutineSuspendExpr *, model::ResumeEvidence> Evidence;

  llvm::DenseMap<const FunctionDecl *, const VarDecl *> ReturnedThreadLocals;
  llvm::DenseMap<const CXXConstructorDecl *, std::optional<GuardCapture>>
      Captures;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_THREADAFFINITYCHECK_H

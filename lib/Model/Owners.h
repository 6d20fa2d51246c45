//===--- Owners.h - async-lint ----------------------------------*- C++ -*-===//
//
// What keeps an object alive while a detached task uses it ('static' in
// Rust's terms): a strong or weak reference the task holds (a shared_ptr, a
// shared_from_this() copy), an executor or scope the object owns itself (it
// dies with the object), a destructor that may join, or, at a call site, the
// variable that owns the object the call is made on.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_OWNERS_H
#define ASYNC_LINT_MODEL_OWNERS_H

#include "CoroutineModel.h"
#include "NameMatcher.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

/// True for std::shared_ptr or std::weak_ptr (or a reference to one).
bool isSharedOrWeakPtrType(QualType T);

/// True when \p E holds a strong or weak reference to an object: its type
/// is std::shared_ptr or std::weak_ptr, or it calls one of \p OwnerFunctions
/// (shared_from_this(), weak_from_this(), get_strong()).
bool holdsReference(const Expr &E, const NameMatcher &OwnerFunctions);

/// The first call of one of \p OwnerFunctions in \p Body (its own
/// statements, not nested lambdas); null when there is none.
const Stmt *firstOwnerCall(const Stmt *Body, const NameMatcher &OwnerFunctions);

/// The member of '*this' that \p E mentions and that the object owns
/// outright: held by value, of a class that cannot be copied (an
/// io_context, a thread pool, a scope or gate that joins its tasks). Work
/// handed to it dies with the object. Null when there is none.
const FieldDecl *ownedMemberIn(const Expr &E);

/// True when the spawn (a call of one of \p SpawnFunctions) that starts at
/// \p Where in \p Body hands over something that keeps an object alive
/// (holdsReference), or runs on an executor or scope the object owns
/// (ownedMemberIn).
bool spawnKeepsObject(const Stmt &Body, SourceLocation Where,
                      const NameMatcher &SpawnFunctions,
                      const NameMatcher &OwnerFunctions);

/// True when destroying an object of \p RD may wait for its work: its
/// destructor is user-provided and either not defined here or not empty, or
/// it owns outright (by value, not copyable) a member whose destructor is
/// (a std::jthread, a thread pool, a scope that joins).
bool mayJoinOnDestruction(const CXXRecordDecl *RD);

/// Who keeps alive the object a member function is called on, as the
/// calling function shows it.
struct ObjectOwner {
  enum class Kind {
    /// Not shown here ('this', a reference, a pointer from elsewhere).
    Unknown,
    /// A temporary (or a temporary smart pointer) of the full expression.
    Temporary,
    /// A local of the calling function: the object itself, or the smart
    /// pointer that alone owns it (only ever dereferenced), or the object a
    /// local raw pointer was made to point to.
    Local,
    /// Lives as long as the program: a global or static, or leaked ('new'
    /// into a raw pointer).
    Lasting,
  };
  Kind What = Kind::Unknown;
  const VarDecl *Var = nullptr;
};

/// The owner of the object \p Object (the implicit object argument of a
/// member call written in \p CallerBody) denotes.
ObjectOwner ownerOfObject(const Expr &Object, const Stmt &CallerBody);

class TaskFlow;

/// True when the function whose body is \p Body may wait, after \p After
/// and before \p Before, for the work of the object \p Owner owns: it
/// awaits something that mentions the owner, calls a member function of the
/// object that is not const (a close or join of its own), or calls one of
/// \p Waits (a join of a task or future). Whoever waits may outlast the
/// task, so nothing is claimed.
bool mayWaitForObject(const Stmt &Body, const VarDecl *Owner,
                      SourceLocation After, SourceLocation Before,
                      const NameMatcher &Waits, const SourceManager &SM);

/// True when the function whose body is \p Body keeps an executor as a
/// local: an object of a class with a member function among \p Runs (an
/// io_context, a thread pool). Work left on it ends with the function, which
/// runs it, hands it to a helper that does, or destroys it unrun.
bool keepsLocalExecutor(const Stmt &Body, const NameMatcher &Runs);

/// Where the object of \p Call (a member call of the function whose body is
/// \p Body and whose task flow is \p Flow) dies while a task that the call
/// left running on an executor may still use it, and who owned it. Invalid
/// when its owner is not shown, or it lives long enough: the function runs
/// the executor to completion first, or keeps the executor as a local (see
/// keepsLocalExecutor, with \p Runs), or the object's class may join when
/// destroyed.
struct OwnerDeath {
  ObjectOwner Owner;
  SourceLocation Dies;
};
OwnerDeath ownerDiesDuringTask(const CXXMemberCallExpr &Call, const Stmt &Body,
                               const TaskFlow &Flow, const NameMatcher &Runs);

/// A call of a member function on an object that the calling function
/// destroys while a task the member leaves running may still use it.
struct DetachingCall {
  const CXXMemberCallExpr &Call;
  const CXXMethodDecl &Method;
  OwnerDeath Death;
};

/// Calls \p Report for every member call in \p Body (of the function whose
/// task flow \p Flow returns, asked only once such a call is found: most
/// functions have none) whose defined callee \p Detaches (leaves a task
/// running on '*this'), made on an object that dies while that task runs:
/// not for a shared-owned class (reported where it detaches) nor one that
/// may join when destroyed, and not where the caller may wait for the
/// object's work after the call (ownerDiesDuringTask, mayWaitForObject; the
/// executors it may run are \p Runs, the joins \p Joins).
void forEachDetachingCall(
    const Stmt &Body, llvm::function_ref<const TaskFlow &()> Flow,
    const NameMatcher &Runs, const NameMatcher &Joins, const SourceManager &SM,
    llvm::function_ref<bool(const CXXMethodDecl &)> Detaches,
    llvm::function_ref<void(const DetachingCall &)> Report,
    const OwnStmts *Own = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_OWNERS_H

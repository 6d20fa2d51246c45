//===--- ThrowFinder.h - async-lint -----------------------------*- C++ -*-===//
//
// The walk behind firstEscapingThrow (EscapingThrows.h): a private header of
// the model, shared by EscapingThrows.cpp (the walk over a body: blocks, try
// blocks, branches, what escapes) and ThrowingCalls.cpp (whether a call or
// an await throws).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_THROWFINDER_H
#define ASYNC_LINT_MODEL_THROWFINDER_H

#include "EscapingThrows.h"
#include "VariantAlternatives.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model::throws {

/// True when the handler catches every exception a library throws.
bool catchesAll(const CXXCatchStmt &Handler);

/// True for a member of the object (m_state, this->p) or a parameter.
bool isOwnStateOrParameter(const Expr *E);

/// True when \p Cond tests that a member of the object or a parameter is
/// empty or null: !m_state, !static_cast<bool>(p), p == nullptr.
bool testsEmptiness(const Expr *Cond);

/// True when \p S is only a throw: `throw X;` or `{ throw X; }`.
bool onlyThrows(const Stmt *S);

/// True when \p Throw throws an exception of a class \p Listed names
/// (PreconditionExceptions): the class itself, not one derived from it,
/// compared by canonical declaration through aliases on either side.
bool throwsListedClass(const CXXThrowExpr &Throw, const NameMatcher *Listed,
                       ASTContext &Ctx);

/// \p S without attributes ([[likely]]) and one-statement braces.
const Stmt *bare(const Stmt *S);

/// The types an escaping point may throw: classes, compared by canonical
/// declaration, and whether it may also throw something not known.
struct ThrownTypes {
  llvm::SmallPtrSet<const CXXRecordDecl *, 4> Records;
  bool Unknown = false;
  void merge(const ThrownTypes &Other) {
    Records.insert(Other.Records.begin(), Other.Records.end());
    Unknown |= Other.Unknown;
  }
  static ThrownTypes unknown() {
    ThrownTypes T;
    T.Unknown = true;
    return T;
  }
};

class ThrowFinder {
public:
  ThrowFinder(const ThrowPolicy &Policy, ASTContext &Ctx, unsigned Depth,
              bool InputsRethrown = false)
      : Policy(Policy), Ctx(Ctx), CallDepth(Depth),
        InputsRethrown(InputsRethrown) {}

  /// The escaping points of \p S by kind: a throw, an await, a call.
  const Stmt *First[3] = {nullptr, nullptr, nullptr};

  void find(const Stmt *S, unsigned Depth = 0);

  /// A throw expression escapes, but not, in a combinator, the rethrow of a
  /// combined task's exception_ptr, nor, in a called function, a throw of a
  /// precondition exception (PreconditionExceptions).
  void findInThrow(const CXXThrowExpr &Throw);

  /// A try block's throws escape unless a handler catches everything or,
  /// for a throw whose types are all known, one of them (catch of
  /// std::runtime_error around code that throws only runtime_error); the
  /// handlers' own throws escape.
  void findInTry(const CXXTryStmt &Try, unsigned Depth);

  /// The statements of a block in order; what an assertion (ASIO_CHECK,
  /// assert, an assert-like function) or an early exit states of a variant's
  /// alternative holds for the statements after it, until one changes the
  /// variant, and ends with the block.
  void findInBlock(const CompoundStmt &Block, unsigned Depth);

  /// What the statement \p S, once passed, states of variants.
  void learnFrom(const Stmt &S);

  void findInIf(const IfStmt &If, unsigned Depth);

  const Stmt *result() const {
    for (const Stmt *S : First)
      if (S)
        return S;
    return nullptr;
  }

  /// In collecting mode, the types of every escaping point go here.
  ThrownTypes *Collect = nullptr;
  /// When set, the awaits of a coroutine this unit only declares (whose
  /// task throws what its body throws, unknown here) outside any try block
  /// go here (escapingDeclaredAwaits).
  llvm::SmallVectorImpl<const CoroutineSuspendExpr *> *DeclaredAwaits = nullptr;

private:
  void record(unsigned Kind, const Stmt *S);

  /// True when a handler of an enclosing try block of this body catches
  /// every type \p Types holds; a throw of a type not known is caught only
  /// by a handler that catches everything (those try blocks are not
  /// searched at all).
  bool covered(const ThrownTypes &Types) const;

  /// The types the escaping point \p S of kind \p Kind may throw.
  ThrownTypes typesOf(unsigned Kind, const Stmt &S);

  /// The types the visible body of \p Fn (user code) may throw; not known
  /// when it is not visible or too deep.
  ThrownTypes bodyTypes(const FunctionDecl *Fn);

  /// The types an await may throw: a coroutine's body's; the exception_ptr
  /// an operation on a task reports (asio's coro::async_resume, completion
  /// void(exception_ptr, T)) carries what the task's coroutine throws.
  /// Anything else (an error code turned into system_error, a combination)
  /// is not known.
  ThrownTypes awaitTypes(const CoroutineSuspendExpr &Await);

  /// The variable a value-or-error object \p Cond proves full when it
  /// evaluates to \p Holds: a call of a member the policy's ValueTests
  /// list (o.has_value()) or a conversion to bool when true, of one its
  /// ErrorTests list (o.hasError()) when false; `!` flips.
  const VarDecl *testedForValue(const Expr *Cond, bool Holds) const;

  /// o.value(): a call of a member of the policy's ValueAccessors list.
  bool isValueAccessor(const CXXMemberCallExpr *Member) const;

  /// o.value() where o was tested for a value on the way here.
  bool valueTested(const Expr &E) const;

  /// Forgets what HasValue and KnownIndex know of the variables \p S may
  /// change: an assignment, a non-const member call (other than value(), for
  /// HasValue), a non-const reference argument.
  void forgetWritten(const Stmt *S);

  bool callThrows(const FunctionDecl *Callee, const Expr &E);

  /// A call of a virtual function: the body that runs when the object's
  /// dynamic type is visible; else every body that may run must throw (the
  /// declaration's, which may be a "not implemented" default, and those of
  /// the overriders the translation unit has).
  bool virtualCallThrows(const CXXMethodDecl &Method,
                         const CXXMemberCallExpr &Call);

  /// callThrows for a function that is not dispatched further.
  bool nonVirtualCallThrows(const CXXMethodDecl *Method,
                            const CXXMemberCallExpr &Call);

  /// True when the visible definition of \p Callee, in user code, throws.
  bool bodyThrows(const FunctionDecl *Callee, bool Combinator = false);

  /// Whether awaiting the task \p Call returns throws, when it is a call of a
  /// coroutine or a combination of tasks (when_all, asio's a && b): the
  /// coroutine's own body (in a combinator, less what it rethrows from the
  /// tasks' exception_ptrs) and the tasks it combines, any of them, or all
  /// of them for a combinator that fails only when every task fails (asio's
  /// a || b). Empty when it is neither, or when nothing throws in a
  /// combination the check cannot see into.
  std::optional<bool> taskThrows(const CallExpr &Call, unsigned Depth = 0);

  /// Whether an operation of type \p T reports failure, read from the
  /// completion signature among its template arguments: its first parameter
  /// is an error code or an exception_ptr. Empty when \p T has none.
  static std::optional<bool> signatureReportsFailure(QualType T);

  /// True for a call of an operation whose only failure is cancellation
  /// (CancelOnlyOperations) on a local object that nothing but this
  /// function's own member calls reaches: no reference, pointer or capture
  /// of it, so nothing can cancel the operation while the function waits
  /// for it; the function's own calls run before or after the wait. The
  /// task's own cancellation is not counted: a detached spawn or a plain
  /// handler carries no cancellation slot, and a combinator that cancels
  /// the operation (a || b) receives the failure itself.
  bool uncancellable(const CallExpr &Call) const;

  /// True when every use of \p Var in \p S, nested lambdas included, is
  /// the object of a member call made by \p S itself.
  static bool onlyMemberCallsOn(const Stmt *S, const VarDecl &Var,
                                bool InLambda = false);

  bool awaitThrows(const CoroutineSuspendExpr &Await);

  const ThrowPolicy &Policy;
  ASTContext &Ctx;
  unsigned CallDepth;
  /// The body is a combinator's: what it rethrows from an exception_ptr
  /// comes from the tasks it was given.
  bool InputsRethrown;
  /// Value-or-error objects proven full on the way here: tested by an
  /// enclosing if, or by an if whose other branch left the block.
  llvm::SmallPtrSet<const VarDecl *, 4> HasValue;
  /// Variants known, at the point being searched, to hold an alternative.
  IndexFacts KnownIndex;
  /// The try blocks of this body around the point being searched whose
  /// handlers do not catch everything.
  llvm::SmallVector<const CXXTryStmt *, 2> Trys;
};

} // namespace clang::tidy::async::model::throws

#endif // ASYNC_LINT_MODEL_THROWFINDER_H

//===--- CoroutineCalls.h - async-lint --------------------------*- C++ -*-===//
//
// A call of a coroutine (or of a function that returns a coroutine's task)
// whose task may outlive what the call hands it: what the task's fate is,
// where a referent dies before the task is done, and which of the callee's
// parameters refer to something of the caller's.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_COROUTINECALLS_H
#define ASYNC_LINT_MODEL_COROUTINECALLS_H

#include "Library.h"
#include "TaskFlow.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

class AnalysisSession;

/// Views: a parameter of one of these types refers into what its argument
/// refers to.
constexpr llvm::StringLiteral DefaultViewTypes =
    "::std::basic_string_view;::std::span;::std::initializer_list;"
    "::std::ranges::ref_view;::std::mdspan;::boost::core::basic_string_view;"
    "::boost::span;::absl::string_view;::absl::Span;::folly::Range;"
    "::llvm::StringRef;::llvm::ArrayRef";

/// Type-erased function objects: a call hands its arguments on to the
/// function the object holds.
constexpr llvm::StringLiteral DefaultFunctionWrappers =
    "::std::function;::std::move_only_function;::std::copyable_function;"
    "::folly::Function;::absl::AnyInvocable";

/// A call of the coroutine \p Coro, made in \p CallerBody, whose task flow
/// \p Flow gives (built only when a question needs it).
struct CoroutineCall {
  const CallExpr &Call;
  const FunctionDecl &Coro;
  const Stmt &CallerBody;
  llvm::function_ref<const TaskFlow &()> Flow;
  Laziness Lazy;
  /// Its body is not in this translation unit: judged by its declaration.
  bool Declared = false;

  bool lazy() const { return Lazy == Laziness::Lazy; }
  /// What becomes of the task the call creates.
  TaskFate fate() const { return Flow().fateOf(&Call); }
  /// Where \p R dies before the task (of fate \p F) is done, or invalid.
  SourceLocation dies(const Referent &R, const TaskFate &F) const {
    return Flow().diesBeforeTask(R, &Call, F, Lazy);
  }
};

/// The call \p Call of \p Coro: a coroutine defined here is as lazy as the
/// promise its body uses; one only declared is judged by its type, lazy or
/// eager only when every promise coroutine_traits may pick for that type
/// agrees.
/// \p Session, when given, answers the declared coroutine's laziness from
/// its per-unit memo.
CoroutineCall coroutineCall(const CallExpr &Call, const FunctionDecl &Coro,
                            const Stmt &CallerBody,
                            llvm::function_ref<const TaskFlow &()> Flow,
                            AnalysisSession *Session = nullptr);

/// The object a call of \p Callee is made on, and where the arguments for
/// the callee's parameters start. \p ExplicitObjectOperators: an operator
/// call of a member with an explicit object parameter counts its first
/// argument as the object too.
struct CallObject {
  const Expr *Object = nullptr;
  unsigned Offset = 0;
  /// The callee has an implicit object parameter.
  bool Instance = false;
};
CallObject callObject(const CallExpr &Call, const FunctionDecl &Callee,
                      bool ExplicitObjectOperators);

/// True when \p Param refers to something of the caller's: a reference, a
/// pointer that is not a function pointer, a view (one of \p ViewTypes) or,
/// with \p ReferenceWrappers, a std::reference_wrapper.
bool refersThrough(const ParmVarDecl &Param, const NameMatcher &ViewTypes,
                   bool ReferenceWrappers);

/// True when \p Call is one of \p Lib's spawns, combinators, keep-alive
/// wrappers or waits (which keep their arguments in a frame of their own or
/// take the task over), or cannot be described.
bool isLibraryTaskCall(const CallExpr &Call, const Library &Lib);

/// True when \p Param receives a task or an awaitable: the shape of an
/// adapter (a spawn that returns a join task, a combinator) that takes the
/// task over before it returns, whatever its own laziness.
bool takesTask(const ParmVarDecl &Param);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_COROUTINECALLS_H

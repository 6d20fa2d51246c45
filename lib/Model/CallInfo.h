//===--- CallInfo.h - async-lint --------------------------------*- C++ -*-===//
//
// Which function a call or construction reaches, and every name that library
// knowledge may know it by: a member by its declaring class or by the class
// of the object it is called on, a function object (stdexec::sync_wait,
// folly::coro::blockingWait) by the object's own name.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CALLINFO_H
#define ASYNC_LINT_MODEL_CALLINFO_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::async::model {

struct CallInfo {
  const FunctionDecl *Callee = nullptr;
  /// The type of the object a member function is called on, as written
  /// (before any derived-to-base conversion); null for other calls.
  QualType ObjectType;
  /// The variable that names the called object: a member call's object
  /// (std::cin.get()) or the function object of a call through operator().
  const VarDecl *ObjectVar = nullptr;
  /// The variable passed first to a non-member call or operator
  /// (std::getline(std::cin, s), std::cin >> x).
  const VarDecl *FirstArgVar = nullptr;
  /// Canonical names (see NameMatcher.h): the callee's; the callee's under
  /// the object's class; the function object's.
  llvm::SmallVector<std::string, 3> Names;
};

/// The canonical names of the declarations a unit's calls reach, each made
/// once: the same callee (std::move, a task's constructor, a lock's) is
/// called from many functions, and building a name walks its scopes and
/// allocates. Owned by the unit's AnalysisSession, forgotten with the unit.
class CallNames {
public:
  const std::string &of(const NamedDecl &D);
  void clear() { Names.clear(); }

private:
  llvm::DenseMap<const NamedDecl *, std::string> Names;
};

/// Describes a CallExpr (of any kind) or CXXConstructExpr with a known
/// callee; std::nullopt for anything else. The names come from \p Names
/// when given.
std::optional<CallInfo> describeCall(const Stmt &S, CallNames *Names = nullptr);

class NameMatcher;

/// True when one of the names \p Info knows the call by is in \p List.
bool anyNameMatches(const NameMatcher &List, const CallInfo &Info);

/// \p S when it is a call of a function that \p List names; null otherwise.
const CallExpr *callOfListed(const Stmt &S, const NameMatcher &List);

/// The definition a call or construction runs, when this translation unit
/// has it; null otherwise.
const FunctionDecl *calledDefinition(const Stmt &S);

/// The argument a call or construction passes for the parameter numbered
/// \p ParamIndex of its callee (the object of a member operator call is not
/// a parameter); null when there is none.
const Expr *argumentFor(const Stmt &S, unsigned ParamIndex);

/// The completion token of an asynchronous operation or a spawn: its last
/// argument written (asio appends defaulted constraint parameters); null
/// for a call without arguments.
const Expr *completionToken(const CallExpr &Call);

/// The canonical type name of \p Call's completion token (NameMatcher.h);
/// empty when it has none.
std::string completionTokenName(const CallExpr &Call);

/// The canonical type name of \p Call's completion token when the caller
/// left it to its default argument (asio's default_completion_token_t, which
/// is asio::deferred_t since asio 1.28): the last of the trailing defaulted
/// arguments that is of class type; empty when there is none.
std::string defaultedTokenName(const CallExpr &Call);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CALLINFO_H

//===--- LostExceptions.h - async-lint --------------------------*- C++ -*-===//
//
// Where the exceptions of a task or a thread are lost: a promise of a
// coroutine type nothing awaits that drops them, a function that runs a
// task under such a promise, a spawn that gives the task no error channel,
// a completion handler that ignores the failure it receives, a thread
// function that lets one escape. The lists of library knowledge the
// questions use by default are here too.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LOSTEXCEPTIONS_H
#define ASYNC_LINT_MODEL_LOSTEXCEPTIONS_H

#include "CallInfo.h"
#include "DroppedExceptions.h"
#include "EscapingThrows.h"
#include "Library.h"
#include "ResolvedTypes.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::model {

/// Completion tokens whose operations throw on failure when awaited. asio's
/// deferred (the default token since asio 1.28) throws when the operation
/// is awaited in an awaitable, as use_awaitable does.
constexpr llvm::StringLiteral DefaultThrowingTokens =
    "asio::use_awaitable_t;asio::experimental::use_coro_t;asio::deferred_t";
/// Functions known to throw on failure.
constexpr llvm::StringLiteral DefaultThrowingFunctions =
    "asio::basic_socket_acceptor::basic_socket_acceptor;"
    "asio::basic_socket_acceptor::bind;asio::basic_socket_acceptor::listen;"
    "asio::basic_socket::connect;asio::basic_socket::bind;"
    "asio::basic_socket::open;asio::ip::basic_resolver::resolve;"
    "asio::connect;asio::read;asio::write;asio::read_until;"
    "asio::basic_stream_socket::read_some;asio::basic_stream_socket::write_"
    "some;"
    "::std::stoi;::std::stol;::std::stoll;::std::stoul;::std::stoull;"
    "::std::stof;::std::stod;::std::vector::at;::std::basic_string::at;"
    "::std::map::at;::std::unordered_map::at;::std::future::get;"
    "::std::shared_future::get;::std::rethrow_exception;"
    "::std::optional::value;::std::any_cast;"
    // Not std::function::operator(): its own bad_function_call is a misuse
    // (an empty function), and what its target throws is not followed.
    // std::get of a variant (bad_variant_access); std::get of a tuple, pair
    // or array is noexcept and never counts.
    "::std::get";
/// Value-or-error objects (a value, or the failure its value() throws):
/// the members that test for a value, those that test for a failure, and
/// the value accessors. Under a test that proved a value, value() does not
/// throw.
constexpr llvm::StringLiteral DefaultValueTests =
    "::std::optional::has_value;::std::expected::has_value;"
    "folly::Try::hasValue;folly::Expected::hasValue;tl::expected::has_value";
constexpr llvm::StringLiteral DefaultErrorTests =
    "async_simple::Try::hasError;folly::Try::hasException;"
    "folly::Expected::hasError";
constexpr llvm::StringLiteral DefaultValueAccessors =
    "::std::optional::value;::std::expected::value;async_simple::Try::value;"
    "folly::Try::value;folly::Expected::value;tl::expected::value";
/// Combinators that fail only when every task fails: asio's a || b.
constexpr llvm::StringLiteral DefaultFirstSuccessCombinators =
    "asio::experimental::awaitable_operators::operator||";
/// A timer's wait completes with success when the timer expires and with
/// operation_aborted only when it is cancelled (asio's timer_queue sets no
/// other error), also by expires_after/expires_at or its destruction. A
/// signal set's wait is the same: it completes with the signal number when
/// one arrives, and with operation_aborted only when the set is cancelled
/// or destroyed (signal_set_service delivers no other error).
constexpr llvm::StringLiteral DefaultCancelOnlyOperations =
    "asio::basic_waitable_timer::async_wait;"
    "asio::basic_deadline_timer::async_wait;"
    "asio::basic_signal_set::async_wait";
/// Completion tokens that discard the failure.
constexpr llvm::StringLiteral DefaultDiscardingTokens = "asio::detached_t";
/// libcoro runs what these start in a self-deleting task whose promise
/// drops the exception (task_self_deleting.cpp).
constexpr llvm::StringLiteral DefaultDiscardingSpawnFunctions =
    "::coro::thread_pool::spawn_detached;::coro::scheduler::spawn_detached;"
    "::coro::task_group::start";
/// Exceptions that report a violated precondition: the standard says
/// std::logic_error reports faulty program logic. Its subclasses are not
/// listed: the standard library throws std::invalid_argument and
/// std::out_of_range for bad input (std::stoi), a run-time failure. A
/// library's own logic exception is one too: DPP documents
/// dpp::logic_exception (derived from std::exception, not logic_error) as
/// "an error in logic", and throws it from its settle-once guards ("cannot
/// set a value on a promise that already has one").
constexpr llvm::StringLiteral DefaultPreconditionExceptions =
    "::std::logic_error;::dpp::logic_exception";
/// What a completion handler receives when the operation failed.
constexpr llvm::StringLiteral DefaultFailureTypes =
    "::std::exception_ptr;::async_simple::Try;::folly::Try";

/// True for a coroutine type nothing awaits (not an awaitable, not a
/// synchronous generator, none of \p Lib's task types): its promise is the
/// only place its exceptions can go.
bool nothingAwaits(QualType T, const Library &Lib);

/// An exception of a coroutine lost in its promise.
struct LostInPromise {
  /// The promise's 'unhandled_exception', which drops it.
  const CXXMethodDecl *Swallow = nullptr;
  /// Where an exception escapes the body.
  const Stmt *Throw = nullptr;
};

/// The coroutine \p Coro is of a type nothing awaits, the promise its body
/// uses drops what it throws, and an exception escapes its body (by
/// \p Policy, counting an await of a task handed in as a parameter);
/// std::nullopt otherwise.
std::optional<LostInPromise> lostInPromise(const FunctionDecl &Coro,
                                           const ThrowPolicy &Policy,
                                           const Library &Lib, ASTContext &Ctx);

/// How functions run the tasks their parameters receive with the tasks'
/// exceptions dropped (droppingRun), memoised per parameter for a unit.
class DroppingRuns {
public:
  const std::optional<DroppingRun> &
  of(const FunctionDecl &Fn, const ParmVarDecl &Param, const Library &Lib);
  void clear() { Runs.clear(); }

private:
  llvm::DenseMap<const ParmVarDecl *, std::optional<DroppingRun>> Runs;
};

/// The name of the completion token \p Call is given, seen through the
/// token adaptors of \p Adaptors (class templates whose first argument is
/// the token they wrap and whose handler hands it every completion: asio's
/// cancel_after_t, executor_binder, consign_t): `cancel_after(30s,
/// detached)` is detached_t. \p Adaptor, when given, receives the outermost
/// adaptor's name (empty when the token is not wrapped). Empty when \p Call
/// has no token.
std::string wrappedTokenName(const CallExpr &Call, const NameMatcher *Adaptors,
                             std::string *Adaptor = nullptr);

/// The token \p Call is given, as wrappedTokenName reads it, quoted
/// (`'asio::detached_t'`), and, when adaptors wrap it, a note naming the
/// outermost one (empty otherwise).
struct WrappedTokenText {
  std::string Token;
  std::string AdaptorNote;
};
WrappedTokenText wrappedTokenText(const CallExpr &Call,
                                  const NameMatcher *Adaptors);

/// \p Call (described by \p Info) is one of \p Spawns given a completion
/// token that \p DiscardingTokens names, also wrapped in token adaptors of
/// \p Adaptors (wrappedTokenName): the spawn discards the failure.
bool discardingTokenSpawn(const CallExpr &Call,
                          const std::optional<CallInfo> &Info,
                          const NameMatcher &Spawns,
                          const NameMatcher &DiscardingTokens,
                          const NameMatcher *Adaptors = nullptr);

/// \p Spawn drops the failure of what it starts: a spawn with a discarding
/// token (discardingTokenSpawn), or one of \p DiscardingSpawns, which give
/// it no error channel.
bool dropsFailure(const CallExpr &Spawn, const NameMatcher &Spawns,
                  const NameMatcher &DiscardingTokens,
                  const NameMatcher &DiscardingSpawns,
                  const NameMatcher *Adaptors = nullptr);

/// The coroutine a spawn \p Call starts: the first argument other than
/// \p Token that spawnedCoroutine recognises, else a lambda's call
/// operator (a stackful spawn's function); null when none.
const FunctionDecl *coroutineSpawnedBy(const CallExpr &Call, const Expr *Token);

/// The coroutine whose task a spawn \p Call is handed (an argument, or the
/// object of a member call: task.start()); null when none is seen.
const FunctionDecl *taskSpawnedBy(const CallExpr &Call);

/// The parameter of the completion handler \p Handler that receives the
/// failure (its first, of a type \p FailureTypes names; of a generic
/// lambda, the pattern's when an instantiation says it is one), when the
/// handler never uses it; \p Type receives its type. Null otherwise.
const ParmVarDecl *ignoredFailure(const LambdaExpr &Handler,
                                  ResolvedTypes &FailureTypes, QualType &Type,
                                  ASTContext &Ctx);

/// The body of the function a std::thread or std::jthread \p Construct
/// runs: a lambda's, or a named function's definition; null otherwise.
const Stmt *threadFunctionBody(const CXXConstructExpr &Construct);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOSTEXCEPTIONS_H

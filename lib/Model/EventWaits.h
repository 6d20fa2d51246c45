//===--- EventWaits.h - async-lint ------------------------------*- C++ -*-===//
//
// Awaits of events (events, latches, batons: objects that, awaited, wait
// until other code sets them) and what can set them before the wait ends.
// A wait whose event nothing can reach before the first arrival at it never
// ends: the coroutine's own local event (a wait for itself), or the events
// of two coroutines started together that each set the other's only after
// their own wait (a wait for each other).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EVENTWAITS_H
#define ASYNC_LINT_MODEL_EVENTWAITS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <utility>
#include <vector>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

class NameMatcher;
struct FirstArrival;

// Classes whose object, awaited, waits until some code sets it.
inline constexpr llvm::StringLiteral DefaultEventTypes =
    "::coro::event;::coro::latch;cppcoro::single_consumer_event;"
    "cppcoro::async_manual_reset_event;cppcoro::async_auto_reset_event;"
    "cppcoro::async_latch;folly::coro::Baton";
// Members whose awaited call waits until some code sets their object.
inline constexpr llvm::StringLiteral DefaultEventWaitMembers =
    "async_simple::coro::Latch::wait;seastar::condition_variable::wait;"
    "seastar::condition_variable::when";
// Members that set an event (release its waiters).
inline constexpr llvm::StringLiteral DefaultEventSignalMembers =
    "::coro::event::set;::coro::latch::count_down;"
    "cppcoro::single_consumer_event::set;"
    "cppcoro::async_manual_reset_event::set;"
    "cppcoro::async_auto_reset_event::set;cppcoro::async_latch::count_down;"
    "folly::coro::Baton::post;async_simple::coro::Latch::count_down;"
    "async_simple::coro::Latch::arrive_and_wait;"
    "seastar::condition_variable::signal;"
    "seastar::condition_variable::broadcast";

// Members of a promise that set it (make its future ready).
inline constexpr llvm::StringLiteral DefaultPromiseSetMembers =
    "async_simple::Promise::setValue;async_simple::Promise::setException;"
    "concurrencpp::result_promise::set_result;"
    "concurrencpp::result_promise::set_exception;"
    "concurrencpp::result_promise::set_from_function;"
    "seastar::promise::set_value;seastar::promise::set_exception";

/// Which classes are events, which members wait on one and which set one;
/// which members of a promise make its future and which set it.
struct EventKnowledge {
  const NameMatcher &Types;
  const NameMatcher &WaitMembers;
  const NameMatcher &SignalMembers;
  const NameMatcher &PromiseFutureMembers;
  const NameMatcher &PromiseSetMembers;
};

/// The declaration that names the event \p Point awaits (the object awaited,
/// or the object of an awaited wait member); null when it awaits no event.
const ValueDecl *awaitedEvent(const CoroutineSuspendExpr &Point,
                              const EventKnowledge &Know);

/// The promise whose future \p Point awaits (a call of a
/// PromiseFutureMembers member, awaited directly or through a local future),
/// with that local; {null, null} when it awaits none.
std::pair<const ValueDecl *, const VarDecl *>
awaitedPromise(const CoroutineSuspendExpr &Point, const EventKnowledge &Know);

/// True when \p Var is a non-static local (not a reference) created unset:
/// default arguments only, or one constant that is false (an initial state)
/// or positive (a latch's count).
bool createdUnset(const VarDecl &Var);

/// True when \p S is within \p Within (or is it).
bool isWithin(const Stmt *S, const Stmt &Within);

/// The promise whose future \p Point awaits (an awaited call of a
/// PromiseFutureMembers member, or a local future variable initialised by
/// one) and that future variable (null when the call is awaited directly);
/// {null, null} otherwise.
std::pair<const ValueDecl *, const VarDecl *>
awaitedPromise(const CoroutineSuspendExpr &Point, const EventKnowledge &Know);

/// The declarations that the statements of \p Arrival name (directly or by
/// a lambda capture), outside the statements \p Skip.
std::vector<const ValueDecl *> namedBefore(const FirstArrival &Arrival,
                                           ArrayRef<const Stmt *> Skip);

/// The first call of a \p Setters member in \p Body whose object
/// \p IsEvent accepts and that may run after \p Wait on \p Graph; null
/// when none.
const CXXMemberCallExpr *
signalAfter(const CFG &Graph, const Stmt &Body, const Stmt &Wait,
            const NameMatcher &Setters,
            llvm::function_ref<bool(const ValueDecl *)> IsEvent);

/// A wait of a coroutine for an event or a promise of its own.
struct SelfWait {
  const CoroutineSuspendExpr *Wait;
  /// The event, or the promise whose future is awaited.
  const VarDecl *Event;
  /// The first set of it that may run after the wait (may be null).
  const CXXMemberCallExpr *Setter;
  bool OnFuture = false;
};

/// The awaits among \p Points (of \p Coroutine, whose body's CFG is
/// \p Graph) of an event, or of the future of a promise, that is a local
/// of \p Coroutine created unset and that nothing names on any path to the
/// first arrival at the wait (but the future's own initialiser).
std::vector<SelfWait> selfWaits(const FunctionDecl &Coroutine, const Stmt &Body,
                                const CFG &Graph,
                                ArrayRef<const CoroutineSuspendExpr *> Points,
                                const EventKnowledge &Know);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EVENTWAITS_H

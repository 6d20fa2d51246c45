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
    "async_simple::coro::Latch::wait";
// Members that set an event (release its waiters).
inline constexpr llvm::StringLiteral DefaultEventSignalMembers =
    "::coro::event::set;::coro::latch::count_down;"
    "cppcoro::single_consumer_event::set;"
    "cppcoro::async_manual_reset_event::set;"
    "cppcoro::async_auto_reset_event::set;cppcoro::async_latch::count_down;"
    "folly::coro::Baton::post;async_simple::coro::Latch::count_down;"
    "async_simple::coro::Latch::arrive_and_wait";

/// Which classes are events, which members wait on one and which set one.
struct EventKnowledge {
  const NameMatcher &Types;
  const NameMatcher &WaitMembers;
  const NameMatcher &SignalMembers;
};

/// The declaration that names the event \p Point awaits (the object awaited,
/// or the object of an awaited wait member); null when it awaits no event.
const ValueDecl *awaitedEvent(const CoroutineSuspendExpr &Point,
                              const EventKnowledge &Know);

/// True when \p Var is a non-static local (not a reference) created unset:
/// default arguments only, or one constant that is false (an initial state)
/// or positive (a latch's count).
bool createdUnset(const VarDecl &Var);

/// True when \p S is within \p Within (or is it).
bool isWithin(const Stmt *S, const Stmt &Within);

/// The declarations that the statements of \p Arrival name (directly or by
/// a lambda capture), outside \p Wait.
std::vector<const ValueDecl *> namedBefore(const FirstArrival &Arrival,
                                           const Stmt &Wait);

/// The first call of a signal member in \p Body whose object \p IsEvent
/// accepts and that may run after \p Wait on \p Graph; null when none.
const CXXMemberCallExpr *
signalAfter(const CFG &Graph, const Stmt &Body, const Stmt &Wait,
            const EventKnowledge &Know,
            llvm::function_ref<bool(const ValueDecl *)> IsEvent);

/// A wait of a coroutine for an event of its own.
struct SelfWait {
  const CoroutineSuspendExpr *Wait;
  const VarDecl *Event;
  /// The first set of the event that may run after the wait (may be null).
  const CXXMemberCallExpr *Setter;
};

/// The awaits among \p Points (of \p Coroutine, whose body's CFG is
/// \p Graph) of an event that is a local of \p Coroutine created unset and
/// that nothing names on any path to the first arrival at the wait.
std::vector<SelfWait> selfWaits(const FunctionDecl &Coroutine,
                                const Stmt &Body, const CFG &Graph,
                                ArrayRef<const CoroutineSuspendExpr *> Points,
                                const EventKnowledge &Know);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EVENTWAITS_H
